// The notebook's semantics in node, for tests: the project's tables in a
// DuckDB (node) database, cells run the way src/components/notebook/engine.js
// runs them in the browser (statements in order, a query kept as a table named
// after its cell), and an exported page's code run against the same data.
import {createMarkdownIt, parseMarkdown} from "@observablehq/framework/dist/markdown.js";
import {parquetQuery, type Row, type TableQuery} from "../../publish/parquetQuery.js";
import {ensureTables} from "../../publish/tables.js";
import {quoteIdentifier, sqlTag} from "../../src/lib/sql.js";
import {materializeSql, splitStatements, statementKind} from "../../src/lib/notebook/sqlText.js";

export type {Row};
export type NodeDatabase = TableQuery;

/** A DuckDB in node holding `tables` (default: every table the pipeline writes) from the built Parquet files. */
export async function openTables(tables?: string[]): Promise<NodeDatabase> {
  return parquetQuery(await ensureTables(), {tables});
}

/** Runs the cells as the notebook does; returns each query cell's result rows by name. */
export async function runNotebook(cells: {name: string; sql: string}[]): Promise<Record<string, Row[]>> {
  const db = await openTables();
  try {
    const results: Record<string, Row[]> = {};
    for (const cell of cells) {
      const statements = splitStatements(cell.sql);
      for (const statement of statements.slice(0, -1)) await db.query(statement.text);
      const last = statements.at(-1);
      if (!last) continue;
      const kind = statementKind(last.text);
      if (kind === "other") {
        await db.query(last.text);
        continue;
      }
      await db.query(materializeSql(cell.name, last.text, kind));
      results[cell.name] = await db.query(`SELECT * FROM ${quoteIdentifier(cell.name)}`);
    }
    return results;
  } finally {
    db.close();
  }
}

export interface PageRun {
  /** Imports of every code block: {name, type}. */
  imports: {name: string; type: string; method?: string}[];
  /** Names the page's code blocks declare. */
  declarations: string[];
  /** What the page handed to notebookReport (the notebook as data, the tables' paths, …). */
  report: Record<string, any> | null;
  /** Every value the page displayed. */
  displayed: unknown[];
  /** The page's title and its static HTML (Framework's own rendering of the Markdown). */
  title: string | null;
  html: string;
}

/**
 * Parses an exported page with Framework's own markdown parser and runs its
 * code blocks in order (as Framework's runtime would) with stand-ins that
 * record what the page does: notebookReport, FileAttachment, display.
 */
export async function runExportedPage(markdown: string, path = "/export.md"): Promise<PageRun> {
  const page = parseMarkdown(markdown, {md: createMarkdownIt(), path});
  const run: PageRun = {imports: [], declarations: [], report: null, displayed: [], title: page.title, html: page.body};
  const sources: string[] = [];
  for (const {node} of page.code) {
    run.imports.push(...node.imports);
    run.declarations.push(...(node.declarations ?? []).map((d) => d.name));
    // import statements cannot run inside a function; the stand-ins below take their place.
    const body = node.input.replace(/^import .*$/gm, "").trim();
    if (body) sources.push(body);
  }
  const notebookReport = (options: Record<string, any>) => ((run.report = options), {dispose() {}});
  const FileAttachment = (path: string) => ({href: path});
  const display = (value: unknown) => run.displayed.push(value);
  const invalidation = new Promise(() => {});
  const AsyncFunction = Object.getPrototypeOf(async () => {}).constructor as new (...args: string[]) => (...values: unknown[]) => Promise<void>;
  await new AsyncFunction("notebookReport", "FileAttachment", "display", "invalidation", sources.join("\n;\n"))(notebookReport, FileAttachment, display, invalidation);
  return run;
}
