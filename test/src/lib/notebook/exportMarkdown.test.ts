// The exported report page: a Framework page that follows the site's offline
// rules and computes what the notebook computed. Framework's own parser reads
// it, and its code runs against the same tables in node DuckDB.
import {describe, expect, it} from "vitest";
import {EXAMPLES} from "../../../../src/lib/notebook/examples.js";
import {
  escapeMarkdownText,
  fitsSqlBlock,
  notebookFromMarkdown,
  notebookToMarkdown,
  planCells,
  swedishDate,
  tablesUsed,
  templateLiteral
} from "../../../../src/lib/notebook/exportMarkdown.js";
import {newNotebook, toData} from "../../../../src/lib/notebook/model.js";
import {plotExpression} from "../../../../src/lib/notebook/chart.js";
import {runExportedPage, runNotebook} from "../../../helpers/nodeNotebook.js";

const TABLES = ["observations", "areas", "population", "indicators", "comparability", "responses", "surveys"];
const DATE = new Date(2026, 10, 23);

const lanChart = {type: "bar", x: "procent", y: "län", color: null, xKind: "number", yKind: "category", colorKind: null} as const;

function analysis() {
  return newNotebook({
    title: "Kompetensplaner ${inte} <b>fet</b>",
    cells: [
      {sql: EXAMPLES[2]!.sql, title: "Länen det senaste året", chart: lanChart},
      // Refers to resultat1, with a DECIMAL (round) and a HUGEINT (sum of INTEGER) in the result.
      {sql: "SELECT count(*) AS län, round(avg(procent), 1) AS medel, sum(ja)::INTEGER AS ja FROM resultat1", title: "Sammanfattning"},
      // Two statements: a helper table first, then the query.
      {
        sql: "CREATE OR REPLACE TABLE hjälp AS SELECT year, sum(population_0_17) AS barn FROM population GROUP BY year;\nSELECT year, barn FROM hjälp ORDER BY year",
        name: "befolkning",
        chart: {type: "line", x: "year", y: "barn", color: null, xKind: "year", yKind: "number", colorKind: null}
      },
      // A backslash and a backtick: cannot go in a ```sql block unchanged.
      {sql: "SELECT regexp_replace('a1b22', '\\d+', '#', 'g') AS ersatt, 'x`y' AS citat", name: "specialtecken"},
      // Only a statement: no result to show.
      {sql: "CREATE OR REPLACE TABLE tom AS SELECT 1 AS x", name: "bara_sats"}
    ]
  });
}

describe("notebookToMarkdown", () => {
  const notebook = analysis();
  const markdown = notebookToMarkdown(notebook, {tables: TABLES, date: DATE, kinds: {befolkning: {year: "year", barn: "number"}}});

  it("round-trips: the page holds the notebook it was exported from", () => {
    const back = notebookFromMarkdown(markdown, {tableNames: TABLES});
    expect(toData(back)).toEqual(toData(notebook));
  });

  it("imports every library by name, never npm:, and reads Parquet only as FileAttachment(…).href", async () => {
    const run = await runExportedPage(markdown);
    expect(run.imports).toEqual([
      {name: "@observablehq/inputs", type: "global", method: "static"},
      {name: "@observablehq/plot", type: "global", method: "static"},
      {name: "./components/db.js", type: "local", method: "static"},
      {name: "./lib/format.js", type: "local", method: "static"},
      {name: "./lib/arrowRows.js", type: "local", method: "static"}
    ]);
    expect(markdown).not.toMatch(/npm:/);
    expect(markdown).not.toMatch(/FileAttachment\([^)]*\)\.(parquet|csv|json|arrow)\(/);
    // Only the tables the cells mention, as paths relative to a page in src/.
    expect(run.opened).toEqual({observations: "data/observations.parquet", areas: "data/areas.parquet", population: "data/population.parquet"});
    // `sql` (used by ```sql blocks) and Inputs (used to show them) are both bound on the page.
    expect(run.declarations).toEqual(expect.arrayContaining(["Inputs", "Plot", "db", "sql", "resultat1", "resultat2", "befolkning", "specialtecken"]));
  });

  it("computes the same rows as the notebook, cell by cell", async () => {
    const expected = await runNotebook(notebook.cells);
    const run = await runExportedPage(markdown);
    expect(Object.keys(expected)).toEqual(["resultat1", "resultat2", "befolkning", "specialtecken"]);
    expect(run.tables.map((t) => t.rows)).toEqual([expected.resultat1, expected.resultat2, expected.befolkning, expected.specialtecken]);
    expect(expected.resultat1).toHaveLength(21);
    expect(expected.resultat2![0]).toMatchObject({län: 21});
    expect(expected.specialtecken).toEqual([{ersatt: "a#b#", citat: "x`y"}]);
  });

  it("shows results as Swedish tables, years without a thousands separator", async () => {
    const run = await runExportedPage(markdown);
    for (const table of run.tables) expect(table.options).toMatchObject({select: false, locale: "sv-SE"});
    const format = run.tables[2]!.options.format as Record<string, (v: number) => string>;
    expect(Object.keys(format)).toEqual(["year"]);
    expect(format.year!(2016)).toBe("2016");
  });

  it("draws the notebook's charts with the same Plot code", async () => {
    expect(markdown).toContain(`display(resize((width) => ${plotExpression(lanChart, "resultat1")}));`);
    const run = await runExportedPage(markdown);
    expect(run.plots).toHaveLength(2);
    const marks = run.plots.map((p) => (p.marks as {mark: string}[]).map((m) => m.mark));
    expect(marks).toEqual([
      ["barX", "ruleX"],
      ["ruleY", "lineY", "dot"]
    ]);
    expect(run.plots[0]!.width).toBe(640);
  });

  it("writes ```sql blocks for plain queries, JS for SQL Framework would change, and views for referenced cells", () => {
    expect(markdown).toContain("```sql id=resultat1 display=false\n" + EXAMPLES[2]!.sql + "\n```");
    expect(markdown).toContain("```sql id=befolkning display=false\nSELECT year, barn FROM hjälp ORDER BY year\n```");
    expect(markdown).toContain("const specialtecken = await sql`SELECT regexp_replace('a1b22', '\\\\d+', '#', 'g') AS ersatt, 'x\\`y' AS citat`;");
    expect(markdown).toContain('await db.query(`CREATE OR REPLACE VIEW "resultat1" AS\nSELECT a.name AS län');
    expect(markdown).not.toContain('VIEW "resultat2"');
    expect(markdown).toContain("await db.query(`CREATE OR REPLACE TABLE hjälp AS SELECT year");
    expect(markdown).toContain("await db.query(`CREATE OR REPLACE TABLE tom AS SELECT 1 AS x`);");
    expect(markdown).not.toContain("bara_sats =");
  });

  it("escapes the title and headings: no HTML, no ${…} interpolation", () => {
    expect(markdown).toContain('title: "Kompetensplaner ${inte} <b>fet</b>"');
    expect(markdown).toContain("# Kompetensplaner &#36;&#123;inte&#125; &#60;b&#62;fet&#60;/b&#62;");
    expect(markdown).toContain("## Länen det senaste året");
    expect(markdown).toContain("den 23 november 2026");
  });

  it("writes paths for a page one folder below src/", () => {
    const nested = notebookToMarkdown(notebook, {tables: TABLES, base: "../", date: DATE});
    expect(nested).toContain('import {Database} from "../components/db.js";');
    expect(nested).toContain('FileAttachment("../data/observations.parquet").href');
  });
});

describe("export helpers", () => {
  it("plans which cells are referenced later", () => {
    const plans = planCells(analysis().cells);
    expect(plans.map((p) => [p.cell.name, p.referenced, p.setup.length, p.query !== null])).toEqual([
      ["resultat1", true, 0, true],
      ["resultat2", false, 0, true],
      ["befolkning", false, 1, true],
      ["specialtecken", false, 0, true],
      ["bara_sats", false, 1, false]
    ]);
    expect(tablesUsed([{sql: "SELECT 'areas' FROM \"Observations\""}], TABLES)).toEqual(["observations"]);
  });

  it("keeps any text exact in a template literal", () => {
    const text = "a `b` ${c} \\d \\` $";
    expect(new Function(`return ${templateLiteral(text)};`)()).toBe(text);
    expect(fitsSqlBlock("SELECT '$1' AS x")).toBe(true);
    expect(fitsSqlBlock("SELECT '${x}'")).toBe(false);
    expect(escapeMarkdownText("a*b_c")).toBe("a&#42;b&#95;c");
    expect(swedishDate(new Date(2016, 0, 5))).toBe("5 januari 2016");
  });

  it("refuses a markdown file that is not an exported page", () => {
    expect(() => notebookFromMarkdown("# En sida\n", {source: "filen sida.md"})).toThrow(/Filen sida\.md är ingen sida exporterad från Utforska data/);
    expect(() => notebookFromMarkdown("<!-- oj-utforska-anteckningsbok e30 -->", {source: "filen sida.md"})).toThrow(/fältet version saknas/);
  });
});
