import {readFileSync} from "node:fs";
import {join} from "node:path";
import {fail} from "../errors.js";
import type {AreaIndex} from "../reference/areaIndex.js";
import type {Reference} from "../reference/readReference.js";
import type {Warn} from "../report/warnings.js";
import {questionnaireFor, questionsOf, type Metadata, type Questionnaire, type QuestionnaireFile} from "../schema/metadata.js";
import {readSurveyCsv} from "./readSurveyCsv.js";
import {readSurveyXlsx} from "./readSurveyXlsx.js";
import {NAME_COLUMN, UNIT_COLUMN, type HeaderWords} from "./surveyHeader.js";
import {validateSurvey, type ValidSurvey} from "./validateSurvey.js";

export function readBytes(dataDir: string, file: string): Uint8Array {
  try {
    return readFileSync(join(dataDir, file));
  } catch {
    fail({file}, "file not found (listed in data/sources.json)");
  }
}

/** The wordings a year's survey file may use for its columns, from the questionnaire declaration. */
export function headerWords(file: QuestionnaireFile, questionnaire: Questionnaire, year: number): HeaderWords {
  return {
    unit: file.columns?.Kod ?? [UNIT_COLUMN],
    name: file.columns?.Namn ?? [NAME_COLUMN],
    questions: Object.fromEntries(questionsOf(questionnaire, year).map((q) => [q.code, q.aliases ?? []]))
  };
}

/** Reads and validates every survey file listed in data/sources.json. */
export async function readSurveys(dataDir: string, meta: Metadata, ref: Reference, areas: AreaIndex, warn: Warn): Promise<ValidSurvey[]> {
  const surveys: ValidSurvey[] = [];
  for (const source of meta.sources.survey) {
    const questionnaire = questionnaireFor(meta.questionnaires, source.questionnaire);
    if (!questionnaire) fail({file: "sources.json"}, `unknown questionnaire "${source.questionnaire}" for ${source.file}`);
    const words = headerWords(meta.questionnaires, questionnaire, source.year);
    const bytes = readBytes(dataDir, source.file);
    const table = source.file.toLowerCase().endsWith(".xlsx")
      ? await readSurveyXlsx(source.file, bytes, words, {sheet: source.sheet, warn})
      : readSurveyCsv(source.file, bytes, words, {encoding: source.encoding, warn});
    surveys.push(validateSurvey(table, source.year, questionnaire, meta.questionnaires.answer_sets, ref, areas, warn));
  }
  return surveys;
}
