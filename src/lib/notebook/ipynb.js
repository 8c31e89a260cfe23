// @ts-check
// The notebook for Jupyter (.ipynb, nbformat 4): Python with the duckdb
// package over the site's Parquet files. SQL cells become duckdb queries
// (their inputs passed as named parameters, as in the notebook), Markdown
// stays Markdown (its ${…} values as written), inputs become a Python dict,
// and JavaScript cells, which Python cannot run, are shown as code in Markdown.
// Strings go into Python as JSON string literals, which Python reads as the same text.
import {parameterNames} from "./params.js";
import {materializeSql, splitStatements, statementKind} from "./sqlText.js";

/** @typedef {import("./model.js").Notebook} Notebook */

/** @param {string} text */
const lines = (text) => text.split("\n").map((line, i, all) => (i < all.length - 1 ? `${line}\n` : line));
/** @param {string} source */
const code = (source) => ({cell_type: "code", execution_count: null, metadata: {}, outputs: [], source: lines(source)});
/** @param {string} source */
const markdown = (source) => ({cell_type: "markdown", metadata: {}, source: lines(source)});
/** A Python string literal. @param {string} text */
const py = (text) => JSON.stringify(text);

/**
 * @param {Notebook} notebook
 * @param {{tables: string[]}} options the project's table names, read from data/<name>.parquet
 * @returns {string} the .ipynb file's text
 */
export function notebookToIpynb(notebook, {tables}) {
  const cells = [
    markdown(`# ${notebook.title}\n\nFrån Utforska data (Öppna jämförelser – social barn- och ungdomsvård, exempeldata). Lägg webbplatsens Parquet-filer i mappen \`data/\` bredvid anteckningsboken.`),
    code(
      [
        "import duckdb",
        "",
        "con = duckdb.connect()",
        `for table in ${py(tables.join(" "))}.split():`,
        '    con.execute(f"CREATE OR REPLACE VIEW {table} AS SELECT * FROM read_parquet(\'data/{table}.parquet\')")',
        "params = {}"
      ].join("\n")
    )
  ];
  for (const cell of notebook.cells) {
    if (cell.title?.trim()) cells.push(markdown(`## ${cell.title.trim()}`));
    if (cell.type === "markdown") cells.push(markdown(cell.text ?? ""));
    else if (cell.type === "input") cells.push(code(`# ${cell.input?.label ?? cell.name}\nparams[${py(cell.name)}] = ${JSON.stringify(cell.input?.value ?? null).replace(/^null$/, "None")}`));
    else if (cell.type === "js") cells.push(markdown(`JavaScript-cellen \`${cell.name}\` körs bara i webbläsaren:\n\n\`\`\`\`js\n${cell.code ?? ""}\n\`\`\`\``));
    else {
      const statements = splitStatements(cell.sql);
      const body = statements.map((s, i) => {
        const last = i === statements.length - 1;
        const kind = statementKind(s.text);
        const text = last && kind !== "other" ? materializeSql(cell.name, s.text, kind) : s.text;
        const names = parameterNames(s.text);
        const args = names.length ? `, {${names.map((n) => `${py(n)}: params[${py(n)}]`).join(", ")}}` : "";
        return `con.execute(${py(text)}${args})`;
      });
      const last = statements.at(-1);
      if (last && statementKind(last.text) !== "other") body.push(`${cell.name} = con.sql(${py(`SELECT * FROM "${cell.name.replaceAll('"', '""')}"`)}).df()`, cell.name);
      cells.push(code(body.join("\n")));
    }
  }
  return `${JSON.stringify({nbformat: 4, nbformat_minor: 5, metadata: {kernelspec: {name: "python3", display_name: "Python 3", language: "python"}, language_info: {name: "python"}}, cells: cells.map((c, i) => ({id: `cell-${i}`, ...c}))}, null, 1)}\n`;
}
