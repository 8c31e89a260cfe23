import {cpSync, mkdtempSync, mkdirSync, readFileSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {dirname, join} from "node:path";
import {fileURLToPath} from "node:url";
import type {IndicatorFile, SourcesFile} from "../../loaders/schema/metadata.js";

export const ROOT = fileURLToPath(new URL("../..", import.meta.url));
export const DATA = join(ROOT, "data");
export const FIXTURES = join(ROOT, "test", "fixtures");

export function tempDir(prefix = "oj-test-"): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/**
 * A data/ folder for one test: the real reference data, questionnaires and
 * indicator metadata, plus the given raw files and a sources.json listing
 * them. `indicators` filters the metadata (e.g. to survey indicators only,
 * when a test ships no register files).
 */
export function makeDataDir({
  files = {},
  sources,
  indicators = () => true
}: {
  files?: Record<string, string | Uint8Array>;
  sources: Partial<SourcesFile>;
  indicators?: (ind: IndicatorFile["indicators"][number]) => boolean;
}): string {
  const dir = tempDir();
  cpSync(join(DATA, "reference"), join(dir, "reference"), {recursive: true});
  mkdirSync(join(dir, "survey"), {recursive: true});
  cpSync(join(DATA, "survey", "questionnaires.json"), join(dir, "survey", "questionnaires.json"));
  const meta = JSON.parse(readFileSync(join(DATA, "indicators.json"), "utf8")) as IndicatorFile;
  writeFileSync(join(dir, "indicators.json"), JSON.stringify({...meta, indicators: meta.indicators.filter(indicators)}));
  writeFileSync(join(dir, "sources.json"), JSON.stringify({survey: [], published: [], register: {}, ...sources}));
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, name)), {recursive: true});
    writeFileSync(join(dir, name), content);
  }
  return dir;
}

export const fixture = (path: string): Buffer => readFileSync(join(FIXTURES, path));

/** Parquet files read back with DuckDB, as publishing reads them. */
export {parquetColumns as parquetSchema, readParquet} from "../../publish/parquetQuery.js";
