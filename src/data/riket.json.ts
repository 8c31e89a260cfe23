// Framework data loader: the national series of every indicator, with their
// comparability groups, as one small JSON file. Pages draw their first chart
// from it at once, while DuckDB-WASM (≈1–2 s to start) loads the full tables.
import {ensureTables} from "../../publish/tables.js";
import {parquetQuery} from "../../publish/parquetQuery.js";

const {query, close} = await parquetQuery(await ensureTables());

const indicators = await query(`SELECT id, title, short_title, theme, measure, unit FROM indicators ORDER BY theme, title`);
const comparability = await query(`SELECT indicator_id, group_id, first_year, last_year, note FROM comparability ORDER BY indicator_id, first_year`);
const series = await query(`SELECT o.indicator_id, o.year, o.value, o.status, c.group_id
  FROM observations o JOIN comparability c ON c.indicator_id = o.indicator_id AND o.year BETWEEN c.first_year AND c.last_year
  WHERE o.area_code = '00' ORDER BY o.indicator_id, o.year`);
close();
process.stdout.write(JSON.stringify({indicators, comparability, series}));
