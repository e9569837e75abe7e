import neo4j from "neo4j-driver";
const driver = neo4j.driver(process.argv[2]!, neo4j.auth.basic("neo4j", ""));
const { records } = await driver.executeQuery("MATCH (p:Partnership) RETURN count(p) AS p", {}, { database: "neo4j" });
console.log(records[0]!.get("p").toString());
const r2 = await driver.executeQuery("SHOW TRANSACTIONS YIELD currentQuery, elapsedTime, status RETURN substring(currentQuery, 0, 120) AS q, elapsedTime, status", {}, { database: "neo4j" });
for (const r of r2.records) console.log(r.get("elapsedTime").toString(), r.get("status"), r.get("q"));
await driver.close();
