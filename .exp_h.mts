import {DuckDBInstance} from "@duckdb/node-api";
const inst = await DuckDBInstance.create(":memory:");
const c = await inst.connect();
let t = Date.now();
await c.run(`create table raw as select nullif(trim(c2),'') as a, nullif(trim(c3),'') as b from read_csv('/tmp/exp/bench.csv', columns={'c0':'VARCHAR','c1':'VARCHAR','c2':'VARCHAR','c3':'VARCHAR'}, header=true, auto_detect=false, delim=';', quote='"', escape='"', strict_mode=true, null_padding=false)`);
console.log("load", Date.now()-t);
const SP = " \u00a0\u202f\u2009";
const NUM = `[-\u2212]?(\\d{1,3}([${SP}]\\d{3})+|\\d+)([.,]\\d+)?`;
const norm = (r: string) => `replace(replace(regexp_replace(${r}, '[${SP}]', '', 'g'), ',', '.'), '\u2212', '-')`;
const variants: Record<string, (r: string) => string> = {
  translate: (r) => `CASE WHEN regexp_full_match(${r}, '${NUM}') THEN TRY_CAST(translate(${r}, ',\u2212${SP}', '.-') AS DOUBLE) END`,
  translateFast: (r) => `CASE WHEN regexp_full_match(${r}, '-?\\d+') THEN CAST(${r} AS DOUBLE) WHEN regexp_full_match(${r}, '${NUM}') THEN TRY_CAST(translate(${r}, ',\u2212${SP}', '.-') AS DOUBLE) END`,
  current: (r) => `CASE WHEN regexp_full_match(${r}, '${NUM}') THEN TRY_CAST(${norm(r)} AS DOUBLE) END`,
  fastint: (r) => `CASE WHEN regexp_full_match(${r}, '-?\\d+') THEN CAST(${r} AS DOUBLE) WHEN regexp_full_match(${r}, '${NUM}') THEN TRY_CAST(${norm(r)} AS DOUBLE) END`,
  trycastfirst: (r) => `coalesce(TRY_CAST(${r} AS BIGINT)::DOUBLE, CASE WHEN regexp_full_match(${r}, '${NUM}') THEN TRY_CAST(${norm(r)} AS DOUBLE) END)`,
  plaincast: (r) => `TRY_CAST(replace(${r}, ',', '.') AS DOUBLE)`,
  regexonly: (r) => `regexp_full_match(${r}, '${NUM}')`,
  regexmatches: (r) => `regexp_matches(${r}, '^${NUM}$')`,
};
for (const [k, f] of Object.entries(variants)) {
  t = Date.now();
  await c.run(`create or replace table x as select ${f("a")} as a, ${f("b")} as b from raw`);
  console.log(k, Date.now()-t);
}
t = Date.now();
await c.run(`create or replace table x as select CASE a WHEN '..' THEN 'missing' WHEN 'X' THEN 'suppressed' WHEN '-' THEN 'zero' END as m from raw`);
console.log("marker", Date.now()-t);
