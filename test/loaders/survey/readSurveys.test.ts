// Every survey file in sources.json, read with its questionnaire's wordings and validated.
import {describe, expect, it} from "vitest";
import {areaIndex} from "../../../loaders/reference/areaIndex.js";
import {readReference} from "../../../loaders/reference/readReference.js";
import {collectWarnings} from "../../../loaders/report/warnings.js";
import {readMetadata} from "../../../loaders/schema/metadata.js";
import {headerWords, readSurveys} from "../../../loaders/survey/readSurveys.js";
import {DATA, fixture, makeDataDir} from "../../helpers/dataDir.js";

const ref = readReference(DATA);

describe("readSurveys", () => {
  it("takes the column wordings from the questionnaire declaration, and the questions asked that year", () => {
    const meta = readMetadata(DATA);
    const words = headerWords(meta.questionnaires, meta.questionnaires.questionnaires[0]!, 2012);
    expect(words.unit).toContain("Kommunkod");
    expect(Object.keys(words.questions)).toEqual(["F1", "F3", "F4", "F5", "F6", "F7"]);
  });

  it("reads the declared sheet of a workbook and reports what it did", async () => {
    const dir = makeDataDir({
      files: {"survey/enkat_2013.xlsx": fixture("survey-saved/enkat_2013_saved.xlsx")},
      sources: {survey: [{year: 2013, file: "survey/enkat_2013.xlsx", questionnaire: "2010–2015", period: "november 2013", sheet: "Svar"}]},
      indicators: (i) => i.source === "enkät"
    });
    const {warn, warnings} = collectWarnings();
    const [survey] = await readSurveys(dir, readMetadata(dir), ref, areaIndex(ref), warn);
    expect(survey!.units.map((u) => u.code)).toEqual(["0114", "0115", "0180-01", "0180-02", "0380"]);
    expect(warnings.map((w) => w.message.split(" (")[0])).toEqual(["skipped 1 row above the header on row 3", "left out 1 note row below the table", "restored the leading zero of 2 kommunkoder"]);
  });
});
