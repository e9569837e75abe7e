import type { GovernanceGroupFragment } from "../../../generated/documents.ts";
import { isValidAt } from "../../traversals/validity.ts";
import type { FindingIndex, Flag } from "./findings.ts";

/** A governance group as the template lists it: name, frequency, membership, purpose. */
export interface GovernanceGroupRow {
  id: string;
  name: string;
  kind: string;
  frequency: string | null;
  membership: string | null;
  purpose: string | null;
  flags: Flag[];
}

/** The groups in existence on `asOf`, by name. */
export function governanceGroups(
  bodies: readonly GovernanceGroupFragment[],
  asOf: string,
  findings: FindingIndex,
): GovernanceGroupRow[] {
  return bodies
    .filter((body) => isValidAt(body, asOf))
    .map((body) => ({
      id: body.id,
      name: body.name,
      kind: body.kind,
      frequency: body.frequency,
      membership: body.membershipNote,
      purpose: body.purpose,
      flags: findings.flags(body.id),
    }));
}
