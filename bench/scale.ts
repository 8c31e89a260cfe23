// `npm run bench -- scale`: the browser data path at 1 M, 5 M and 20 M rows of
// `observations` (synthetic tables of the real shape, bench/scale/synthetic.ts,
// generated once into .cache/bench/scale, never committed), each size measured
// in a fresh headless Chromium per path, side by side in one run:
//   today       every table fetched as Parquet and decoded in the page (the path before the serving file)
//   site        the serving file as the site attaches it (src/components/servingFile.js: servingPlan)
//   in place    the serving file over Range requests only, never copied
//   whole       the serving file fetched whole before the first query
// Times are ms after DuckDB-WASM is up (instantiated and connected), the same
// start for every path. Lookups: 20 different indicators, one year, every unit,
// joined with areas, once the path has settled (the site path: after its copy
// is in memory). Group-by: every row, by indicator and year.
//
//   BENCH_SCALE_SIZES=1000000,5000000   other sizes
//   BENCH_SCALE_TODAY_MAX=5000000       largest size to run today's path at (it needs ~0.5 GB per 1 M rows and
//                                       fails above 2^24 rows; default: every size)
//   BENCH_SCALE_PATHS=today,site        only these paths
import {statSync} from "node:fs";
import {loadavg} from "node:os";
import {join} from "node:path";
import {measure, prepareSize, stage, type Measurement} from "./scale/harness.js";
import {fixed, median, type BenchSection, type BenchTable} from "./types.js";

const SIZES = (process.env.BENCH_SCALE_SIZES ?? "1000000,5000000,20000000").split(",").map(Number);
const TODAY_MAX = Number(process.env.BENCH_SCALE_TODAY_MAX ?? Infinity);
const PATHS = [
  {key: "today", mode: "parquet", label: "today: Parquet decoded in the page"},
  {key: "site", mode: "auto", label: "site: serving file as shipped"},
  {key: "in place", mode: "range", label: "serving file, Range reads only"},
  {key: "whole", mode: "whole", label: "serving file, fetched whole first"}
].filter((p) => !process.env.BENCH_SCALE_PATHS || process.env.BENCH_SCALE_PATHS.split(",").includes(p.key));

const mb = (bytes: number) => fixed(bytes / 1e6, 1);
const p95 = (values: number[]) => [...values].sort((a, b) => a - b)[Math.ceil(values.length * 0.95) - 1] ?? NaN;
const ratio = (value: number, today: number | undefined) => (today && Number.isFinite(today) && value > 0 ? `${fixed(value / today, 2)}×` : "–");
const label = (rows: number) => `${rows / 1e6} M`;

export const scale: BenchSection = {
  name: "scale",
  title: "Tables into DuckDB-WASM at scale: today's Parquet path beside the serving file (headless Chromium, one cold browser per path)",
  async run({log}) {
    const folders: Record<number, string> = {};
    for (const rows of SIZES) folders[rows] = await prepareSize(rows, log);
    const base = await stage(folders);
    const table: BenchTable = {
      columns: ["rows", "path", "load", "plan", "ready ms", "first result ms", "in memory ms", "lookup p50 / p95 ms", "group-by ms", "renderer peak MB", "data MB (requests)", "same rows", "vs today: first / group-by / memory"],
      rows: [],
      notes: [
        "ms after DuckDB-WASM is up (instantiated and connected; that start, ~1.5–4 s cold, is the same for every path and not included).",
        "Targets (issue 15) at 20 M rows: first result ≤ 1 000 ms, lookup p50 ≤ 30 ms once warm, group-by ≤ 2 000 ms, renderer ≤ 1 200 MB; at 1 M: ready ≤ 500 ms.",
        "same rows: the first lookup's rows and a checksum of the group-by equal those of the first path measured at that size.",
        "load: the machine's 1-minute load average when the path started (2 cores here; other work on the machine slows every figure, most of all the group-by)."
      ]
    };
    try {
      for (const rows of SIZES) {
        const bytes = statSync(join(folders[rows]!, "serving", "tables.duckdb")).size;
        let today: Measurement | undefined;
        let reference: Measurement | undefined;
        for (const path of PATHS) {
          if (path.key === "today" && rows > TODAY_MAX) {
            table.rows.push([label(rows), path.label, "", "–", "not run (BENCH_SCALE_TODAY_MAX)", "", "", "", "", "", "", "", ""]);
            continue;
          }
          log(`scale: ${label(rows)} rows, ${path.key}…`);
          try {
            const load = fixed(loadavg()[0]!, 1);
            // Today's path decodes every row in JavaScript: minutes at 5 M, and at 20 M it runs until it fails.
            const m = await measure(base, rows, path.mode, {bytes, timeout: path.key === "today" ? 900_000 : 180_000});
            if (path.key === "today") today = m;
            reference ??= m;
            const same = JSON.stringify(m.firstRows) === JSON.stringify(reference.firstRows) && Math.abs(m.groupSum - reference.groupSum) <= 1e-6 * Math.abs(reference.groupSum) && m.groupRows === reference.groupRows;
            log(`scale: ${label(rows)} ${path.key}: ready ${fixed(m.ready, 0)} ms, first ${fixed(m.first, 0)} ms, p50 ${fixed(median(m.lookups))} ms, group-by ${fixed(m.groupBy, 0)} ms, ${fixed(m.rendererMb, 0)} MB`);
            table.rows.push([
              label(rows),
              path.label,
              load,
              m.plan,
              fixed(m.ready, 0),
              fixed(m.first, 0),
              m.inMemory === null ? "–" : fixed(m.inMemory, 0),
              `${fixed(median(m.lookups))} / ${fixed(p95(m.lookups))}`,
              fixed(m.groupBy, 0),
              fixed(m.rendererMb, 0),
              `${mb(m.dataBytes)} (${m.requests})`,
              same ? "yes" : "NO",
              path.key === "today" ? "1×" : `${ratio(m.first, today?.first)} / ${ratio(m.groupBy, today?.groupBy)} / ${ratio(m.rendererMb, today?.rendererMb)}`
            ]);
          } catch (error) {
            const message = error instanceof Error ? error.message.split("\n")[0]!.slice(0, 160) : String(error);
            log(`scale: ${label(rows)} ${path.key} failed: ${message}`);
            table.rows.push([label(rows), path.label, fixed(loadavg()[0]!, 1), "–", `FAILED: ${message}`, "", "", "", "", "", "", "", ""]);
          }
        }
      }
    } finally {
      await base.close();
    }
    return table;
  }
};

export const sections = [scale];
