// Time to build the release files for one survey year: the Excel file and the
// slide deck, from Parquet tables already built (the pipeline's cache), as the
// site build's data loaders and scripts/release.ts do. The first build of a
// process also loads exceljs, pptxgenjs and DuckDB; later ones show the steady cost.
import {ensureTables} from "../publish/tables.js";
import {buildRelease, type ReleaseKind} from "../publish/release/buildRelease.js";
import {fixed, median, type BenchRow, type BenchSection} from "./types.js";

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const YEAR = Number(process.env.BENCH_RELEASE_YEAR ?? 2016);

async function timed(kinds: ReleaseKind[], tablesDir: string): Promise<{ms: number; bytes: number}> {
  const started = performance.now();
  const built = await buildRelease({year: YEAR, tablesDir, kinds});
  return {ms: performance.now() - started, bytes: built.files.reduce((n, f) => n + f.bytes.length, 0)};
}

export const release: BenchSection = {
  name: "release",
  title: `Release files for survey year ${YEAR} (workbook and slide deck from the Parquet tables)`,
  async run({log}) {
    log("release: building (or reusing) the Parquet tables…");
    const tablesDir = await ensureTables();
    const first = await timed(["xlsx", "pptx"], tablesDir);
    const both: number[] = [];
    const xlsx: {ms: number; bytes: number}[] = [];
    const pptx: {ms: number; bytes: number}[] = [];
    for (let i = 0; i < RUNS; i++) {
      log(`release: run ${i + 1}/${RUNS}`);
      both.push((await timed(["xlsx", "pptx"], tablesDir)).ms);
      xlsx.push(await timed(["xlsx"], tablesDir));
      pptx.push(await timed(["pptx"], tablesDir));
    }
    const rows: BenchRow[] = [
      {metric: "both files, first build in the process", value: fixed(first.ms, 0), unit: "ms", note: "includes loading exceljs, pptxgenjs, DuckDB"},
      {metric: "both files", value: fixed(median(both), 0), unit: "ms", note: `median of ${RUNS}; opens the 7 tables, hashes them, one model, two files`},
      {metric: "  workbook only (.xlsx)", value: fixed(median(xlsx.map((r) => r.ms)), 0), unit: "ms", note: `median of ${RUNS}; ${fixed(xlsx[0]!.bytes / 1024, 0)} kB`},
      {metric: "  slide deck only (.pptx)", value: fixed(median(pptx.map((r) => r.ms)), 0), unit: "ms", note: `median of ${RUNS}; ${fixed(pptx[0]!.bytes / 1024, 0)} kB`}
    ];
    return rows;
  }
};

export const sections = [release];
