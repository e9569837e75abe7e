/** Id prefix for each label, so an id says what it names: body:scpb, person:kiran-vagarwal. */
export const ID_PREFIX: Readonly<Record<string, string>> = {
  Partnership: "partnership",
  Organisation: "org",
  Person: "person",
  Body: "body",
  Service: "service",
  Document: "doc",
  Strategy: "strategy",
  Objective: "objective",
  Action: "action",
  ProgressUpdate: "update",
  Indicator: "indicator",
  Measurement: "measurement",
  Risk: "risk",
  Meeting: "meeting",
  AgendaItem: "item",
  Decision: "decision",
};

/** Every node label (each has a uniqueness constraint, so an index, on id). */
export const LABELS: readonly string[] = Object.keys(ID_PREFIX);

export const ID_PATTERN = /^[a-z]+:[a-z0-9][a-z0-9._:-]*$/;

/** The expected form of an id for a label when `id` does not have it; undefined when it does. */
export function idProblem(label: string, id: unknown): string | undefined {
  const prefix = ID_PREFIX[label];
  const fits = typeof id === "string" && ID_PATTERN.test(id) && (!prefix || id.startsWith(`${prefix}:`));
  return fits
    ? undefined
    : `expected an id like ${prefix ?? "label"}:some-slug (lower case, digits, - . :), found ${JSON.stringify(id)}.`;
}
