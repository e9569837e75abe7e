import { Router, type Request, type Response } from "express";
import { GraphQLError } from "graphql";
import { ErrorCode } from "../errors/index.ts";
import { DEFAULT_BASE_IRI, exportFiles, type ExportRequest } from "../export/index.ts";
import { buildDomainModel, readTypeDefs } from "../schema-model/index.ts";
import { isIsoDate } from "../text/dates.ts";
import { createContext, type ContextOptions } from "./context.ts";
import { viewerOf } from "./viewer.ts";

const STATUS: Partial<Record<string, number>> = {
  [ErrorCode.NOT_FOUND]: 404,
  [ErrorCode.BAD_USER_INPUT]: 400,
  [ErrorCode.UNAUTHENTICATED]: 401,
  [ErrorCode.DATABASE_UNAVAILABLE]: 503,
};

/** The files served under /export/<partnership>/: the format and RDF syntax each name stands for. */
const FILES: Record<string, Pick<ExportRequest, "format" | "rdf">> = {
  "popolo.json": { format: "popolo" },
  "org.ttl": { format: "org", rdf: "turtle" },
  "org.jsonld": { format: "org", rdf: "jsonld" },
};

const fail = (response: Response, status: number, code: string, message: string): void =>
  void response.status(status).json({ error: { code, message } });

/**
 * GET /export/<partnership>/popolo.json | org.ttl | org.jsonld | csv/ | csv/<name>.csv[?asOf=YYYY-MM-DD]:
 * the open-data exports, computed under the caller's visibility (the bearer token, as for /graphql):
 * an anonymous export never holds restricted items, private notes or contact details.
 */
export function exportRoute(options: ContextOptions & { baseIri?: string }): Router {
  const model = buildDomainModel(readTypeDefs());
  const router = Router();
  const serve = async (request: Request, response: Response, file: string): Promise<void> => {
    const asOf = typeof request.query.asOf === "string" ? request.query.asOf : undefined;
    if (asOf !== undefined && !isIsoDate(asOf))
      return fail(
        response,
        400,
        ErrorCode.BAD_USER_INPUT,
        `asOf expects a date as YYYY-MM-DD, found "${asOf}".`,
      );
    const param = String(request.params.partnership);
    const partnershipId = param.startsWith("partnership:") ? param : `partnership:${param}`;
    const csv = /^csv\/(?<name>[A-Za-z_]*)(\.csv)?$/.exec(file)?.groups?.name;
    const kind = csv !== undefined ? ({ format: "csv" } as const) : FILES[file];
    if (!kind)
      return fail(
        response,
        404,
        ErrorCode.NOT_FOUND,
        `No export "${file}". Ask for popolo.json, org.ttl, org.jsonld, csv/ (the list) or csv/<name>.csv.`,
      );
    try {
      const context = await createContext(options, request.headers.authorization);
      const viewer = viewerOf(context.jwt);
      const files = await exportFiles(context.read, model, {
        ...kind,
        baseIri: options.baseIri ?? DEFAULT_BASE_IRI,
        scope: { partnershipId, asOf: asOf ?? null, viewer },
      });
      // What an officer receives must not sit in a shared cache.
      response.set("cache-control", context.jwt ? "private, no-store" : "public, max-age=60");
      if (csv === "") return void response.json({ files: files.map((f) => `csv/${f.name}`) });
      const chosen = csv !== undefined ? files.find((f) => f.name === `${csv}.csv`) : files[0];
      if (!chosen)
        return fail(
          response,
          404,
          ErrorCode.NOT_FOUND,
          `No table "${csv}" for ${partnershipId}; see csv/ for the list.`,
        );
      response.type(chosen.contentType).send(chosen.body);
    } catch (error) {
      const code = error instanceof GraphQLError ? String(error.extensions.code ?? "") : "";
      const status = STATUS[code];
      if (status) return fail(response, status, code, (error as Error).message);
      throw error;
    }
  };
  router.get("/:partnership/csv/:name", (request, response, next) =>
    serve(request, response, `csv/${request.params.name}`).catch(next),
  );
  router.get("/:partnership/csv", (request, response, next) => serve(request, response, "csv/").catch(next));
  router.get("/:partnership/:file", (request, response, next) =>
    serve(request, response, String(request.params.file)).catch(next),
  );
  return router;
}
