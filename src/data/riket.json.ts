// Framework data loader: the national series of every indicator, with their
// comparability groups, as one small JSON file (riketSeries in src/lib/overview.js). Översikt
// draws its chart from it at once, without DuckDB-WASM.
import {ensureTables} from "../../publish/tables.js";
import {parquetQuery} from "../../publish/parquetQuery.js";
import {riketSeries} from "../../publish/firstViews.js";

const {query, close} = await parquetQuery(await ensureTables());
try {
  process.stdout.write(JSON.stringify(await riketSeries(query)));
} finally {
  close();
}
