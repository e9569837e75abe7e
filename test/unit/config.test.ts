import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "../../src/config/index.ts";

describe("loadConfig", () => {
  it("uses documented defaults when nothing is set", () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      PORT: 4000,
      HOST: "127.0.0.1",
      NEO4J_DATABASE: "neo4j",
      NODE_ENV: "development",
      SEED_ON_START: "auto",
    });
    expect(config.NEO4J_URI).toBeUndefined();
  });

  it.each([
    "bolt://db:7687",
    "neo4j://cluster.internal",
    "neo4j+s://abcd.databases.neo4j.io",
    "bolt+ssc://db",
  ])("accepts NEO4J_URI %s", (uri) => {
    expect(loadConfig({ NEO4J_URI: uri }).NEO4J_URI).toBe(uri);
  });

  it("names the variable and the expected form when a value is wrong", () => {
    expect(() => loadConfig({ NEO4J_URI: "http://db:7474", PORT: "eighty" })).toThrow(ConfigError);
    try {
      loadConfig({ NEO4J_URI: "http://db:7474", PORT: "eighty" });
    } catch (error) {
      const message = (error as Error).message;
      expect(message).toContain('NEO4J_URI="http://db:7474": expected a Bolt URI');
      expect(message).toContain('PORT="eighty"');
    }
  });
});

describe("DEFAULT_PARTNERSHIP", () => {
  it("is unset unless given, and takes a partnership id", () => {
    expect(loadConfig({}).DEFAULT_PARTNERSHIP).toBeUndefined();
    expect(loadConfig({ DEFAULT_PARTNERSHIP: "partnership:barnet" }).DEFAULT_PARTNERSHIP).toBe(
      "partnership:barnet",
    );
  });

  it("names the variable and the form when it is not a partnership id", () => {
    expect(() => loadConfig({ DEFAULT_PARTNERSHIP: "barnet" })).toThrow(
      /DEFAULT_PARTNERSHIP="barnet": expected a partnership id such as partnership:barnet/,
    );
  });
});

describe("QUERY_COST_LIMIT", () => {
  it("defaults to 150,000 and takes a whole number", () => {
    expect(loadConfig({}).QUERY_COST_LIMIT).toBe(150_000);
    expect(loadConfig({ QUERY_COST_LIMIT: "400000" }).QUERY_COST_LIMIT).toBe(400_000);
  });

  it.each(["lots", "12.5", "10", "1e12"])("refuses %s, naming the variable and the form", (value) => {
    expect(() => loadConfig({ QUERY_COST_LIMIT: value })).toThrow(
      `QUERY_COST_LIMIT="${value}": expected a whole number of cost units from 1000 to 100000000`,
    );
  });
});
