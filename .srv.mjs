import {serve} from "./scripts/serve.mjs";
const s = await serve("dist", {port: 3918});
console.log(s.url);
