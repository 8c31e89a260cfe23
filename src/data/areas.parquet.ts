// Framework data loader: the areas table (schema in loaders/schema/tables.ts).
import {emitTable} from "../../loaders/framework/tableCache.js";

await emitTable("areas");
