// Loader throughput: a generated register csv with Swedish conventions (semicolon,
// decimal comma, "..", "X" and "-" markers), normalised to Parquet by the
// project's reader (loaders/register/readSwedishCsv.ts + toParquet), beside
// DuckDB's own COPY … TO parquet of the same data as the reference.
import {execFileSync} from "node:child_process";
import {createWriteStream, mkdtempSync, rmSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
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
  const years = Math.ceil(rows / 9000);
  let written = 0;
  for (let area = 1000; area <= 9999 && written < rows; area++) {
    for (let y = 0; y < years && written < rows; y++, written++) {
      const cells = [String(area), String(1990 + y)];
      for (let v = 0; v < VALUES_PER_ROW; v++) {
        const r = next();
        cells.push(r < 0.02 ? ".." : r < 0.04 ? "X" : r < 0.06 ? "-" : (r * 2000).toFixed(1).replace(".", ","));
      }
      if (!out.write(`${cells.join(";")}\n`)) await new Promise<void>((ok) => out.once("drain", () => ok()));
    }
  }
  await new Promise<void>((ok) => out.end(() => ok()));
}

function run(mode: string, input: string, output: string): {seconds: number; rows: number; maxRssMb: number} {
  const stdout = execFileSync(process.execPath, ["--import", "tsx", join(import.meta.dirname, "loaderWorker.ts"), mode, input, String(VALUES_PER_ROW), output], {encoding: "utf8", maxBuffer: 1 << 20});
  return JSON.parse(stdout.trim().split("\n").pop()!);
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
          const ours = run("ours", input, join(dir, "ours.parquet"));
          const ref = run("duckdb", input, join(dir, "ref.parquet"));
          if (ours.rows !== observations || ref.rows !== observations) throw new Error(`row counts ${ours.rows} / ${ref.rows}, expected ${observations}`);
          rows.push(
            {metric: `${label}: project loader`, value: fixed(ours.rows / ours.seconds / 1e6, 2), unit: "M rows/s", note: `${fixed(ours.seconds)} s, peak RSS ${fixed(ours.maxRssMb, 0)} MB (validation, legend, line numbers, sorted Parquet)`},
            {metric: `${label}: DuckDB COPY (reference)`, value: fixed(ref.rows / ref.seconds / 1e6, 2), unit: "M rows/s", note: `${fixed(ref.seconds)} s, peak RSS ${fixed(ref.maxRssMb, 0)} MB (read_csv + UNPIVOT + COPY, no checks)`},
            {metric: `${label}: ratio project / DuckDB`, value: fixed(ref.seconds / ours.seconds, 2), unit: "×", note: "throughput ratio, 1.0 = as fast as DuckDB alone"}
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
