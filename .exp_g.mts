import {DuckDBInstance} from "@duckdb/node-api";
import {readSwedishCsv} from "./loaders/register/readSwedishCsv.js";
const inst = await DuckDBInstance.create(":memory:");
const c = await inst.connect();
let t = Date.now();
const r = await readSwedishCsv(c, "/tmp/exp/bench.csv", {legend: {"..": "missing", "X": "suppressed", "-": "zero"}, encoding: "utf-8", areaColumn: "Regionkod", yearColumn: "År", valueColumns: ["Antal", "Andel"], table: "out"});
console.log(r, Date.now() - t, "ms", process.memoryUsage().rss / 1e6);
console.log((await c.runAndReadAll("select status, count(*), sum(value) from out group by all")).getRowsJS());
console.log((await c.runAndReadAll("select * from out where line in (2, 10000001) order by line, series")).getRowsJS());
