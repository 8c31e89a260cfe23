// Builds the release files for one survey year: the Excel file with results
// per kommun, län and riket, and the national slide deck.
//
//   npx tsx scripts/release.ts --year 2016 --out release/
//   npx tsx scripts/release.ts --year 2013 --release 2014 --out release/
//
// Options:
//   --year <år>        survey year (required; any year in the surveys table)
//   --out <mapp>       output folder (required; created if missing)
//   --release <år>     release year in titles and file names (default: --year)
//   --tables <mapp>    Parquet tables to read (default: the pipeline's build of data/)
//   --only xlsx|pptx   build one of the two files
//   --no-sample-notice leave out the "Exempeldata" notice (only for real data)
//
// Prints the files written and the SHA-256 of the tables they were built from.
import {mkdirSync, renameSync, writeFileSync} from "node:fs";
import {join, resolve} from "node:path";
import {parseArgs} from "node:util";
import {LoadError} from "../loaders/errors.js";
import {buildRelease, type ReleaseKind} from "../publish/release/buildRelease.js";

const USAGE = "usage: npx tsx scripts/release.ts --year <år> --out <mapp> [--release <år>] [--tables <mapp>] [--only xlsx|pptx] [--no-sample-notice]";

function yearOption(name: string, text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  if (!/^\d{4}$/.test(text)) throw new UsageError(`--${name} ${text}: expected a four-digit year`);
  return Number(text);
}

class UsageError extends Error {}

async function main(argv: string[]) {
  const {values} = parseArgs({
    args: argv,
    options: {
      year: {type: "string"},
      out: {type: "string"},
      release: {type: "string"},
      tables: {type: "string"},
      only: {type: "string"},
      "no-sample-notice": {type: "boolean", default: false},
      help: {type: "boolean", short: "h", default: false}
    },
    strict: true
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const year = yearOption("year", values.year);
  if (year === undefined) throw new UsageError("--year is required");
  if (!values.out) throw new UsageError("--out is required");
  if (values.only !== undefined && values.only !== "xlsx" && values.only !== "pptx") throw new UsageError(`--only ${values.only}: expected xlsx or pptx`);
  const kinds: ReleaseKind[] = values.only ? [values.only as ReleaseKind] : ["xlsx", "pptx"];

  const started = performance.now();
  const built = await buildRelease({
    year,
    release: yearOption("release", values.release),
    tablesDir: values.tables ? resolve(values.tables) : undefined,
    notice: values["no-sample-notice"] ? null : undefined,
    kinds
  });
  const out = resolve(values.out);
  mkdirSync(out, {recursive: true});
  for (const file of built.files) {
    // Write beside the target and rename: an open copy is never half-written.
    const path = join(out, file.name);
    writeFileSync(`${path}.tmp`, file.bytes);
    renameSync(`${path}.tmp`, path);
    console.log(`${path}  (${(file.bytes.length / 1024).toFixed(0)} kB)`);
  }
  console.error(
    `release: enkätåret ${built.model.year} (${built.model.period}), ${built.model.indicators.length} indikatorer, tabeller SHA-256 ${built.digest}, ${((performance.now() - started) / 1000).toFixed(1)} s`
  );
}

main(process.argv.slice(2)).catch((error: unknown) => {
  if (error instanceof UsageError || (error instanceof TypeError && "code" in error && String(error.code).startsWith("ERR_PARSE_ARGS"))) {
    console.error(`release: ${error.message}\n${USAGE}`);
    process.exitCode = 2;
  } else if (error instanceof LoadError) {
    console.error(`release: ${error.message}`);
    process.exitCode = 1;
  } else throw error;
});
