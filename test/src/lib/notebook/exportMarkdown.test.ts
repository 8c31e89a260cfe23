// The exported report page: a Framework page that follows the site's offline
// rules and holds the notebook as data only. Framework's own parser reads it;
// its code runs with stand-ins that record what it hands the report view.
import {describe, expect, it} from "vitest";
import {EXAMPLES} from "../../../../src/lib/notebook/examples.js";
import {escapeMarkdownText, notebookFromMarkdown, notebookToMarkdown, scriptLiteral, swedishDate, tablesUsed} from "../../../../src/lib/notebook/exportMarkdown.js";
import {newNotebook, toData} from "../../../../src/lib/notebook/model.js";
import {runExportedPage} from "../../../helpers/nodeNotebook.js";

const TABLES = ["observations", "areas", "population", "indicators", "comparability", "responses", "surveys"];
const DATE = new Date(2026, 10, 23);
const lanChart = {type: "bar", x: "procent", y: "län", color: null, xKind: "number", yKind: "category", colorKind: null} as const;

function analysis() {
  return newNotebook({
    title: "Kompetensplaner ${inte} <b>fet</b>",
    cells: [
      {type: "input", name: "kommun", input: {kind: "unit", label: "Kommun", value: "0180"}},
      {sql: EXAMPLES[2]!.sql, title: "Länen det senaste året", chart: lanChart},
      {type: "markdown", name: "text1", text: 'Högst: ${value("resultat1", "procent")}'},
      {type: "js", name: "tabell1", code: "resultat1.filter((d) => d.procent > 50)"},
      {sql: "SELECT * FROM population WHERE area_code = $kommun", name: "befolkning"}
    ]
  });
}

describe("notebookToMarkdown", () => {
  const notebook = analysis();
  const markdown = notebookToMarkdown(notebook, {tables: TABLES, date: DATE});

  it("round-trips: the page holds the notebook it was exported from", () => {
    expect(toData(notebookFromMarkdown(markdown, {tableNames: TABLES}))).toEqual(toData(notebook));
  });

  it("imports the report view by path, never npm:, and reads files only as FileAttachment(…).href", async () => {
    const run = await runExportedPage(markdown);
    expect(run.imports).toEqual([expect.objectContaining({name: "./components/notebook/report.js", type: "local"})]);
    expect(markdown).not.toMatch(/npm:/);
    expect(run.report).toMatchObject({
      tables: {observations: "data/observations.parquet", areas: "data/areas.parquet", population: "data/population.parquet"},
      sandbox: "data/notebook-sandbox.html",
      boundaries: null
    });
    expect(run.displayed).toHaveLength(1);
    expect(run.html).not.toContain("observablehq--error");
  });

  it("hands the report view the notebook as data, exactly", async () => {
    const run = await runExportedPage(markdown);
    expect(run.report!.notebook).toEqual(toData(notebook));
  });

  it("escapes the title: no HTML, no ${…} interpolation, and the caption says when", async () => {
    expect(markdown).toContain('title: "Kompetensplaner ${inte} \\u003cb\\u003efet\\u003c/b\\u003e"');
    const run = await runExportedPage(markdown);
    expect(run.title).toBe("Kompetensplaner ${inte} <b>fet</b>");
    expect(run.html).not.toContain("<b>");
    expect(run.html).toContain("den 23 november 2026");
  });

  it("writes paths for a page one folder below src/, and loads the boundaries only for a map", async () => {
    const nested = notebookToMarkdown(newNotebook({cells: [{sql: "SELECT area_code, value FROM observations", chart: {...lanChart, type: "map", x: "area_code", y: "value", xKind: "category"}}]}), {tables: TABLES, base: "../", date: DATE});
    expect(nested).toContain('import {notebookReport} from "../components/notebook/report.js";');
    const run = await runExportedPage(nested, "/rapporter/export.md");
    expect(run.report).toMatchObject({tables: {observations: "../data/observations.parquet"}, sandbox: null, boundaries: "../data/kommuner.geojson"});
  });
});

describe("export helpers", () => {
  it("writes a script literal that cannot end or change the inline <script>", () => {
    const text = "</script><script>alert(1)</script><!-- \u2028\u2029 ${x} `";
    const literal = scriptLiteral({text});
    expect(literal).not.toMatch(/<\/script|<!--|<script|[\u2028\u2029]/i);
    expect(JSON.parse(literal)).toEqual({text});
  });

  it("finds the tables SQL cells mention, and escapes Markdown text", () => {
    expect(tablesUsed([{type: "sql", name: "a", sql: "SELECT 'areas' FROM \"Observations\""}], TABLES)).toEqual(["observations"]);
    expect(escapeMarkdownText("a*b_c\n# d")).toBe("a&#42;b&#95;c &#35; d");
    expect(swedishDate(new Date(2016, 0, 5))).toBe("5 januari 2016");
  });

  it("refuses a markdown file that is not an exported page", () => {
    expect(() => notebookFromMarkdown("# En sida\n", {source: "filen sida.md"})).toThrow(/Filen sida\.md är ingen sida exporterad från Utforska data/);
    expect(() => notebookFromMarkdown("<!-- oj-utforska-anteckningsbok e30 -->", {source: "filen sida.md"})).toThrow(/fältet version saknas/);
  });
});
