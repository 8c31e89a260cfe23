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
  /** Tables the page asked Database.open for, with the paths it gave. */
  opened: Record<string, string>;
  /** Imports of every code block: {name, type}. */
  imports: {name: string; type: string}[];
  /** Every Inputs.table call: the rows and options. */
  tables: {rows: Row[]; options: Record<string, unknown>}[];
  /** Every Plot.plot call's options (marks recorded as {mark, data, options}). */
  plots: Record<string, unknown>[];
  /** Names the page's code blocks declare. */
  declarations: string[];
}

/**
 * Parses an exported page with Framework's own markdown parser and runs its
 * code blocks in order (as Framework's runtime would, the page having no
 * forward references) against node DuckDB: Database.open, FileAttachment,
 * Inputs.table, Plot and display are stand-ins that record what the page does.
 */
export async function runExportedPage(markdown: string): Promise<PageRun> {
  const page = parseMarkdown(markdown, {md: createMarkdownIt(), path: "/export.md"});
  const run: PageRun = {opened: {}, imports: [], tables: [], plots: [], declarations: []};
  const sources: string[] = [];
  for (const {node} of page.code) {
    run.imports.push(...node.imports);
    run.declarations.push(...(node.declarations ?? []).map((d) => d.name));
    // import statements cannot run inside a function; the stand-ins below take their place.
    const body = node.input.replace(/^import .*$/gm, "").trim();
    if (body) sources.push(body);
  }
  let db: NodeDatabase | undefined;
  const Database = {
    async open(tables: Record<string, string>) {
      run.opened = tables;
      db = await openTables(Object.keys(tables));
      return {
        query: (sql: string, params: unknown[] = []) => {
          if (params.length) throw new Error("the exported page should not pass parameters");
          return db!.query(sql);
        }
      };
    }
  };
  const FileAttachment = (path: string) => ({href: path});
  const Inputs = {table: (rows: Row[], options: Record<string, unknown>) => (run.tables.push({rows, options}), {table: rows})};
  const mark = (name: string) => (data: unknown, options?: unknown) => ({mark: name, data, options});
  const Plot = {
    plot: (options: Record<string, unknown>) => (run.plots.push(options), {plot: options}),
    ...Object.fromEntries(["barX", "barY", "lineY", "dot", "ruleX", "ruleY"].map((name) => [name, mark(name)]))
  };
  const formatNumber = (value: number) => String(value);
  const display = (value: unknown) => value;
  const resize = (render: (width: number) => unknown) => render(640);
  const AsyncFunction = Object.getPrototypeOf(async () => {}).constructor as new (...args: string[]) => (...values: unknown[]) => Promise<void>;
  const names = ["Database", "FileAttachment", "sqlTag", "Inputs", "Plot", "formatNumber", "display", "resize"];
  try {
    await new AsyncFunction(...names, sources.join("\n;\n"))(Database, FileAttachment, sqlTag, Inputs, Plot, formatNumber, display, resize);
  } finally {
    db?.close();
  }
  return run;
}
