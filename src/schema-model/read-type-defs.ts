import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

/** The folder of SDL files: the one source of truth for the domain model. */
export const SCHEMA_DIR = path.resolve(import.meta.dirname, "../../schema");

/** All `schema/*.graphql` files, concatenated in name order. */
export function readTypeDefs(dir = SCHEMA_DIR): string {
  return readdirSync(dir)
    .filter((file) => file.endsWith(".graphql"))
    .sort()
    .map((file) => `# ${file}\n${readFileSync(path.join(dir, file), "utf8")}`)
    .join("\n");
}
