// Framework data loader: the responses table (schema in loaders/schema/tables.ts).
import {readFileSync} from "node:fs";
import {tableFile} from "../../publish/tables.js";

process.stdout.write(readFileSync(await tableFile("responses")));
