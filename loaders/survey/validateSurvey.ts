import {fail, listOr, quote} from "../errors.js";
import {describeArea, nearestAreas, resolveArea, type AreaIndex} from "../reference/areaIndex.js";
import type {Reference} from "../reference/readReference.js";
import type {Warn} from "../report/warnings.js";
import {questionsOf, type Questionnaire, type QuestionnaireFile} from "../schema/metadata.js";
import {NAME_COLUMN, UNIT_COLUMN} from "./surveyHeader.js";
import type {SurveyTable} from "./surveyTable.js";

export {NAME_COLUMN, UNIT_COLUMN};

/** A unit's answers, by question code, canonical answer codes; "" = left blank. */
export type UnitAnswers = Record<string, string>;
export interface ValidSurvey {
  file: string;
  year: number;
  /** Responding units in file order, with the row each came from. */
  units: {code: string; row: number; answers: UnitAnswers}[];
}

const fold = (s: string) => s.normalize("NFD").replace(/\p{Diacritic}/gu, "").toLowerCase().replace(/\s+/g, " ").trim();

/**
 * Checks a survey file against the year's questionnaire and the reference
 * areas. Any problem stops the load with the file, row and column: a unit
 * that is not a survey unit, a duplicate unit, an answer the question does
 * not accept, a missing or unknown column. Nothing is dropped or guessed,
 * except two things Excel does to codes, which are restored: a kommunkod typed
 * as a number loses its leading zero (180 → 0180, reported as a warning), and
 * cells carry stray spaces. The unit cell may hold the code, "0114 Upplands
 * Väsby" or the name. Messages name columns as the file words them.
 */
export function validateSurvey(
  table: SurveyTable,
  year: number,
  questionnaire: Questionnaire,
  answerSets: QuestionnaireFile["answer_sets"],
  ref: Reference,
  areas: AreaIndex,
  warn: Warn = () => {}
): ValidSurvey {
  const {file} = table;
  const shown = (column: string) => table.original[column] ?? column;
  const questions = questionsOf(questionnaire, year);
  const expected = [UNIT_COLUMN, ...questions.map((q) => q.code)];
  for (const column of expected) {
    if (!table.header.includes(column)) fail({file, row: table.headerRow, column}, `missing required column (expected columns ${expected.join(", ")}; found ${table.header.map(shown).join(", ") || "none"})`);
  }
  for (const column of table.header) {
    if (!expected.includes(column) && column !== NAME_COLUMN) {
      fail({file, row: table.headerRow, column: shown(column)}, `unknown column ${quote(shown(column))} (expected ${UNIT_COLUMN}, ${NAME_COLUMN} or a question of the ${questionnaire.id} questionnaire asked in ${year}: ${questions.map((q) => q.code).join(", ")})`);
    }
  }
  if (table.rows.length === 0) fail({file, row: table.headerRow + 1}, "no responding units (the file has a header but no rows)");
  const padded: {row: number; raw: string; code: string}[] = [];

  const units: ValidSurvey["units"] = [];
  const seen = new Map<string, number>();
  for (const {row, cells} of table.rows) {
    const raw = (cells[UNIT_COLUMN] ?? "").trim();
    const resolved = resolveArea(areas, raw);
    const code = "code" in resolved ? resolved.code : raw;
    const area = ref.byCode.get(code);
    if (!area || (area.level !== "kommun" && area.level !== "stadsdel")) {
      const near = /^\d{3,4}(-\d{2})?$/.test(raw) ? nearestAreas(areas, raw.length === 3 ? `0${raw}` : raw, "code").filter((a) => a.level === "kommun" || a.level === "stadsdel") : [];
      fail({file, row, column: shown(UNIT_COLUMN)}, `unknown kommunkod ${quote(cells[UNIT_COLUMN])} (expected one of the 290 kommunkoder, e.g. 0114, or a stadsdel code such as 0180-01${near.length ? `; the nearest: ${near.map(describeArea).join(", ")}` : ""})`);
    }
    if ("padded" in resolved && resolved.padded !== undefined) padded.push({row, raw, code});
    if (ref.storstader.includes(code)) {
      fail({file, row, column: shown(UNIT_COLUMN)}, `${code} ${area.name} answers the survey through its stadsdelar (expected a stadsdel code such as ${code}-01)`);
    }
    const name = cells[NAME_COLUMN];
    if (name !== undefined && name.trim() !== "" && !fold(name).includes(fold(area.name))) {
      fail({file, row, column: shown(NAME_COLUMN)}, `${quote(name)} does not match ${code}, which is ${area.name} (expected the unit's name: is the code right?)`);
    }
    const first = seen.get(code);
    if (first !== undefined) fail({file, row, column: shown(UNIT_COLUMN)}, `duplicate unit ${code} ${area.name} (already answered in row ${first}; expected one row per unit and survey year)`);
    seen.set(code, row);

    const answers: UnitAnswers = {};
    for (const question of questions) {
      const raw = (cells[question.code] ?? "").trim().replace(/\s+/g, " ");
      const accepted = Object.keys(answerSets[question.answers] ?? {});
      if (raw === "") {
        answers[question.code] = "";
        continue;
      }
      const match = accepted.find((a) => a.toLowerCase() === raw.toLowerCase());
      if (match === undefined) fail({file, row, column: shown(question.code)}, `unknown answer ${quote(raw)} (expected ${listOr(accepted)} or blank)`);
      answers[question.code] = match;
    }
    units.push({code, row, answers});
  }
  if (padded.length > 0) {
    const examples = padded.slice(0, 3).map((p) => `${p.raw} → ${p.code}`).join(", ");
    warn({file, row: padded[0]!.row, column: shown(UNIT_COLUMN), count: padded.length, message: `restored the leading zero of ${padded.length} kommunkod${padded.length === 1 ? "" : "er"} (${examples}${padded.length > 3 ? ", …" : ""}), as a spreadsheet drops it`});
  }
  return {file, year, units};
}
