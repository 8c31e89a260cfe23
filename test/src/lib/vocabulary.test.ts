// The questions every module asks the vocabulary (src/lib/vocabulary.js):
// which measures are shares or a unit's own answer, what a status says and
// how it is marked, and what an area code looks like.
import {describe, expect, it} from "vitest";
import {isAnswer, isAreaCode, isOwnAnswer, isShare, markerOf, measureSpec, statusText} from "../../../src/lib/vocabulary.js";

describe("src/lib/vocabulary.js", () => {
  it.each([
    ["share_yes", true, true],
    ["response_rate", true, true],
    ["percent", true, false],
    ["count", false, false],
    ["rate_per_1000", false, false],
    ["unknown", false, false]
  ])("%s: share %s, a unit's own answer %s", (measure, share, answer) => {
    expect([isShare(measure), isAnswer(measure)]).toEqual([share, answer]);
  });

  it("says what a status means, and marks it in published files", () => {
    expect(statusText("suppressed")).toBe("skyddad av sekretess");
    expect(statusText("no_answer")).toBe("besvarade inte enkäten");
    expect(statusText(null)).toBe("uppgift saknas");
    expect(markerOf("suppressed")).toBe("X");
    expect(markerOf("not_applicable")).toBe(".");
    expect(() => markerOf("ok")).toThrow(/no marker for status "ok"/);
  });

  it("gives decimals and range per measure", () => {
    expect(measureSpec("rate_per_1000")).toMatchObject({decimals: 1, min: 0, max: 1000});
    expect(measureSpec("count")).toMatchObject({decimals: 0, integer: true, max: null});
  });

  it.each([
    ["share_yes", {kind: "kommun"}, true],
    ["share_yes", {kind: "stadsdel"}, true],
    ["response_rate", {kind: "kommun"}, true],
    ["share_yes", {kind: "storstad"}, false],
    ["share_yes", {kind: "län"}, false],
    ["share_yes", {kind: "riket"}, false],
    ["percent", {kind: "kommun"}, false],
    ["rate_per_1000", {kind: "stadsdel"}, false],
    ["share_yes", {kind: "kommun", survey_unit: false}, false],
    ["share_yes", {kind: "storstad", survey_unit: true}, true]
  ])("%s for %o: the value is the unit's own answer: %s", (measure, unit, own) => {
    expect(isOwnAnswer(measure, unit)).toBe(own);
  });

  it.each([
    ["00", true],
    ["01", true],
    ["25", true],
    ["0180", true],
    ["0180-01", true],
    ["180", false],
    ["0180-1", false],
    ["0180'; --", false],
    ["", false]
  ])("%j is an area code: %s", (code, ok) => {
    expect(isAreaCode(code)).toBe(ok);
  });
});
