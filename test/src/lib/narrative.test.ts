import {describe, expect, it} from "vitest";
import {capitalize, changeInWords, numberWord, percentText, ratioInWords, round, shareInWords, trendInWords} from "../../../src/lib/narrative.js";

describe("round(value, decimals) rounds halves away from zero without binary noise", () => {
  it.each([
    [49.5, 0, 50],
    [50.49, 0, 50],
    [24.45, 1, 24.5],
    [1.005, 2, 1.01],
    [-2.5, 0, -3],
    [0, 0, 0]
  ])("round(%d, %d) = %d", (value, decimals, expected) => expect(round(value, decimals)).toBe(expected));
});

describe("percentText", () => {
  it.each([
    [95, {}, "95 procent"],
    [94.94, {}, "95 procent"],
    [24.5, {decimals: 1}, "24,5 procent"],
    [24.0, {decimals: 1}, "24 procent"],
    [0, {}, "0 procent"],
    [100, {}, "100 procent"],
    [49.5, {}, "50 procent"],
    [1234.5, {}, "1\u202f235 procent"]
  ])("percentText(%d, %o) = %s", (value, options, expected) => expect(percentText(value, options)).toBe(expected));
});

describe("shareInWords(percent): fractions within 3 points, drygt/knappt within 6", () => {
  it.each([
    [80, "fyra av fem"],
    [80.0, "fyra av fem"],
    [50, "hälften"],
    [49.5, "hälften"],
    [52.9, "hälften"],
    [51.94, "hälften"],
    [56, "drygt hälften"],
    [44, "knappt hälften"],
    [25, "var fjärde"],
    [24, "var fjärde"],
    [75, "tre av fyra"],
    [33.3, "var tredje"],
    [66.7, "två av tre"],
    [20, "var femte"],
    [10, "var tionde"],
    [90, "nio av tio"],
    [98, "nästan alla"],
    [99.6, "nästan alla"],
    [100, "samtliga"],
    [0, "ingen"],
    [0.4, "nästan ingen"]
  ])("shareInWords(%d) = %s", (value, expected) => expect(shareInWords(value)).toBe(expected));

  it("returns null where no fraction is near (the caller writes the percent)", () => {
    expect(shareInWords(3)).toBeNull();
    expect(shareInWords(null)).toBeNull();
    expect(shareInWords(Number.NaN)).toBeNull();
  });
});

describe("ratioInWords(ratio)", () => {
  it.each([
    [2.82, "nästan tre gånger så många"],
    [2.7, "nästan tre gånger så många"],
    [2.96, "tre gånger så många"],
    [3.0, "tre gånger så många"],
    [3.04, "tre gånger så många"],
    [3.2, "drygt tre gånger så många"],
    [2.0, "dubbelt så många"],
    [1.9, "nästan dubbelt så många"],
    [2.2, "drygt dubbelt så många"],
    [2.5, "2,5 gånger så många"],
    [4.9, "nästan fem gånger så många"],
    [1.0, "lika många"],
    [1.3, "30 procent fler"],
    [0.8, "20 procent färre"],
    [0.5, "hälften så många"]
  ])("ratioInWords(%d) = %s", (value, expected) => expect(ratioInWords(value)).toBe(expected));

  const LEVEL = {noun: "högt", more: "högre", less: "lägre"};
  it.each([
    [1.4, "40 procent högre"],
    [0.7, "30 procent lägre"],
    [1.0, "lika högt"],
    [2.1, "drygt dubbelt så högt"],
    [0.5, "hälften så högt"]
  ])("a rate is higher or lower, not more or fewer: ratioInWords(%d, level words) = %s", (value, expected) => expect(ratioInWords(value, LEVEL)).toBe(expected));

  it("rejects ratios that are not numbers", () => {
    expect(ratioInWords(Number.POSITIVE_INFINITY)).toBeNull();
    expect(ratioInWords(-1)).toBeNull();
  });
});

describe("change and trend", () => {
  it.each([
    [40, 45, "ökar"],
    [45, 40, "minskar"],
    [40, 40.5, "oförändrat"],
    [40, 41, "ökar"]
  ])("changeInWords(%d, %d) = %s", (a, b, expected) => expect(changeInWords(a, b)).toBe(expected));

  it.each([
    [[55, 60, 66, 72], "ökar"],
    [[72, 66, 60], "minskar"],
    [[50, 55, 50.5], "oförändrat"],
    [[50, 60, 55], "varierar"],
    [[50, 60, null, 70], "ökar"]
  ])("trendInWords(%j) = %s", (values, expected) => expect(trendInWords(values)).toBe(expected));

  it("needs two values", () => expect(trendInWords([50])).toBeNull());
});

describe("words", () => {
  it("numberWord spells 0–12 and writes larger numbers as digits", () => {
    expect(numberWord(3)).toBe("tre");
    expect(numberWord(1, {neuter: true})).toBe("ett");
    expect(numberWord(13)).toBe("13");
  });
  it("capitalize opens a sentence", () => expect(capitalize("fyra av fem")).toBe("Fyra av fem"));
});
