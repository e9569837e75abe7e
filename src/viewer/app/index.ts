// The page's parts that run without a page, for tests and tools; the page itself starts at main.ts.
export { GraphQLClient } from "./api/graphql-client.js";
export { describeHits } from "./controls/search-hits.js";
export { createElk } from "./layout/elk.js";
export { layoutDiagram, type LaidOutDiagram, type Point } from "./layout/layout-diagram.js";
export { wrapText } from "./layout/wrap-text.js";
export { dataSpan, defaultAsOf, spanText } from "./model/data-span.js";
export { buildDiagramModel, chunkEvenly, type BodyRow, type LineRow } from "./model/diagram-model.js";
export { shortName } from "./model/short-name.js";
export { strategyTree, type ObjectiveRow } from "./model/strategy-tree.js";
export { chainLevels } from "./panels/chain-panel.js";
export { segmentsThrough } from "./render/cytoscape-elements.js";
export { diagramSvg } from "./render/diagram-svg.js";
export type { DiagramSnapshot } from "./render/diagram-view.js";
export { readUrlState, urlQuery } from "./state/url-state.js";
