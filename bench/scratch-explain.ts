import neo4j from "neo4j-driver";
import { governanceHealth, governanceDiagram } from "../src/traversals/index.js";
const driver = neo4j.driver(process.argv[2]!, neo4j.auth.basic("neo4j", ""));
const ops = (p: any, acc: string[] = []): string[] => { acc.push(`${p.operatorType} ${String(p.arguments?.Details ?? "").slice(0, 100)}`); for (const c of p.children) ops(c, acc); return acc; };
const explain = (name: string) => async (cypher: string, params: any) => { const { summary } = await driver.executeQuery(`EXPLAIN ${cypher}`, params, { database: "neo4j" }); console.log(`== ${name}`); console.log(ops(summary.plan).filter((o) => /Scan|Seek|Index/.test(o)).join("\n")); return []; };
try {
  await governanceHealth(explain("health") as any, { partnershipId: "partnership:p000", asOf: "2024-06-30" });
  await governanceDiagram(explain("diagram") as any, { partnershipId: "partnership:p000", asOf: "2024-06-30" });
} finally { await driver.close(); }
