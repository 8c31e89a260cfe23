// @ts-check
// A notebook as an Observable Framework page (src/<name>.md). The page holds
// the notebook as data (one JSON literal, escaped for the inline <script>
// Framework puts it in) and hands it to the notebook's own read-only view
// (src/components/notebook/report.js), which runs the cells as the notebook
// does (SQL with bound parameters in a locked-down DuckDB-WASM, JavaScript in
// the sandbox) and draws results, Markdown and charts with the same code. No
// notebook string becomes code, markup or Markdown on the page: the title and
// headings are escaped text, everything else is inside the JSON literal.
// Pure: node tests build and parse these pages.
import {fromData, NotebookError, toData} from "./model.js";
import {base64urlToBytes, bytesToBase64url} from "./serialize.js";
import {identifiers} from "./sqlText.js";

/** @typedef {import("./model.js").Notebook} Notebook */
/** @typedef {import("./model.js").Cell} Cell */

const EMBED = "oj-utforska-anteckningsbok";
const MONTHS = ["januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti", "september", "oktober", "november", "december"];

/** "23 november 2026" @param {Date} date */
export function swedishDate(date) {
  return `${date.getDate()} ${MONTHS[date.getMonth()]} ${date.getFullYear()}`;
}

/** Text for markdown and HTML: no tags, no emphasis, no Framework ${…} interpolation. @param {string} text */
export function escapeMarkdownText(text) {
  return String(text).replace(/[\\`*_[\]<>#&$|~{}!=+\-.()]/g, (c) => `&#${c.charCodeAt(0)};`).replace(/[\r\n\u2028\u2029]+/g, " ");
}

/**
 * A value as a JavaScript literal that is safe inside an inline <script>:
 * JSON with `<`, `>`, `&` and the line separators U+2028/U+2029 written as
 * \\u escapes, so neither `</script`, `<!--` nor a line break can appear.
 * @param {unknown} value
 */
export function scriptLiteral(value) {
  return JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

/**
 * The project tables (from `tables`, in that order) that any SQL cell mentions.
 * @param {Cell[]} cells
 * @param {string[]} tables
 */
export function tablesUsed(cells, tables) {
  const mentioned = new Set();
  for (const cell of cells) if ((cell.type ?? "sql") === "sql") for (const name of identifiers(cell.sql)) mentioned.add(name);
  return tables.filter((t) => mentioned.has(t.toLowerCase()));
}

const fence = (/** @type {string} */ info, /** @type {string} */ body) => `\`\`\`${info}\n${body}\n\`\`\``;

/**
 * The page's markdown. Options: `tables`, the project's table names (those the
 * cells mention are loaded; units and years for inputs come from `areas` and
 * `observations`); `base`, the path from the page to src/ ("./" for a page
 * directly in src/, "../" one folder down); `date`.
 * @param {Notebook} notebook
 * @param {{tables: string[], base?: string, date?: Date}} options
 * @returns {string}
 */
export function notebookToMarkdown(notebook, {tables, base = "./", date = new Date()}) {
  if (!Array.isArray(tables)) throw new Error("notebookToMarkdown: tables (the project's table names) is required");
  const data = toData(notebook);
  const used = new Set(tablesUsed(notebook.cells, tables));
  const inputs = notebook.cells.filter((c) => c.type === "input");
  if (inputs.some((c) => c.input?.kind === "unit")) used.add("areas");
  if (inputs.some((c) => c.input?.kind === "year")) used.add("observations");
  const loaded = tables.filter((t) => used.has(t));
  const js = notebook.cells.some((c) => c.type === "js");
  const maps = notebook.cells.some((c) => c.chart?.type === "map");
  const dir = `${base === "./" ? "" : base}data/`;
  const file = (/** @type {string} */ name) => `FileAttachment(${JSON.stringify(`${dir}${name}`)}).href`;
  const out = [];

  out.push("---", `title: ${scriptLiteral(notebook.title)}`, "toc: false", "---", "");
  out.push(`<!-- ${EMBED} ${bytesToBase64url(new TextEncoder().encode(JSON.stringify(data)))} -->`, "");
  out.push(`<link rel="stylesheet" href="${base}components/notebook/notebook.css">`, "");
  out.push(fence("js", `import {notebookReport} from "${base}components/notebook/report.js";`), "");
  out.push(`# ${escapeMarkdownText(notebook.title)}`, "");
  out.push(
    `<p class="caption">Exporterad från Utforska data den ${swedishDate(date)}. Cellerna körs i webbläsaren${loaded.length ? ` med DuckDB-WASM över webbplatsens tabeller (${loaded.join(", ")})` : ""}; koden visas inte.</p>`,
    ""
  );
  const options = [
    `  notebook: ${scriptLiteral(data)}`,
    `  tables: {${loaded.map((t) => `${t}: ${file(`${t}.parquet`)}`).join(", ")}}`,
    js ? `  sandbox: ${file("notebook-sandbox.html")}` : "  sandbox: null",
    maps ? `  boundaries: ${file("kommuner.geojson")}` : "  boundaries: null"
  ];
  out.push(fence("js", `const report = notebookReport({\n${options.join(",\n")}\n});\ninvalidation.then(() => report.dispose());\ndisplay(report);`), "");
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
    data = JSON.parse(new TextDecoder("utf-8", {fatal: true}).decode(base64urlToBytes(/** @type {string} */ (match[1]))));
  } catch (error) {
    throw new NotebookError(`Anteckningsboken i ${source} går inte att läsa: ${/** @type {Error} */ (error).message}.`);
  }
  return fromData(data, {source, tableNames});
}
