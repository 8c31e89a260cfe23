// Framework data loader: the observations table (schema in loaders/schema/tables.ts).
import {emitTable} from "../../loaders/framework/tableCache.js";

await emitTable("observations");
