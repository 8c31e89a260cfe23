// Framework data loader: one JSON file per kommun and stadsdel for the report
// pages (/kommun/<kod> reads data/units/<kod>.json) plus data/units/index.json,
// all computed in this one process (see publish/units/unitReports.ts).
import {ensureTables} from "../../publish/tables.js";
import {buildUnitReports, parquetQuery, unitArchive} from "../../publish/units/unitReports.js";

const {query, close} = await parquetQuery(await ensureTables());
try {
  const archive = await unitArchive(await buildUnitReports(query));
  process.stdout.write(archive);
} finally {
  close();
}
