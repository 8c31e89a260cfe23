// Framework data loader: the comparability table (schema in loaders/schema/tables.ts).
import {emitTable} from "../../loaders/framework/tableCache.js";

await emitTable("comparability");
