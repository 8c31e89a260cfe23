// The example queries beside the notebook run on the real tables, and one
// click on "Visa som diagram" draws what each description promises.
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {defaultChart} from "../../../../src/lib/notebook/chart.js";
import {EXAMPLES, followUpExample} from "../../../../src/lib/notebook/examples.js";
import {materializeSql} from "../../../../src/lib/notebook/sqlText.js";
import {openTables, type NodeDatabase} from "../../../helpers/nodeNotebook.js";

let db: NodeDatabase;
beforeAll(async () => {
  db = await openTables();
}, 120_000);
afterAll(() => db?.close());

async function run(sql: string) {
  await db.query(materializeSql("exempel", sql));
  const rows = await db.query('SELECT * FROM "exempel"');
  const columns = (await db.query('DESCRIBE "exempel"')).map((r) => ({name: String(r.column_name), type: String(r.column_type)}));
  return {rows, columns};
}

describe("example queries", () => {
  it.each(EXAMPLES.map((e) => [e.title, e] as const))("%s runs and returns rows", async (_, example) => {
    const {rows} = await run(example.sql);
    expect(rows.length).toBeGreaterThan(0);
  });

  it("have Swedish titles and descriptions, and distinct titles", () => {
    expect(new Set(EXAMPLES.map((e) => e.title)).size).toBe(EXAMPLES.length);
    for (const e of EXAMPLES) expect(e.description.length).toBeGreaterThan(20);
  });

  it("draw the chart their description promises", async () => {
    const trend = await run(EXAMPLES.find((e) => e.title === "En indikator i riket över tid")!.sql);
    expect(defaultChart(trend.columns, trend.rows)).toMatchObject({type: "line", x: "year", xKind: "year", y: "procent"});
    const lan = await run(EXAMPLES.find((e) => e.title === "Länen det senaste året")!.sql);
    expect(lan.rows).toHaveLength(21);
    expect(defaultChart(lan.columns, lan.rows)).toMatchObject({type: "bar", x: "procent", y: "län"});
    const population = await run(EXAMPLES.find((e) => e.title.startsWith("Folkmängd"))!.sql);
    // 21 län per year: too many for colours, so dots rather than a line zigzagging between län.
    expect(defaultChart(population.columns, population.rows)).toMatchObject({type: "dot", x: "year", y: "barn"});
  });

  it("offers a follow-up that queries an earlier cell by name", async () => {
    await run("SELECT 1 AS x");
    await db.query('CREATE OR REPLACE TABLE "resultat1" AS SELECT * FROM "exempel"');
    expect(await db.query(followUpExample("resultat1").sql)).toEqual([{x: 1}]);
  });
});
