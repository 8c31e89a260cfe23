// Framework data loader: kommun boundaries for the comparison tool's map, read
// from data/reference/geo/kommuner.geojson and checked (loaders/reference/readKommunGeo.ts).
import {join} from "node:path";
import {PROJECT_ROOT} from "../../publish/tables.js";
import {readKommunGeo} from "../../loaders/reference/readKommunGeo.js";

process.stdout.write(JSON.stringify(readKommunGeo(join(PROJECT_ROOT, "data"))));
