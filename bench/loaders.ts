// Loader throughput: a generated register csv with Swedish conventions (semicolon,
// decimal comma, "..", "X" and "-" markers; real area codes, so the reader's
// area check has work to do), normalised to Parquet by the project's reader
// (loaders/register/readSwedishCsv.ts, every check on, + toParquet), beside
// DuckDB's own COPY … TO parquet of the same data as the reference.
import {execFileSync} from "node:child_process";
import {createWriteStream, mkdtempSync, rmSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {readReference} from "../loaders/reference/readReference.js";
import {fixed, type BenchRow, type BenchSection} from "./types.js";

const VALUES_PER_ROW = 100;
/** Observations per run (BENCH_LOADER_SIZES=1000000,20000000): the target is ≤ 2 GB peak RSS at 20 M. */
const SIZES = (process.env.BENCH_LOADER_SIZES ?? "1000000,20000000").split(",").map(Number);

/** Writes `rows` csv rows × VALUES_PER_ROW values: observation rows = rows × 100. */
async function writeInput(path: string, rows: number): Promise<void> {
  const out = createWriteStream(path);
  const header = ["Regionkod", "År", ...Array.from({length: VALUES_PER_ROW}, (_, i) => `V${String(i + 1).padStart(3, "0")}`)].join(";");
  out.write(`${header}\n`);
  let seed = 1;
  const next = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
  const ref = readReference(join(import.meta.dirname, "..", "data"));
  const areas = ["00", ...ref.lan.map((l) => l.code), ...ref.kommuner.map((k) => k.code), ...ref.stadsdelar.map((s) => s.code)];
  const years = Math.ceil(rows / areas.length);
  let written = 0;
  for (const area of areas) {
    for (let y = 0; y < years && written < rows; y++, written++) {
      const cells = [area, String(2020 - y)];
      for (let v = 0; v < VALUES_PER_ROW; v++) {
        const r = next();
        cells.push(r < 0.02 ? ".." : r < 0.04 ? "X" : r < 0.06 ? "-" : (r * 2000).toFixed(1).replace(".", ","));
      }
      if (!out.write(`${cells.join(";")}\n`)) await new Promise<void>((ok) => out.once("drain", () => ok()));
    }
  }
  await new Promise<void>((ok) => out.end(() => ok()));
}

interface Run {
  seconds: number;
  cpuSeconds: number;
  rows: number;
  maxRssMb: number;
}

function run(mode: string, input: string, output: string): Run {
  const stdout = execFileSync(process.execPath, ["--import", "tsx", join(import.meta.dirname, "loaderWorker.ts"), mode, input, String(VALUES_PER_ROW), output], {encoding: "utf8", maxBuffer: 1 << 20});
  return JSON.parse(stdout.trim().split("\n").pop()!);
}

/**
 * Runs alternate (ours, DuckDB, ours, DuckDB, …) so that both see the same load; the best of each is kept.
 * Short runs are repeated more: a second of someone else's work on a shared machine spoils a 1 s run.
 */
const runsFor = (observations: number) => Number(process.env.BENCH_LOADER_RUNS ?? (observations <= 1_000_000 ? 5 : 3));
function best(runs: Run[]): Run {
  return runs.reduce((a, b) => (b.seconds < a.seconds ? b : a));
}

export const sections: BenchSection[] = [
  {
    name: "loaders",
    title: "Loader throughput (register csv → Parquet)",
    async run({log}) {
      const rows: BenchRow[] = [];
      const dir = mkdtempSync(join(tmpdir(), "oj-bench-loaders-"));
      try {
        for (const observations of SIZES) {
          const input = join(dir, `input-${observations}.csv`);
          log(`writing ${observations.toLocaleString("en")} observations…`);
          await writeInput(input, observations / VALUES_PER_ROW);
          const label = `${observations / 1_000_000} M`;
          const oursRuns: Run[] = [];
          const refRuns: Run[] = [];
          const runs = runsFor(observations);
          for (let i = 0; i < runs; i++) {
            oursRuns.push(run("ours", input, join(dir, "ours.parquet")));
            refRuns.push(run("duckdb", input, join(dir, "ref.parquet")));
          }
          const [ours, ref] = [best(oursRuns), best(refRuns)];
          if (ours.rows !== observations || ref.rows !== observations) throw new Error(`row counts ${ours.rows} / ${ref.rows}, expected ${observations}`);
          rows.push(
            {
              metric: `${label}: project loader`,
              value: fixed(ours.rows / ours.seconds / 1e6, 2),
              unit: "M rows/s",
              note: `${fixed(ours.seconds)} s (${fixed(ours.cpuSeconds)} CPU s), peak RSS ${fixed(ours.maxRssMb, 0)} MB (encoding, header, areas against the reference, numbers, legend, decimal marks, duplicates; sorted Parquet)`
            },
            {metric: `${label}: DuckDB COPY (reference)`, value: fixed(ref.rows / ref.seconds / 1e6, 2), unit: "M rows/s", note: `${fixed(ref.seconds)} s (${fixed(ref.cpuSeconds)} CPU s), peak RSS ${fixed(ref.maxRssMb, 0)} MB (read_csv + UNPIVOT + COPY, no checks)`},
            {metric: `${label}: ratio project / DuckDB`, value: fixed(ref.seconds / ours.seconds, 2), unit: "×", note: `throughput ratio, 1.0 = as fast as DuckDB alone (best of ${runs} alternating runs each)`},
            {metric: `${label}: CPU ratio project / DuckDB`, value: fixed(ref.cpuSeconds / ours.cpuSeconds, 2), unit: "×", note: "the same in CPU time, steadier on a shared machine"}
          );
          rmSync(input);
        }
      } finally {
        rmSync(dir, {recursive: true, force: true});
      }
      return rows;
    }
  }
];
