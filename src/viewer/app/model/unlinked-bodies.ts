import type { ViewerDiagramQuery } from "../../../../generated/documents.js";
import type { BodyRow } from "./diagram-model.js";
import { isValidAt } from "../../../traversals/validity.js";

/** Bodies of the partnership valid at asOf that governanceDiagram does not draw, with their chair at that date. */
export function unlinkedBodies(data: ViewerDiagramQuery, asOf: string): BodyRow[] {
  const drawn = new Set(data.governanceDiagram.nodes.map((n) => n.id));
  return data.bodies
    .filter((b) => !drawn.has(b.id) && isValidAt(b, asOf))
    .map((b) => {
      const chairs = b.membersConnection.edges
        .filter((e) => isValidAt(e.properties, asOf))
        .sort((x, y) => (y.properties.validFrom ?? "").localeCompare(x.properties.validFrom ?? ""));
      return {
        id: b.id,
        name: b.name,
        kind: b.kind,
        frequency: b.frequency,
        chair: chairs[0]?.node.name ?? null,
      };
    });
}
