// The page's parts that run without a page, for tests and tools; the page itself starts at main.ts.
export { GraphQLClient } from "./api/graphql-client.ts";
export { describeHits } from "./controls/search-hits.ts";
export { createElk } from "./layout/elk.ts";
export { layoutDiagram, type LaidOutDiagram, type Point } from "./layout/layout-diagram.ts";
export { wrapText } from "./layout/wrap-text.ts";
export { dataSpan, defaultAsOf, spanText } from "./model/data-span.ts";
export { buildDiagramModel, chunkEvenly, type BodyRow, type LineRow } from "./model/diagram-model.ts";
export { shortName } from "./model/short-name.ts";
export { strategyTree, type ObjectiveRow } from "./model/strategy-tree.ts";
export { chainLevels } from "./panels/chain-panel.ts";
export { segmentsThrough } from "./render/cytoscape-elements.ts";
export { diagramSvg } from "./render/diagram-svg.ts";
export type { DiagramSnapshot } from "./render/diagram-view.ts";
export { readUrlState, urlQuery } from "./state/url-state.ts";
