// Framework data loader: one JSON file per kommun and stadsdel for the report
// pages (/kommun/<kod> reads data/units/<kod>.json) plus data/units/index.json,
// all computed in this one process (see loaders/pages/unitReports.ts).
import {ensureTables} from "../../loaders/framework/tableCache.js";
import {buildUnitReports, parquetQuery, unitArchive} from "../../loaders/pages/unitReports.js";

const {query, close} = await parquetQuery(await ensureTables());
try {
  const archive = unitArchive(await buildUnitReports(query));
  await new Promise<void>((resolve, reject) => process.stdout.write(archive, (error) => (error ? reject(error) : resolve())));
} finally {
  close();
}
