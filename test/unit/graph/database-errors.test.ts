import { GraphQLError } from "graphql";
import { Neo4jError } from "neo4j-driver";
import { describe, expect, it } from "vitest";
import { isDatabaseOutOfMemory, isDatabaseTimeout, isDatabaseUnavailable } from "../../../src/graph/index.ts";

const failure = (code: string) => new Neo4jError("the server said no", code, "N/A", "N/A");

describe("a database failure's meaning for the API", () => {
  it.each([
    ["Neo.TransientError.General.MemoryPoolOutOfMemoryError", "memory"],
    ["Neo.TransientError.General.TransactionMemoryLimit", "memory"],
    ["Neo.TransientError.General.OutOfMemoryError", "memory"],
    ["Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration", "timeout"],
    ["ServiceUnavailable", "unavailable"],
    ["Neo.TransientError.Transaction.DeadlockDetected", "unavailable"],
    ["Neo.ClientError.Statement.SyntaxError", "none"],
  ])("%s is %s", (code, meaning) => {
    // As @neo4j/graphql and graphql-js hand it on: wrapped.
    const error = new GraphQLError("wrapped", { originalError: failure(code) });
    expect({
      memory: isDatabaseOutOfMemory(error),
      timeout: isDatabaseTimeout(error),
      unavailable: isDatabaseUnavailable(error),
    }).toEqual({
      memory: meaning === "memory",
      timeout: meaning === "timeout",
      unavailable: meaning === "unavailable",
    });
  });
});
