import { execute, type DocumentNode, type GraphQLSchema } from "graphql";
import neo4j, { type Driver } from "neo4j-driver";
import { createContext, type VerifyToken } from "../api/index.ts";
import { today } from "../text/index.ts";
import {
  ViewerDiagramDocument,
  ViewerHealthDocument,
  ViewerPartnershipsDocument,
  ViewerSpanDocument,
} from "../../generated/documents.ts";

export interface WarmUpOptions {
  schema: GraphQLSchema;
  driver: Driver;
  database: string;
  timeoutMs: number;
  verifyToken: VerifyToken;
  /** Checked before each question: true once the process is stopping, and nothing more is asked. */
  stopping: () => boolean;
}

export interface WarmUpReport {
  /** The partnership the questions were about; undefined when none is loaded (or it could not be read). */
  partnershipId: string | undefined;
  /** The questions answered without errors, by operation name. */
  answered: string[];
  /** The questions that failed, each with its first error. */
  failed: { name: string; message: string }[];
  ms: number;
}

/** The viewer's first four questions, as a visitor's first page load asks them (name, document, variables). */
export const viewerFirstQuestions = (
  partnershipId: string,
): [string, DocumentNode, Record<string, unknown>][] => [
  ["ViewerPartnerships", ViewerPartnershipsDocument, {}],
  ["ViewerSpan", ViewerSpanDocument, { partnershipId }],
  ["ViewerDiagram", ViewerDiagramDocument, { partnershipId, asOf: today() }],
  ["ViewerHealth", ViewerHealthDocument, { partnershipId, asOf: today() }],
];

const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/**
 * Asks the viewer's first questions once, in-process and as an anonymous visitor, about the first
 * partnership by id, so that the first real visitor after a start does not pay for a cold process
 * and a cold database: at 300 partnerships a visitor's first page load right after a start took
 * about 5 s, and 0.26 s after this had run (`npm run bench:first-visit`; BENCHMARKS.md, session
 * 11). What warms carries over to every partnership: Neo4j plans its queries by their
 * text, whose partnership is a parameter, and V8 compiles the code paths whatever the data. Never
 * throws: a question that fails is reported, and the server serves as it would have.
 */
export async function warmUp(options: WarmUpOptions): Promise<WarmUpReport> {
  const start = performance.now();
  const report: WarmUpReport = { partnershipId: undefined, answered: [], failed: [], ms: 0 };
  const done = (): WarmUpReport => ({ ...report, ms: Math.round(performance.now() - start) });
  if (options.stopping()) return done();
  try {
    const { records } = await options.driver.executeQuery(
      "MATCH (p:Partnership) RETURN p.id AS id ORDER BY id LIMIT 1",
      {},
      {
        database: options.database,
        routing: neo4j.routing.READ,
        transactionConfig: { timeout: options.timeoutMs },
      },
    );
    report.partnershipId = records[0]?.get("id") as string | undefined;
  } catch (error) {
    report.failed.push({ name: "the first partnership", message: messageOf(error) });
  }
  if (report.partnershipId === undefined) return done();
  const { driver, database, timeoutMs, verifyToken } = options;
  for (const [name, document, variableValues] of viewerFirstQuestions(report.partnershipId)) {
    if (options.stopping()) break;
    try {
      const contextValue = await createContext({ driver, database, timeoutMs, verifyToken });
      const result = await execute({ schema: options.schema, document, variableValues, contextValue });
      if (result.errors?.length) report.failed.push({ name, message: result.errors[0]!.message });
      else report.answered.push(name);
    } catch (error) {
      report.failed.push({ name, message: messageOf(error) });
    }
  }
  return done();
}

/** The one line `npm start` logs when the warm-up has finished. */
export function describeWarmUp(report: WarmUpReport): string {
  const about = report.partnershipId ? ` about ${report.partnershipId}` : "";
  const failed = report.failed.length
    ? `; ${report.failed.map((f) => `${f.name} failed: ${f.message.replace(/\s+/g, " ")}`).join("; ")}`
    : "";
  if (!report.partnershipId && !report.failed.length)
    return "[api] warm-up: no partnership is loaded, nothing asked";
  return `[api] warm-up: ${report.answered.length} of the viewer's first questions answered${about} in ${report.ms} ms${failed}`;
}
