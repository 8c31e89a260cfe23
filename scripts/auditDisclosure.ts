// Tries to recover every protected count from the files the project publishes
// (Parquet tables, release workbooks, unit archive) and prints what it tried.
//
//   npm run audit:disclosure
//   npm run audit:disclosure -- --tables <mapp> [--data <mapp>] [--years 2013,2016]
//
// Options:
//   --tables <mapp>   Parquet tables to audit (default: the pipeline's build of data/)
//   --data <mapp>     data folder with sources.json and indicators.json (default: data/)
//   --years <år,…>    survey years whose release workbook is audited (default: every survey year)
//
// Exits with 1 when any protected count can be recovered to within the threshold.
import {join, resolve} from "node:path";
import {parseArgs} from "node:util";
import {auditDisclosure, formatAudit} from "../publish/audit/auditDisclosure.js";
import {ensureTables, PROJECT_ROOT} from "../publish/tables.js";

const USAGE = "usage: npm run audit:disclosure -- [--tables <mapp>] [--data <mapp>] [--years 2013,2016]";

async function main(argv: string[]): Promise<number> {
  const {values} = parseArgs({args: argv, options: {tables: {type: "string"}, data: {type: "string"}, years: {type: "string"}}, strict: true});
  if (values.years !== undefined && !/^\d{4}(,\d{4})*$/.test(values.years)) throw new Error(`--years ${values.years}: expected four-digit years separated by commas\n${USAGE}`);
  const report = await auditDisclosure({
    tablesDir: values.tables ? resolve(values.tables) : await ensureTables(),
    dataDir: values.data ? resolve(values.data) : join(PROJECT_ROOT, "data"),
    years: values.years?.split(",").map(Number)
  });
  console.log(formatAudit(report));
  return report.result.recovered.length ? 1 : 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: Error) => {
    console.error(error.message);
    process.exit(2);
  }
);
