import type { IResolvers } from "@graphql-tools/utils";
import { ErrorCode, GovernanceError } from "../errors/index.ts";
import { ImportError, importSpreadsheet, type ImportReport } from "../import/index.ts";
import type { ApiContext } from "./context.ts";

interface ImportArgs {
  partnershipId: string;
  strategyId: string;
  fileName: string;
  contentBase64: string;
  mapping?: string | null;
  dryRun?: boolean | null;
}

interface Claims {
  sub?: unknown;
  roles?: unknown;
  partnerships?: unknown;
}

const list = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : [];

/** Who may import into a partnership: the same rule as every write (an editor of it, or an admin). */
export function authorizeImport(claims: Claims | undefined, partnershipId: string): string {
  if (!claims)
    throw new GovernanceError(
      ErrorCode.UNAUTHENTICATED,
      "Imports need an editor's token of the partnership: send Authorization: Bearer <token>.",
    );
  const roles = list(claims.roles);
  const editor = roles.includes("editor") && list(claims.partnerships).includes(partnershipId);
  if (!roles.includes("admin") && !editor)
    throw new GovernanceError(
      ErrorCode.FORBIDDEN,
      `Importing into ${partnershipId} needs an editor of ${partnershipId} or an admin; this token has roles ${roles.join(", ") || "(none)"} for ${list(claims.partnerships).join(", ") || "no partnership"}.`,
    );
  return typeof claims.sub === "string" ? claims.sub : (roles[0] ?? "unknown");
}

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

const CODES: Record<ImportError["kind"], ErrorCode> = {
  input: ErrorCode.BAD_USER_INPUT,
  "not-found": ErrorCode.NOT_FOUND,
  forbidden: ErrorCode.FORBIDDEN,
};

/** The report in the shape of schema/import.graphql. */
const shape = (report: ImportReport) => ({
  ...report,
  documentId: report.document.id,
  documentCreated: report.document.created,
  ignoredColumns: report.ignoredColumns.map((c) => `${c.sheet} ${c.column} (${c.header})`),
  rows: report.rows.map((row) => ({ ...row, subject: row.subject })),
});

/** Resolvers of schema/import.graphql. */
export const importResolvers: IResolvers<unknown, ApiContext> = {
  Mutation: {
    async importSpreadsheet(_, args: ImportArgs, context) {
      const actor = authorizeImport(context.jwt as Claims | undefined, args.partnershipId);
      const content = args.contentBase64.replace(/\s+/g, "");
      if (!BASE64.test(content) || content.length % 4 === 1)
        throw new GovernanceError(
          ErrorCode.BAD_USER_INPUT,
          `contentBase64: expected the file's bytes in base64 (RFC 4648), found characters outside A-Z a-z 0-9 + / =. Fix: send btoa(bytes) or Buffer.from(bytes).toString("base64").`,
          { field: "contentBase64" },
        );
      try {
        const report = await importSpreadsheet(
          context.driver,
          {
            fileName: args.fileName,
            content: Buffer.from(content, "base64"),
            partnershipId: args.partnershipId,
            strategyId: args.strategyId,
            ...(args.mapping ? { mapping: { text: args.mapping, fileName: "mapping" } } : {}),
            dryRun: args.dryRun ?? false,
            actor,
          },
          { database: context.database, timeoutMs: context.timeoutMs },
        );
        return shape(report);
      } catch (error) {
        if (error instanceof ImportError) throw new GovernanceError(CODES[error.kind], error.message);
        throw error;
      }
    },
  },
};
