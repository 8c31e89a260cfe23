// Framework data loader: the serving file, every table of the contract in one
// read-only DuckDB database for DuckDB-WASM (see publish/serving/servingDatabase.ts).
import {createReadStream} from "node:fs";
import {servingFile} from "../../../publish/serving/servingFile.js";

createReadStream(await servingFile()).pipe(process.stdout);
