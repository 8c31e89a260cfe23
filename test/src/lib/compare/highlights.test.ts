// The short narrative of a unit page (src/lib/compare/highlights.js).
import {describe, expect, it} from "vitest";
import {highlights, participationSentence} from "../../../../src/lib/compare/highlights.js";

import {BBIC, DELAKTIGHET, UPPFOLJNING, SVAR, HELDYGN, vallentuna, goteborg, stockholm, angered} from "../../../helpers/sentenceFixtures.js";

const vingaker = {code: "0428", name: "Vingåker", kind: "kommun", kommun_name: "Vingåker", stadsdelar: 0};

const years = (answered: number[], units = 1) => [2010, 2011, 2012, 2013, 2014, 2015, 2016].map((year, i) => ({year, answered: answered[i]!, units}));

describe("participation in the survey", () => {
  it("says which years a unit answered, naming the shorter list", () => {
    expect(participationSentence(vallentuna, years([1, 1, 1, 1, 1, 1, 1]))).toBe("Vallentuna besvarade enkäten alla sju år 2010–2016.");
    expect(participationSentence(vallentuna, years([1, 1, 0, 1, 0, 1, 1]))).toBe("Vallentuna besvarade enkäten 2010–2016 utom 2012 och 2014.");
    expect(participationSentence(angered, years([0, 0, 0, 0, 0, 0, 0]))).toBe("Stadsdelen Angered i Göteborg besvarade inte enkäten något år 2010–2016.");
    // Was "besvarade enkäten 2010–2016 utom 2010, 2011, 2012, 2013, 2014 och 2016".
    expect(participationSentence(vallentuna, years([0, 0, 0, 0, 0, 1, 0]))).toBe("Vallentuna besvarade enkäten 2015 men inget annat år 2010–2016.");
  });

  it("says how many stadsdelar of a storstad answered", () => {
    expect(participationSentence(goteborg, years([10, 10, 10, 10, 10, 10, 10], 10))).toBe("Samtliga stadsdelar i Göteborg besvarade enkäten varje år 2010–2016.");
    expect(participationSentence(stockholm, years([12, 12, 12, 13, 12, 13, 14], 14))).toBe(
      "Varje år 2010–2016 besvarade mellan 12 och 14 av 14 stadsdelar i Stockholm enkäten; 2016 svarade samtliga."
    );
    expect(participationSentence(goteborg, years([9, 10, 10, 10, 10, 10, 8], 10))).toBe(
      "Varje år 2010–2016 besvarade mellan åtta och tio av tio stadsdelar i Göteborg enkäten; 2016 svarade åtta av tio."
    );
  });
});

describe("the short narrative of a unit page", () => {
  const meta = [BBIC, DELAKTIGHET, UPPFOLJNING, SVAR, HELDYGN];
  const value = (id: string, v: number | null, riket: number, extra: Record<string, unknown> = {}) => ({id, year: 2016, value: v, status: v === null ? "no_answer" : "ok", riket_status: "ok", riket_value: riket, ...extra});

  it("participation, the yes count, BBIC, unusual answers and the care rate", () => {
    const report = {
      unit: {...vallentuna, kommungrupp_name: "Pendlingskommun nära storstad"},
      indicators: meta,
      surveys: [2014, 2015, 2016].map((year) => ({year, answered: 1, units: 1})),
      values: [
        value("bbic_ordinarie_licens", 0, 98.06),
        value("barns_delaktighet", 100, 66),
        value("systematisk_uppfoljning", 100, 20),
        value("svarsfrekvens", 100, 98.1),
        value("heldygnsinsats_per_1000", 6.41, 7.21, {rank: 156, rank_n: 277, ties: 1, group_value: 6.41})
      ]
    };
    expect(highlights(report).map((h) => h.id)).toEqual(["svarsfrekvens", "sammanfattning", "bbic_ordinarie_licens", "systematisk_uppfoljning", "heldygnsinsats_per_1000"]);
    const texts = highlights(report).map((h) => h.text);
    expect(texts[0]).toBe("Vallentuna besvarade enkäten alla tre år 2014–2016.");
    // BBIC no, delaktighet yes, uppföljning yes: two of three share indicators (svarsfrekvens is participation).
    expect(texts[1]).toBe("Av tre enkätindikatorer 2016 svarade Vallentuna ja på två.");
    expect(texts[2]).toBe("Vallentuna har inte ordinarie BBIC-licens; det har 98 procent av landets kommuner och stadsdelar.");
    // Only 20 percent of units follow up systematically: Vallentuna's yes is unusual (80 ≥ 75).
    expect(texts[3]).toBe("Vallentuna följer upp insatser för barn och unga systematiskt på verksamhetsnivå; det gör 20 procent av landets kommuner och stadsdelar.");
    // A rate is lower, not "fewer".
    expect(texts[4]).toMatch(/^Heldygnsinsats per 1 000, 2016: 6,4 i Vallentuna, 11 procent lägre än i riket \(7,2\)\./);
  });

  it("a unit that never answered is told so once, not again for BBIC (Vingåker 2010–2016)", () => {
    const report = {
      unit: {...vingaker, kommungrupp_name: "Pendlingskommun nära mindre tätort"},
      indicators: meta,
      surveys: years([0, 0, 0, 0, 0, 0, 0]),
      values: [value("bbic_ordinarie_licens", null, 98.06), value("barns_delaktighet", null, 66), value("heldygnsinsats_per_1000", 9.8, 7.2)]
    };
    const texts = highlights(report).map((h) => h.text);
    expect(texts[0]).toBe("Vingåker besvarade inte enkäten något år 2010–2016.");
    expect(texts.filter((t) => t.includes("besvarade inte enkäten"))).toHaveLength(1);
    expect(highlights(report).map((h) => h.id)).toEqual(["svarsfrekvens", "heldygnsinsats_per_1000"]);
  });

  it("a storstad: above or below riket instead of a yes count, never 'för noll'; no care rate for a stadsdel", () => {
    const report = {
      unit: {...goteborg, kommungrupp_name: "Storstäder"},
      indicators: meta,
      surveys: [{year: 2016, answered: 10, units: 10}],
      values: [value("bbic_ordinarie_licens", 100, 98, {numerator: 10, denominator: 10}), value("barns_delaktighet", 40, 66, {numerator: 4, denominator: 10})]
    };
    expect(highlights(report).find((h) => h.id === "sammanfattning")!.text).toBe(
      "Av två enkätindikatorer 2016 är andelen stadsdelar i Göteborg som svarat ja högre än i riket för en och lägre för en."
    );
    const below = {...report, values: [value("bbic_ordinarie_licens", 80, 98, {numerator: 8, denominator: 10}), value("barns_delaktighet", 40, 66, {numerator: 4, denominator: 10})]};
    expect(highlights(below).find((h) => h.id === "sammanfattning")!.text).toBe("Av två enkätindikatorer 2016 är andelen stadsdelar i Göteborg som svarat ja lägre än i riket för båda.");
    const stadsdel = {...report, unit: {...angered, kommungrupp_name: "Storstäder"}, surveys: [{year: 2016, answered: 1, units: 1}], values: [value("heldygnsinsats_per_1000", null, 7.2, {status: null})]};
    expect(highlights(stadsdel).map((h) => h.id)).toEqual(["svarsfrekvens"]);
  });
});
