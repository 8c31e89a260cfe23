// `npm run bench`: prints figures, asserts nothing. Figures go to stdout as one
// table per section; progress goes to stderr.
//
//   npm run bench                 every section, in the order below
//   npm run bench -- size page    only the named sections
//   BENCH_RUNS=3 npm run bench    fewer cold page loads
//
// Adding a section: write bench/<something>.ts exporting
// `sections: BenchSection[]` (see bench/types.ts) and list it in SECTION_MODULES.
// A module listed here but not written yet is skipped with a note.
import {existsSync} from "node:fs";
import {cpus} from "node:os";
import {fileURLToPath} from "node:url";
import {buildSite, distDir, root, serveSnapshot} from "../test/e2e/globalSetup.js";
import type {BenchContext, BenchRow, BenchSection, BenchTable} from "./types.js";

/** Section modules, run in this order. */
export const SECTION_MODULES = [
  "./site.ts", // build time (fresh, then cached) and dist/ size
  "./loaders.ts", // data loader throughput
  "./pages.ts", // every page's first content, cold, and its bytes
  "./pageLoad.ts", // cold loads of / in headless Chromium, milestone by milestone
  "./release.ts", // release workbook and slide deck for one survey year
  "./explore.ts", // Utforska: first query result, group-by latency
  "./compare.ts", // Jämför: build with all unit pages, latency after a change of unit
  "./scale.ts" // tables into DuckDB-WASM at 1 M, 5 M, 20 M rows: today's path beside the serving file
];

async function loadSections(): Promise<BenchSection[]> {
  const sections: BenchSection[] = [];
  for (const module of SECTION_MODULES) {
    const url = new URL(module, import.meta.url);
    if (!existsSync(fileURLToPath(url))) {
      console.error(`bench: ${module} does not exist yet, skipped`);
      continue;
    }
    const loaded = (await import(url.href)) as {sections?: BenchSection[]; default?: BenchSection | BenchSection[]};
    const found = loaded.sections ?? (loaded.default ? [loaded.default].flat() : []);
    if (found.length === 0) console.error(`bench: ${module} exports no \`sections\`, skipped`);
    sections.push(...found);
  }
  return sections;
}

/** Prints rows (metric, value, unit, note) or a matrix as an aligned text table. */
export function formatTable(result: BenchRow[] | BenchTable): string {
  const rows = Array.isArray(result);
  const header = rows ? ["metric", "value", "unit", "how / note"] : result.columns;
  const cells = rows ? result.map((r) => [r.metric, String(r.value), r.unit ?? "", r.note ?? ""]) : result.rows.map((r) => r.map(String));
  const notes = rows ? [] : (result.notes ?? []);
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => (c[i] ?? "").length)));
  // Values right-aligned in the metric table; a matrix reads left to right.
  const line = (c: string[]) => c.map((v, i) => (rows && i === 1 ? v.padStart(widths[i]!) : v.padEnd(widths[i]!))).join("  ").trimEnd();
  return [line(header), widths.map((w) => "-".repeat(w)).join("  "), ...cells.map(line), ...(notes.length ? ["", ...notes] : [])].join("\n");
}

async function main() {
  const only = process.argv.slice(2);
  const all = await loadSections();
  const unknown = only.filter((name) => !all.some((s) => s.name === name));
  if (unknown.length) throw new Error(`unknown section(s) ${unknown.join(", ")}; known: ${all.map((s) => s.name).join(", ")}`);
  const selected = only.length ? all.filter((s) => only.includes(s.name)) : all;

  const cleanups: (() => Promise<void> | void)[] = [];
  let server: ReturnType<typeof serveSnapshot> | undefined;
  const context: BenchContext = {
    root,
    distDir,
    async ensureBuilt() {
      if (existsSync(distDir)) return;
      context.log("dist/ is missing: npm run build…");
      await buildSite();
    },
    async baseUrl() {
      if (!server) {
        server = serveSnapshot(distDir);
        cleanups.push(async () => (await server!).close());
      }
      return (await server).url;
    },
    onCleanup: (fn) => void cleanups.push(fn),
    log: (message) => console.error(`  · ${message}`)
  };

  console.log(`Benchmark ${new Date().toISOString()} · node ${process.version} · ${cpus().length} × ${cpus()[0]?.model.trim() ?? "cpu"}\n`);
  let failed = 0;
  try {
    for (const section of selected) {
      console.error(`bench: ${section.name}…`);
      const started = performance.now();
      try {
        const rows = await section.run(context);
        console.log(`## ${section.title}\n\n${formatTable(rows)}\n`);
      } catch (error) {
        failed++;
        console.log(`## ${section.title}\n\nFAILED: ${error instanceof Error ? error.message : String(error)}\n`);
      }
      console.error(`bench: ${section.name} done in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    }
  } finally {
    for (const cleanup of cleanups.reverse()) await cleanup();
  }
  if (failed) process.exitCode = 1;
}

await main();
