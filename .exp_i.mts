import {DuckDBInstance} from "@duckdb/node-api";
const inst = await DuckDBInstance.create(":memory:");
const c = await inst.connect();
await c.run(`create table s as select nullif(trim(c0),'') as area, CAST(c1 AS INTEGER) AS year from read_csv('/tmp/exp/bench.csv', columns={'c0':'VARCHAR','c1':'VARCHAR','c2':'VARCHAR','c3':'VARCHAR'}, header=true, auto_detect=false, delim=';', quote='"', escape='"', strict_mode=true, null_padding=false)`);
const qs: Record<string,string> = {
  hashDistinct: "SELECT count(*) = count(DISTINCT hash(area, year)) FROM s",
  hashGroup: "SELECT h FROM (SELECT hash(area, year) h FROM s) GROUP BY h HAVING count(*) > 1 LIMIT 1",
  countDistinct: "SELECT count(*) = count(DISTINCT (area, year)) FROM s",
  groupHaving: "SELECT area, year FROM s GROUP BY ALL HAVING count(*) > 1 LIMIT 1",
  minN: "SELECT area, year, min(rowid, 2) AS rows FROM s GROUP BY area, year HAVING count(*) > 1 ORDER BY rows[2] LIMIT 1",
};
for (let rep = 0; rep < 2; rep++) for (const [k, q] of Object.entries(qs)) { const t = Date.now(); await c.runAndReadAll(q); console.log(k, Date.now() - t); }
