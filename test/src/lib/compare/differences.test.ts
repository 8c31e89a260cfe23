// Two register values compared in words (src/lib/compare/differences.js), on
// the sample data's Heldygnsinsats per 1 000 with the intervals stored beside
// them (exact Poisson, R's poisson.test): a difference is named only where the
// data carry it.
import {describe, expect, it} from "vitest";
import {againstRiket, changeText, children, pairSentence} from "../../../../src/lib/compare/differences.js";

const M = "rate_per_1000";
// Riket 2016: 16 440 children of 2 280 260.
const RIKET = {riket_status: "ok", riket_value: 7.2097, riket_numerator: 16440, riket_ci_low: 7.0999, riket_ci_high: 7.3208};
const unit = (value: number, numerator: number, ci_low: number, ci_high: number, year = 2016) => ({year, status: "ok", value, numerator, ci_low, ci_high});
const stockholm = unit(9.0692, 1682, 8.641, 9.5133);
const vallentuna = unit(6.4134, 39, 4.5606, 8.7674);
const hogsby = unit(3.6082, 7, 1.4507, 7.4344);
const aneby = unit(5.9347, 6, 2.1779, 12.9174);

describe("a unit against riket", () => {
  it("a clear difference is stated: Stockholm, 1 682 children, is 26 percent higher (the difference runs 1,42–2,32)", () => {
    expect(againstRiket({...stockholm, ...RIKET}, M)).toEqual({lead: ", ", text: "26 procent högre än i riket (7,2)"});
  });

  it("a difference whose interval holds 0 is 'ungefär som i riket', with why: Vallentuna 6,4, 39 children (−2,69 to 1,57)", () => {
    expect(againstRiket({...vallentuna, ...RIKET}, M)).toEqual({lead: ", ", text: "ungefär som i riket (7,2); skillnaden kan vara slumpmässig"});
  });

  it("below 20 children the basis is small, and how small: Högsby, 7 children, would otherwise be '50 procent lägre'", () => {
    expect(againstRiket({...hogsby, ...RIKET}, M)).toEqual({lead: "; ", text: "underlaget är litet (7 barn), så skillnaden mot riket (7,2) kan vara slumpmässig"});
    expect(againstRiket({...unit(3.6, 1, 0.01, 14), ...RIKET}, M).text).toMatch(/^underlaget är litet \(ett barn\)/);
  });

  it("a rate without its count (a Kolada rate) is not compared", () => {
    expect(againstRiket({year: 2016, status: "ok", value: 4.1, riket_status: "ok", riket_value: 3.2}, M)).toEqual({
      lead: " ",
      text: "(riket 3,2); antalet barn bakom talen redovisas inte, så skillnaden kan inte bedömas"
    });
  });
});

describe("a unit's first and last year", () => {
  const words = (from: string, to: string, moved: string) => ({noun: "värdet", moved, from, to});

  it("a clear change keeps its trend word: Stockholm 2010 (1 291 children, 7,6) to 2016 (1 682, 9,1)", () => {
    expect(changeText(unit(7.6365, 1291, 7.2256, 8.0647, 2010), stockholm, M, words("7,6", "9,1", "ökade värdet"))).toBe("2010–2016 ökade värdet (7,6 → 9,1)");
  });

  it("a change that may be chance 'went from … to': Vallentuna 2010 (42 children, 7,2) to 2016 (39, 6,4)", () => {
    expect(changeText(unit(7.1697, 42, 5.1673, 9.6913, 2010), vallentuna, M, words("7,2", "6,4", "minskade värdet"))).toBe(
      "2010–2016 gick värdet från 7,2 till 6,4; skillnaden kan vara slumpmässig"
    );
  });

  it("a small basis names the children of both years: Högsby 2011 (5) to 2016 (7)", () => {
    expect(changeText(unit(2.6911, 5, 0.8738, 6.28, 2011), hogsby, M, words("2,7", "3,6", "ökade värdet"))).toBe(
      "2011–2016 gick värdet från 2,7 till 3,6; underlaget är litet (5 barn 2011, 7 barn 2016)"
    );
  });

  it("values without intervals keep their trend word", () => {
    const p = (year: number, value: number) => ({year, status: "ok", value});
    expect(changeText(p(2010, 60), p(2016, 80), "share_yes", {noun: "andelen", moved: "ökade andelen", from: "60", to: "80"})).toBe("2010–2016 ökade andelen (60 → 80)");
  });
});

describe("two chosen units in the comparison tool", () => {
  const a = (label: string, row: Record<string, unknown>) => ({label, row});

  it("a clear difference is stated", () => {
    expect(pairSentence(a("Stockholm", stockholm), a("Vallentuna", vallentuna), {measure: M})).toBe("Värdet i Stockholm (9,1) är 42 procent högre än i Vallentuna (6,4).");
  });

  it("a small basis is named with the unit it belongs to", () => {
    expect(pairSentence(a("Vallentuna", vallentuna), a("Aneby", aneby), {measure: M})).toBe("Vallentuna (6,4) och Aneby (5,9): underlaget i Aneby är litet (6 barn), så skillnaden kan vara slumpmässig.");
  });

  it("a difference that may be chance is not stated", () => {
    const fagersta = unit(7.4349, 22, 4.6594, 11.2566);
    expect(pairSentence(a("Fagersta", fagersta), a("Vallentuna", vallentuna), {measure: M})).toBe("Fagersta (7,4) och Vallentuna (6,4): ungefär lika höga; skillnaden kan vara slumpmässig.");
  });

  it("nothing without two values, and why without counts", () => {
    expect(pairSentence(a("Knivsta", {status: "suppressed", value: null}), a("Vallentuna", vallentuna), {measure: M})).toBeNull();
    expect(pairSentence(a("A", {status: "ok", value: 4.1}), a("B", {status: "ok", value: 3.2}), {measure: M})).toBe("A (4,1) och B (3,2): antalet barn bakom talen redovisas inte, så skillnaden kan inte bedömas.");
  });

  it("'ett barn', else the number", () => {
    expect([children(1), children(7), children(1200)]).toEqual(["ett barn", "7 barn", "1\u202f200 barn"]);
  });
});
