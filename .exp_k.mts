import {readFileSync, readdirSync} from "node:fs";
import {readJsonStat, readJsonStatCube} from "./loaders/register/readJsonStat.js";
import {readKolada} from "./loaders/register/readKolada.js";
const dir = "test/fixtures/register/";
const legend = {"..": "missing", ".": "not_applicable", "X": "suppressed", "-": "zero"} as const;
for (const f of readdirSync(dir).sort()) {
  const text = readFileSync(dir + f, "utf-8");
  try {
    if (f.startsWith("jsonstat") || f.startsWith("scb")) {
      const v = readJsonStat(f, text, {legend, defaultAreaCode: f.includes("HE0110") ? "00" : undefined});
      console.log("OK", f, v.length, JSON.stringify(v.slice(0, 6)));
    } else if (f.startsWith("kolada")) {
      const v = readKolada(f, text, f.includes("other") ? {kpis: ["N33817"]} : {});
      console.log("OK", f, v.length, JSON.stringify(v.slice(0, 8)));
    }
  } catch (e) { console.log("ERR", f, String(e)); }
}
for (const f of ["scb_v2_TAB6471_data_jsonstat2.json", "jsonstat_months.json"]) {
  try { const v = readJsonStat(f, readFileSync(dir + f, "utf-8"), {legend, allowPeriods: true}); console.log("OK", v.length, v.slice(0,2)); } catch (e) { console.log("ERR", f, String(e)); }
}
const cube = readJsonStatCube("x", readFileSync(dir + "scb_v2_TAB6471_data_jsonstat2.json", "utf-8"), legend);
console.log(cube.cells.length, cube.cells[0], cube.cells[2771]);
try { readKolada("k", readFileSync(dir + "kolada_genders_areas.json", "utf-8"), {kpis: ["N33817", "N33818"]}); } catch (e) { console.log(String(e)); }
