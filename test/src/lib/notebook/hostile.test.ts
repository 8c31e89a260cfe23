// The hostile corpus (test/fixtures/hostile/, see its README), one test per
// case, in node: what loading, exporting, Markdown, parameters and csv make
// of each attack. The browser half is test/e2e/security.test.ts.
import {readFileSync} from "node:fs";
import {beforeAll, describe, expect, it} from "vitest";
import {EXCEL, PROGRAMS, writeCsv} from "../../../../src/lib/csv.js";
import {LOCKDOWN} from "../../../../src/lib/duckdbLockdown.js";
import {chartPlan} from "../../../../src/lib/notebook/chartPlan.js";
import {describeError, OUTSIDE_TITLE} from "../../../../src/lib/notebook/errors.js";
import {notebookToMarkdown} from "../../../../src/lib/notebook/exportMarkdown.js";
import {treeToHtml} from "../../../../src/lib/notebook/htmlTree.js";
import {markdownTree} from "../../../../src/lib/notebook/markdown.js";
import {cellNameProblem, fromData, newNotebook, toData} from "../../../../src/lib/notebook/model.js";
import {bindParameters} from "../../../../src/lib/notebook/params.js";
import {bytesToBase64url, decodeNotebook, encodeNotebook} from "../../../../src/lib/notebook/serialize.js";
import {refusedStatement, splitStatements} from "../../../../src/lib/notebook/sqlText.js";
import {runExportedPage} from "../../../helpers/nodeNotebook.js";
import {openWasm} from "../../../helpers/wasmDuckDB.js";

const TABLES = ["observations", "areas", "population", "indicators", "comparability", "responses", "surveys"];
const LISTENER = "http://127.0.0.1:9";
const fixture = (name: string) => JSON.parse(readFileSync(new URL(`../../../fixtures/hostile/${name}`, import.meta.url), "utf8").replaceAll("{{LISTENER}}", LISTENER));
const hostile = (name: string) => fromData(fixture(name), {source: `filen ${name}`, tableNames: TABLES});

/** The exported page, parsed by Framework: its HTML and the code it would inline into <script type="module">. */
async function exported(name: string) {
  const notebook = hostile(name);
  const markdown = notebookToMarkdown(notebook, {tables: TABLES});
  return {notebook, markdown, run: await runExportedPage(markdown)};
}

describe("chart-code.json: column names and labels that would break out of chart code", () => {
  it("stay field names and labels in a plan of data, and the exported page holds them as data", async () => {
    const notebook = hostile("chart-code.json");
    const chart = notebook.cells[0]!.chart!;
    const plan = chartPlan(chart, [], {width: 640});
    expect(plan.marks[0]!.options).toMatchObject({x: chart.x, y: chart.y});
    expect(JSON.parse(JSON.stringify(plan))).toEqual(plan);
    const {run} = await exported("chart-code.json");
    expect(run.report!.notebook.cells[0].chart).toEqual(toData(notebook).cells[0]!.chart);
  });
});

describe("script-breakout.json: markup and script ends in SQL, titles and Markdown", () => {
  it("cannot end the exported page's inline script or add markup to it", async () => {
    const {notebook, markdown, run} = await exported("script-breakout.json");
    const code = markdown.split("```js").slice(1).map((block) => block.split("```")[0]!);
    for (const block of code) expect(block).not.toMatch(/<\/script|<!--|<script|[\u2028\u2029]/i);
    expect(run.html).not.toMatch(/<script/i);
    expect(run.html).not.toContain("observablehq--error");
    expect(run.title).toBe(notebook.title);
    expect(run.report!.notebook).toEqual(toData(notebook));
  });
});

describe("network-sql.json: SQL that reads, loads or writes over the network", () => {
  let wasm: Awaited<ReturnType<typeof openWasm>>;
  beforeAll(async () => {
    wasm = await openWasm();
    wasm.connection.query("CREATE TABLE areas AS SELECT '0180' AS code");
    for (const statement of LOCKDOWN) wasm.connection.query(statement);
  }, 60_000);

  it("fails in every cell with the Swedish message, as the notebook runs it", () => {
    const outcomes = hostile("network-sql.json").cells.map((cell) => {
      try {
        for (const statement of splitStatements(cell.sql)) {
          const refused = refusedStatement(statement.text);
          if (refused) throw new Error(refused);
          wasm.connection.query(statement.text);
        }
        return `${cell.name}: ran`;
      } catch (error) {
        return `${cell.name}: ${describeError(error).title}`;
      }
    });
    expect(outcomes).toEqual(hostile("network-sql.json").cells.map((c) => `${c.name}: ${OUTSIDE_TITLE}`));
  });
});

describe("markdown.json: raw HTML, script links, remote images, expressions reaching for JavaScript", () => {
  it("renders text only, loads nothing, and evaluates no JavaScript", () => {
    const text = hostile("markdown.json").cells[1]!.text!;
    const scope = {results: {tal: {rows: [{andel: 24.45}], columns: [{name: "andel", type: "DOUBLE"}], styles: {andel: "share"}}}, inputs: {}};
    const {tree, errors} = markdownTree(text, scope);
    const html = treeToHtml(tree);
    expect(html).not.toMatch(/<script|<img|<iframe|href="javascript|\ssrc="/i);
    expect(html).toContain("24,5 procent");
    expect(errors).toEqual([expect.stringContaining("constructor"), expect.stringContaining("okänd funktion fetch")]);
  });
});

describe("links.json: broken and oversized shared links", async () => {
  const valid = await encodeNotebook(newNotebook({title: "Hel", cells: [{sql: "SELECT 1"}]}));
  const deflate = async (text: string) => {
    const stream = new Blob([new TextEncoder().encode(text)]).stream().pipeThrough(new CompressionStream("deflate-raw"));
    return bytesToBase64url(new Uint8Array(await new Response(stream).arrayBuffer()));
  };
  const many = JSON.stringify({version: 2, cells: Array.from({length: 201}, (_, i) => ({type: "sql", name: `c${i}`, sql: ""}))});
  const cases = fixture("links.json").cases as {name: string; value: string; message: string}[];
  it.each(cases)("$name: refused with a message saying why", async ({value, message}) => {
    let encoded = value.replace("{{VALID_PREFIX}}", valid.slice(0, Math.floor(valid.length / 2)));
    if (encoded === "{{MANY_CELLS}}") encoded = await deflate(many);
    const inline = /^\{\{DEFLATE:(.*)\}\}$/s.exec(encoded);
    if (inline) encoded = await deflate(inline[1]!);
    await expect(decodeNotebook(encoded, {tableNames: TABLES})).rejects.toThrow(message);
  });
});

describe("parameters.json: input values that would change a spliced query", () => {
  it("are only values: no row matches, the table is intact", async () => {
    const {query, values} = fixture("parameters.json") as {query: string; values: string[]};
    const wasm = await openWasm();
    wasm.connection.query("CREATE TABLE areas AS SELECT * FROM (VALUES ('0180', 'Stockholm'), ('01', 'Stockholms län')) t(code, name)");
    for (const value of values) {
      const {text, params} = bindParameters(query, {kommun: value});
      expect(text).toBe("SELECT count(*) AS n FROM areas WHERE code = $1");
      const statement = (wasm.connection as unknown as {prepare(sql: string): {query(...p: unknown[]): {toArray(): {toJSON(): {n: unknown}}[]}}}).prepare(text);
      expect(Number(statement.query(...params).toArray()[0]!.toJSON().n)).toBe(0);
    }
    expect(wasm.rows("SELECT count(*)::INTEGER AS n FROM areas")).toEqual([{n: 2}]);
  }, 60_000);
});

describe("text.json: names and titles with markup, formulas for spreadsheets", () => {
  const text = fixture("text.json") as {titles: string[]; cellNames: string[]; formulas: string[]};

  it.each(text.titles)("the title %j is text on the exported page", async (title) => {
    const run = await runExportedPage(notebookToMarkdown(newNotebook({title, cells: [{sql: "SELECT 1 AS x"}]}), {tables: TABLES}));
    expect(run.title).toBe(title);
    expect(run.html).not.toMatch(/<script|<img|href="javascript/i);
    expect(run.html).not.toContain("observablehq--error");
  });

  it.each(text.cellNames)("the cell name %j is refused", (name) => {
    expect(cellNameProblem(name, {tableNames: TABLES})).not.toBeNull();
  });

  it.each(text.formulas)("the value %j is written as text in both csv conventions", (formula) => {
    for (const convention of [EXCEL, PROGRAMS]) {
      const csv = writeCsv([{namn: formula}], [{key: "namn", label: "namn", type: "text"}], convention);
      const field = csv.replace(/^\ufeff/, "").split("\r\n")[1]!.replace(/^"|"$/g, "");
      expect(field.startsWith("'")).toBe(true);
    }
  });
});
