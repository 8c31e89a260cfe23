// Framework data loader: kommun boundaries for the comparison tool's map, read
// from data/reference/geo/kommuner.geojson and checked (loaders/pages/kommunGeo.ts).
import {join} from "node:path";
import {PROJECT_ROOT} from "../../loaders/framework/tableCache.js";
import {readKommunGeo} from "../../loaders/pages/kommunGeo.js";

process.stdout.write(JSON.stringify(readKommunGeo(join(PROJECT_ROOT, "data"))));
