import neo4j from "neo4j-driver";
import type { PropertyModel } from "../schema-model/index.ts";

function convertScalar(property: PropertyModel | undefined, value: unknown): unknown {
  if (property?.type === "Date" && typeof value === "string") {
    const [year, month, day] = value.split("-").map(Number);
    return new neo4j.types.Date(year!, month!, day!);
  }
  // JavaScript numbers travel as Float; Int properties must be sent as Neo4j integers.
  if (property?.type === "Int" && typeof value === "number") return neo4j.int(value);
  return value;
}

/** Seed values (YAML scalars) as the driver must send them, by the property's declared type. */
export function toNeo4jProperties(
  values: Record<string, unknown>,
  model: ReadonlyMap<string, PropertyModel>,
): Record<string, unknown> {
  const converted: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(values)) {
    const property = model.get(name);
    converted[name] = Array.isArray(value)
      ? value.map((item) => convertScalar(property, item))
      : convertScalar(property, value);
  }
  return converted;
}
