// Framework data loader: the load report of the tables the site is built from
// (written beside them by loaders/pipeline.ts), for the page Om data.
import {readFileSync} from "node:fs";
import {join} from "node:path";
import {REPORT_FILE} from "../../loaders/report/loadReport.js";
import {ensureTables} from "../../publish/tables.js";

process.stdout.write(readFileSync(join(await ensureTables(), REPORT_FILE)));
