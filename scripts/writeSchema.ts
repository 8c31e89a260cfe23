// `npm run schema`: writes src/lib/schema.js from the declarations in loaders/schema/ (see publish/schema.ts).
import {readFileSync, writeFileSync} from "node:fs";
import {fileURLToPath} from "node:url";
import {schemaModule} from "../publish/schema.js";

const file = fileURLToPath(new URL("../src/lib/schema.js", import.meta.url));
const text = schemaModule();
let current = "";
try {
  current = readFileSync(file, "utf8");
} catch {
  // first run
}
if (current !== text) {
  writeFileSync(file, text);
  console.error("schema: src/lib/schema.js written");
}
