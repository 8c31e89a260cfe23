import {fail, listOr, quote} from "../errors.js";
import type {Reference} from "../reference/readReference.js";
import {questionsOf, type Questionnaire, type QuestionnaireFile} from "../schema/metadata.js";
import type {SurveyTable} from "./surveyTable.js";

export const UNIT_COLUMN = "Kod";
export const NAME_COLUMN = "Namn";

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
 * as a number loses its leading zero (180 → 0180), and cells carry stray spaces.
 */
export function validateSurvey(table: SurveyTable, year: number, questionnaire: Questionnaire, answerSets: QuestionnaireFile["answer_sets"], ref: Reference): ValidSurvey {
  const {file} = table;
  const questions = questionsOf(questionnaire, year);
  const expected = [UNIT_COLUMN, ...questions.map((q) => q.code)];
  for (const column of expected) {
    if (!table.header.includes(column)) fail({file, row: 1, column}, `missing required column (expected columns ${expected.join(", ")}; found ${table.header.join(", ") || "none"})`);
  }
  for (const column of table.header) {
    if (!expected.includes(column) && column !== NAME_COLUMN) {
      fail({file, row: 1, column}, `unknown column ${quote(column)} (expected ${UNIT_COLUMN}, ${NAME_COLUMN} or a question of the ${questionnaire.id} questionnaire asked in ${year}: ${questions.map((q) => q.code).join(", ")})`);
    }
  }
  if (table.rows.length === 0) fail({file, row: 2}, "no responding units (the file has a header but no rows)");

  const units: ValidSurvey["units"] = [];
  const seen = new Map<string, number>();
  for (const {row, cells} of table.rows) {
    let code = (cells[UNIT_COLUMN] ?? "").trim();
    if (/^\d{1,3}$/.test(code)) code = code.padStart(4, "0");
    const area = ref.byCode.get(code);
    if (!area || (area.level !== "kommun" && area.level !== "stadsdel")) {
      fail({file, row, column: UNIT_COLUMN}, `unknown kommunkod ${quote(cells[UNIT_COLUMN])} (expected one of the 290 kommunkoder, e.g. 0114, or a stadsdel code such as 0180-01)`);
    }
    if (ref.storstader.includes(code)) {
      fail({file, row, column: UNIT_COLUMN}, `${code} ${area.name} answers the survey through its stadsdelar (expected a stadsdel code such as ${code}-01)`);
    }
    const name = cells[NAME_COLUMN];
    if (name !== undefined && name.trim() !== "" && !fold(name).includes(fold(area.name))) {
      fail({file, row, column: NAME_COLUMN}, `${quote(name)} does not match ${code}, which is ${area.name} (expected the unit's name: is the code right?)`);
    }
    const first = seen.get(code);
    if (first !== undefined) fail({file, row, column: UNIT_COLUMN}, `duplicate unit ${code} ${area.name} (already answered in row ${first}; expected one row per unit and survey year)`);
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
      if (match === undefined) fail({file, row, column: question.code}, `unknown answer ${quote(raw)} (expected ${listOr(accepted)} or blank)`);
      answers[question.code] = match;
    }
    units.push({code, row, answers});
  }
  return {file, year, units};
}
