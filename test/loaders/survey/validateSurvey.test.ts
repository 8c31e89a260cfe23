// A survey table checked against the questionnaire and the reference areas.
import {describe, expect, it} from "vitest";
import {areaIndex} from "../../../loaders/reference/areaIndex.js";
import {readReference} from "../../../loaders/reference/readReference.js";
import {collectWarnings, type Warn} from "../../../loaders/report/warnings.js";
import {readQuestionnaires} from "../../../loaders/schema/metadata.js";
import type {SurveyTable} from "../../../loaders/survey/surveyTable.js";
import {validateSurvey} from "../../../loaders/survey/validateSurvey.js";
import {DATA} from "../../helpers/dataDir.js";
import {loadError} from "../../helpers/loadError.js";

const ref = readReference(DATA);
const areas = areaIndex(ref);
const questionnaires = readQuestionnaires(DATA);
const q2016 = questionnaires.questionnaires.find((q) => q.id === "2016–")!;
const answers = {B1: "1", K1: "Ja", K2: "Nej", S1: "Ja", S2: "Ja", S3: "", S4: "Vet ej", D1: "ja"};
const table = (units: Record<string, string>[], original: Record<string, string> = {}): SurveyTable => ({
  file: "enkat.xlsx",
  header: ["Kod", "Namn", ...Object.keys(answers)],
  headerRow: 1,
  original,
  rows: units.map((cells, i) => ({row: i + 2, cells: {...answers, ...cells}}))
});
const validate = (t: SurveyTable, warn: Warn = () => {}) => validateSurvey(t, 2016, q2016, questionnaires.answer_sets, ref, areas, warn);

describe("validateSurvey", () => {
  it("accepts the unit as a code, a code without its zero (with a warning), a code and name, or a name", () => {
    const {warn, warnings} = collectWarnings();
    const valid = validate(table([{Kod: "0115"}, {Kod: "114"}, {Kod: "0117 Österåker"}, {Kod: "Värmdö"}, {Kod: " 0180-01 "}]), warn);
    expect(valid.units.map((u) => u.code)).toEqual(["0115", "0114", "0117", "0120", "0180-01"]);
    expect(valid.units[0]!.answers).toEqual({B1: "1", K1: "Ja", K2: "Nej", S1: "Ja", S2: "Ja", S3: "", S4: "Vet ej", D1: "Ja"});
    expect(warnings).toEqual([{file: "enkat.xlsx", row: 3, column: "Kod", count: 1, message: "restored the leading zero of 1 kommunkod (114 → 0114), as a spreadsheet drops it"}]);
  });

  it.each([
    [{Kod: "0118"}, {}, 'enkat.xlsx, row 2, column Kod: unknown kommunkod "0118" (expected one of the 290 kommunkoder, e.g. 0114, or a stadsdel code such as 0180-01; the nearest: 0117 Österåker, 0115 Vallentuna, 0114 Upplands Väsby)'],
    [{Kod: "01"}, {Kod: "Kommunkod"}, 'enkat.xlsx, row 2, column Kommunkod: unknown kommunkod "01" (expected one of the 290 kommunkoder, e.g. 0114, or a stadsdel code such as 0180-01)'],
    [{Kod: "1480"}, {}, "enkat.xlsx, row 2, column Kod: 1480 Göteborg answers the survey through its stadsdelar (expected a stadsdel code such as 1480-01)"],
    [{Kod: "0114", S4: "Kanske"}, {S4: "Fråga S4"}, 'enkat.xlsx, row 2, column Fråga S4: unknown answer "Kanske" (expected Ja, Nej or Vet ej or blank)']
  ])("refuses %j, naming the column as the file words it", (cells, original, message) => {
    expect(loadError(() => validate(table([cells], original))).message).toBe(message);
  });
});
