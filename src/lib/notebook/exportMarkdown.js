// A notebook as an Observable Framework page (src/<name>.md) that follows the
// site's offline rules: libraries imported by name, Parquet tables as
// FileAttachment(…).href handed to Database.open, and a `sql` tag in scope so
// ```sql blocks run against that database. Each cell becomes a ```sql block
// (its result bound to a variable named after the cell), a table, and the
// cell's chart as Plot code. Pure: node tests build and parse these pages.
import {fromData, NotebookError, toData} from "./model.js";
import {base64urlToBytes, bytesToBase64url} from "./serialize.js";
import {plotExpression} from "./chart.js";
import {identifiers, materializeSql, splitStatements, statementKind} from "./sqlText.js";

/** @typedef {import("./model.js").Notebook} Notebook */
/** @typedef {import("./model.js").Cell} Cell */

const EMBED = "oj-utforska-anteckningsbok";
const MONTHS = ["januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti", "september", "oktober", "november", "december"];

/** "23 november 2026" */
export function swedishDate(date) {
  return `${date.getDate()} ${MONTHS[date.getMonth()]} ${date.getFullYear()}`;
}

/** Text for markdown and HTML: no tags, no emphasis, no Framework ${…} interpolation. */
export function escapeMarkdownText(text) {
  return String(text).replace(/[\\`*_[\]<>#&$|~{}]/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** A JavaScript template literal holding `text` exactly. */
export function templateLiteral(text) {
  return `\`${String(text).replaceAll("\\", "\\\\").replaceAll("`", "\\`").replaceAll("${", "\\${")}\``;
}

/**
 * Framework puts a ```sql block's text into a raw template literal: a backtick,
 * "${" or a backslash would change the query. Such cells are written as JS.
 */
export function fitsSqlBlock(text) {
  return !/[`\\]|\$\{/.test(text);
}

/**
 * How each cell is exported: statements to run first, the query to show (or none), whether it is referenced later.
 * @param {Cell[]} cells
 * @returns {{cell: Cell, setup: string[], query: string | null, kind: string, referenced: boolean}[]}
 */
export function planCells(cells) {
  const plans = cells.map((cell) => {
    const statements = splitStatements(cell.sql);
    const last = statements.at(-1);
    const lastKind = last ? statementKind(last.text) : "other";
    const returnsRows = lastKind === "query" || lastKind === "describe";
    return {
      cell,
      setup: (returnsRows ? statements.slice(0, -1) : statements).map((s) => s.text),
      query: returnsRows ? last.text : null,
      kind: lastKind,
      referenced: false
    };
  });
  plans.forEach((plan, i) => {
    if (!plan.query) return;
    const name = plan.cell.name.toLowerCase();
    plan.referenced = plans.slice(i + 1).some((later) => identifiers(later.cell.sql).has(name));
  });
  return plans;
}

/**
 * The project tables (from `tables`, in that order) that any cell mentions.
 * @param {{sql: string}[]} cells
 * @param {string[]} tables
 */
export function tablesUsed(cells, tables) {
  const mentioned = new Set();
  for (const cell of cells) for (const name of identifiers(cell.sql)) mentioned.add(name);
  return tables.filter((t) => mentioned.has(t.toLowerCase()));
}

const fence = (info, body) => `\`\`\`${info}\n${body}\n\`\`\``;

/**
 * The page's markdown. Options: `tables`, the project's table names (those the
 * cells mention are loaded); `base`, the path from the page to src/ ("./" for a
 * page directly in src/, "../" one folder down); `date`; `kinds`, per cell name
 * the kind of each result column ({year: "year", …}) from its last run, so year
 * columns print as 2016 rather than 2 016.
 * @param {Notebook} notebook
 * @param {{tables: string[], base?: string, date?: Date, kinds?: Record<string, Record<string, string>>}} options
 * @returns {string}
 */
export function notebookToMarkdown(notebook, {tables, base = "./", date = new Date(), kinds = {}}) {
  if (!Array.isArray(tables)) throw new Error("notebookToMarkdown: tables (the project's table names) is required");
  const plans = planCells(notebook.cells);
  const used = tablesUsed(notebook.cells, tables);
  const charts = plans.some((p) => p.query && p.cell.chart);
  const data = `${base === "./" ? "" : base}data/`;
  const out = [];

  out.push("---", `title: ${JSON.stringify(notebook.title)}`, "toc: false", "---", "");
  out.push(`<!-- ${EMBED} ${bytesToBase64url(new TextEncoder().encode(JSON.stringify(toData(notebook))))} -->`, "");

  const imports = ['import * as Inputs from "@observablehq/inputs";'];
  if (charts) imports.push('import * as Plot from "@observablehq/plot";');
  imports.push(`import {Database} from "${base}components/db.js";`);
  if (charts) imports.push(`import {formatNumber} from "${base}lib/format.js";`);
  imports.push(`import {sqlTag} from "${base}lib/arrowRows.js";`);
  out.push(fence("js", imports.join("\n")), "");

  out.push(`# ${escapeMarkdownText(notebook.title)}`, "");
  out.push(
    `<p class="caption">Exporterad från Utforska data den ${swedishDate(date)}. Frågorna körs i webbläsaren med DuckDB-WASM över webbplatsens tabeller${used.length ? ` (${used.join(", ")})` : ""}.</p>`,
    ""
  );

  const setup = [];
  setup.push(
    used.length
      ? `const db = await Database.open({\n${used.map((t) => `  ${t}: FileAttachment(${JSON.stringify(`${data}${t}.parquet`)}).href`).join(",\n")}\n});`
      : "const db = await Database.open({});"
  );
  const prelude = [];
  for (const plan of plans) {
    for (const statement of plan.setup) prelude.push(`await db.query(${templateLiteral(statement)});`);
    if (plan.referenced) {
      prelude.push(`await db.query(${templateLiteral(materializeSql(plan.cell.name, plan.query, plan.kind).replace(/^CREATE OR REPLACE TABLE/, "CREATE OR REPLACE VIEW"))});`);
    }
  }
  if (prelude.length) {
    setup.push("// Statements from the notebook, in its order. A cell that later cells refer to by name is a view here");
    setup.push("// (in the notebook each result is a table of that name), defined by the same query as its block below.");
    setup.push(...prelude);
  }
  setup.push("// ```sql blocks run through `sql`; numbers arrive as numbers (DECIMAL and HUGEINT too), as in the notebook.");
  setup.push("const sql = sqlTag(db);");
  out.push(fence("js", setup.join("\n")), "");

  for (const plan of plans) {
    if (!plan.query) continue;
    const {cell} = plan;
    if (cell.title?.trim()) out.push(`## ${escapeMarkdownText(cell.title.trim())}`, "");
    const query = plan.kind === "describe" ? `SELECT * FROM (\n${plan.query}\n)` : plan.query;
    if (fitsSqlBlock(query)) out.push(fence(`sql id=${cell.name} display=false`, query), "");
    else out.push(fence("js", `const ${cell.name} = await sql${templateLiteral(query)};`), "");
    const years = Object.entries(kinds[cell.name] ?? {})
      .filter(([, kind]) => kind === "year")
      .map(([column]) => column);
    const format = years.length ? `, format: {${years.map((c) => `${JSON.stringify(c)}: (d) => String(d)`).join(", ")}}` : "";
    out.push(fence("js", `display(Inputs.table(${cell.name}, {select: false, locale: "sv-SE"${format}}));`), "");
    if (cell.chart) out.push(fence("js", `display(resize((width) => ${plotExpression(cell.chart, cell.name)}));`), "");
  }
  return `${out.join("\n").trimEnd()}\n`;
}

/**
 * The notebook a page was exported from (it is embedded as a comment), so an
 * exported page can be opened in the notebook again. `source` names the file in errors.
 * @param {string} text
 * @param {{source?: string, tableNames?: string[]}} [options]
 */
export function notebookFromMarkdown(text, {source = "filen", tableNames = []} = {}) {
  const match = new RegExp(`<!-- ${EMBED} ([A-Za-z0-9_-]+) -->`).exec(text);
  if (!match) {
    throw new NotebookError(`${source.charAt(0).toUpperCase()}${source.slice(1)} är ingen sida exporterad från Utforska data: anteckningsboken som sidan byggdes från saknas i den.`);
  }
  let data;
  try {
    data = JSON.parse(new TextDecoder("utf-8", {fatal: true}).decode(base64urlToBytes(match[1])));
  } catch (error) {
    throw new NotebookError(`Anteckningsboken i ${source} går inte att läsa: ${error.message}.`);
  }
  return fromData(data, {source, tableNames});
}

