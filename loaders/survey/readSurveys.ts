import {readFileSync} from "node:fs";
import {join} from "node:path";
import {fail} from "../errors.js";
import type {Reference} from "../reference/readReference.js";
import {questionnaireFor, type Metadata} from "../schema/metadata.js";
import {readSurveyCsv} from "./readSurveyCsv.js";
import {readSurveyXlsx} from "./readSurveyXlsx.js";
import {validateSurvey, type ValidSurvey} from "./validateSurvey.js";

/** Reads and validates every survey file listed in data/sources.json. */
export function readBytes(dataDir: string, file: string): Uint8Array {
  try {
    return readFileSync(join(dataDir, file));
  } catch {
    fail({file}, "file not found (listed in data/sources.json)");
  }
}

export async function readSurveys(dataDir: string, meta: Metadata, ref: Reference): Promise<ValidSurvey[]> {
  const surveys: ValidSurvey[] = [];
  for (const source of meta.sources.survey) {
    const bytes = readBytes(dataDir, source.file);
    const table = source.file.toLowerCase().endsWith(".xlsx") ? await readSurveyXlsx(source.file, bytes) : readSurveyCsv(source.file, bytes, source.encoding ?? "utf-8");
    const questionnaire = questionnaireFor(meta.questionnaires, source.questionnaire);
    if (!questionnaire) fail({file: "sources.json"}, `unknown questionnaire "${source.questionnaire}" for ${source.file}`);
    surveys.push(validateSurvey(table, source.year, questionnaire, meta.questionnaires.answer_sets, ref));
  }
  return surveys;
}

