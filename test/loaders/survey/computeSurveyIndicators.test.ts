// Survey indicators at every level from one year's valid answers.
import {describe, expect, it} from "vitest";
import {readReference} from "../../../loaders/reference/readReference.js";
import {readMetadata} from "../../../loaders/schema/metadata.js";
import {computeSurveyIndicators} from "../../../loaders/survey/computeSurveyIndicators.js";
import {DATA} from "../../helpers/dataDir.js";

const ref = readReference(DATA);
const {indicators} = readMetadata(DATA).indicators;
const yes = {B1: "1", K1: "Ja", K2: "Ja", S1: "Ja", S2: "Ja", S3: "Ja", S4: "Ja", D1: "Ja"};
const no = {...yes, B1: "2", S1: ""};
const obs = computeSurveyIndicators({file: "enkat.csv", year: 2016, units: [{code: "0114", row: 2, answers: yes}, {code: "0115", row: 3, answers: no}, {code: "0180-01", row: 4, answers: yes}]}, indicators, ref);
const value = (id: string, area: string) => obs.find((o) => o.indicator_id === id && o.area_code === area);

describe("computeSurveyIndicators", () => {
  it("gives a unit 100 or 0, no_answer when it did not respond, missing for a blank", () => {
    expect(value("bbic_ordinarie_licens", "0114")).toMatchObject({value: 100, status: "ok"});
    expect(value("bbic_ordinarie_licens", "0115")).toMatchObject({value: 0, status: "ok"});
    expect(value("bbic_ordinarie_licens", "0117")).toMatchObject({value: null, status: "no_answer"});
    expect(value("overenskommelse_primarvard", "0115")).toMatchObject({value: null, status: "missing"});
  });

  it("gives storstäder, län and riket the share of responding units that answered yes", () => {
    expect(value("bbic_ordinarie_licens", "0180")).toMatchObject({value: 100, numerator: 1, denominator: 1});
    expect(value("bbic_ordinarie_licens", "01")).toMatchObject({numerator: 2, denominator: 3});
    expect(value("svarsfrekvens", "00")).toMatchObject({numerator: 3, denominator: 316});
  });
});
