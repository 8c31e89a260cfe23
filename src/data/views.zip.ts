// Framework data loader: the first view of each page that queries the tables
// (data/views/<page>.json), answered at build time (publish/firstViews.ts).
import {ensureTables} from "../../publish/tables.js";
import {parquetQuery} from "../../publish/parquetQuery.js";
import {buildFirstViews, firstViewArchive} from "../../publish/firstViews.js";

const {query, close} = await parquetQuery(await ensureTables());
try {
  process.stdout.write(await firstViewArchive(await buildFirstViews(query)));
} finally {
  close();
}
