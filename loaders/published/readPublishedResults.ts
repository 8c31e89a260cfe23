import {fail, quote} from "../errors.js";
import type {Reference} from "../reference/readReference.js";
import type {IndicatorMeta} from "../schema/metadata.js";
import type {Observation} from "../schema/observation.js";
import {cellText, openWorkbook} from "../survey/readSurveyXlsx.js";

/** The sheets of a yearly result file and the area levels each may hold. */
const SHEETS: Record<string, ("kommun" | "stadsdel" | "län" | "riket")[]> = {
  Kommuner: ["kommun", "stadsdel"],
  Län: ["län"],
  Riket: ["riket"]
};
/** The release's legend: "–" (or "-") means no value for the unit. */
const NO_VALUE = new Set(["–", "-"]);

/**
 * Reads a published result file in the shape of the yearly Excel file: one
 * sheet per level, row 1 short titles, row 2 indicator ids, then one row per
 * area with Ja/Nej (a unit's answer), a percent (a share of units) or "–".
 */
export async function readPublishedResults(file: string, bytes: Uint8Array, year: number, indicators: IndicatorMeta[], ref: Reference): Promise<Observation[]> {
  const workbook = await openWorkbook(file, bytes);
  const known = new Set(indicators.map((i) => i.id));
  const out: Observation[] = [];
  const seen = new Map<string, string>();
  for (const [sheetName, levels] of Object.entries(SHEETS)) {
    const sheet = workbook.getWorksheet(sheetName);
    const where = `${file} [${sheetName}]`;
    if (!sheet) fail({file}, `missing sheet "${sheetName}" (expected sheets ${Object.keys(SHEETS).join(", ")})`);
    const ids: (string | null)[] = [];
    sheet.getRow(2).eachCell({includeEmpty: true}, (cell, col) => (ids[col - 1] = col <= 2 ? null : cellText(cell.value).trim() || null));
    ids.forEach((id, i) => {
      if (id !== null && !known.has(id)) fail({file: where, row: 2, column: sheet.getColumn(i + 1).letter}, `unknown indicator id ${quote(id)} (expected an id from data/indicators.json)`);
    });
    if (!ids.some((id) => id)) fail({file: where, row: 2}, "no indicator ids (expected the indicator ids in row 2)");
    for (let r = 3; r <= sheet.rowCount; r++) {
      const row = sheet.getRow(r);
      const rawCode = cellText(row.getCell(1).value).trim();
      if (rawCode === "" && !row.hasValues) continue;
      const code = /^\d{1,3}$/.test(rawCode) && sheetName === "Kommuner" ? rawCode.padStart(4, "0") : /^\d$/.test(rawCode) ? rawCode.padStart(2, "0") : rawCode;
      const area = ref.byCode.get(code);
      if (!area || !levels.includes(area.level)) fail({file: where, row: r, column: "A"}, `unknown area code ${quote(rawCode)} (expected a ${levels.join(" or ")} code)`);
      if (seen.has(code)) fail({file: where, row: r, column: "A"}, `duplicate area ${code} (already in ${seen.get(code)})`);
      seen.set(code, `${sheetName} row ${r}`);
      ids.forEach((id, i) => {
        if (!id) return;
        const column = sheet.getColumn(i + 1).letter;
        const raw = row.getCell(i + 1).value;
        const text = cellText(raw).trim();
        const base = {indicator_id: id, area_code: code, year, numerator: null, denominator: null, source: file};
        let value: number | null;
        if (NO_VALUE.has(text) || text === "") {
          out.push({...base, value: null, status: "missing"});
          return;
        } else if (text === "Ja" || text === "Nej") {
          if (area.level !== "stadsdel" && !(area.level === "kommun" && !ref.storstader.includes(code))) {
            fail({file: where, row: r, column}, `${quote(text)} for ${area.name}, expected a percent (Ja/Nej is only for a unit's own answer)`);
          }
          value = text === "Ja" ? 100 : 0;
        } else {
          value = typeof raw === "number" ? raw : Number(text.replace(",", ".").replace(/\s*%$/, ""));
          if (!Number.isFinite(value)) fail({file: where, row: r, column}, `unknown value ${quote(text)} (expected Ja, Nej, a percent or –)`);
          if (value < 0 || value > 100) fail({file: where, row: r, column}, `share ${text} out of range (expected a percent between 0 and 100)`);
        }
        out.push({...base, value, status: "ok"});
      });
    }
  }
  return out;
}
