// Framework data loader: the population table (schema in loaders/schema/tables.ts).
import {emitTable} from "../../loaders/framework/tableCache.js";

await emitTable("population");
