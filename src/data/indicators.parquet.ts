// Framework data loader: the indicators table (schema in loaders/schema/tables.ts).
import {emitTable} from "../../loaders/framework/tableCache.js";

await emitTable("indicators");
