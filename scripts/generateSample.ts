// `npm run data:sample`: regenerates the committed sample raw files under data/.
import {join} from "node:path";
import {fileURLToPath} from "node:url";
import {generateSample} from "../loaders/sample/generateSample.js";

const dataDir = join(fileURLToPath(new URL("..", import.meta.url)), "data");
const written = await generateSample(dataDir);
console.error(`Exempeldata skriven:\n  ${written.join("\n  ")}`);
