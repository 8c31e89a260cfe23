// The generated sentences of the unit pages (src/lib/compare/sentences.js).
import {describe, expect, it} from "vitest";
import {highlights, indicatorSentence, listYears, negate, participationSentence, predicate, rankWords, trendSentence} from "../../../../src/lib/compare/sentences.js";

const indicator = (id: string, extra: Record<string, unknown> = {}) => ({
  id,
  short_title: "Ordinarie BBIC-licens",
  source: "enkät",
  measure: "share_yes",
  description: "Andel kommuner och stadsdelar som har ordinarie licens för Barns behov i centrum (BBIC), Socialstyrelsens system för dokumentation.",
  ...extra
});
const BBIC = indicator("bbic_ordinarie_licens");
const DELAKTIGHET = indicator("barns_delaktighet", {
  short_title: "Barns delaktighet",
  description: "Andel kommuner och stadsdelar som har en rutin för att involvera barn och unga i planering och uppföljning av insatser."
});
const UPPFOLJNING = indicator("systematisk_uppfoljning", {description: "Andel kommuner och stadsdelar som följer upp insatser för barn och unga systematiskt på verksamhetsnivå."});
const SVAR = indicator("svarsfrekvens", {measure: "response_rate", short_title: "Svarsfrekvens"});
const HELDYGN = indicator("heldygnsinsats_per_1000", {source: "register", measure: "rate_per_1000", short_title: "Heldygnsinsats per 1 000", description: "Antal barn …"});
const ANTAL = indicator("heldygnsinsats_antal", {source: "register", measure: "count", short_title: "Heldygnsinsats, antal", description: "Antal barn …"});

const vallentuna = {code: "0115", name: "Vallentuna", kind: "kommun", kommun_name: "Vallentuna", stadsdelar: 0};
const goteborg = {code: "1480", name: "Göteborg", kind: "storstad", kommun_name: "Göteborg", stadsdelar: 10};
const stockholm = {code: "0180", name: "Stockholm", kind: "storstad", kommun_name: "Stockholm", stadsdelar: 14};
const angered = {code: "1480-01", name: "Angered", kind: "stadsdel", kommun_name: "Göteborg", stadsdelar: 0};

const row = (extra: Record<string, unknown>) => ({year: 2016, status: "ok", riket_status: "ok", riket_value: 98.0645, ...extra});

describe("verb phrases from the indicator metadata", () => {
  it("derives the phrase from the description, up to the first comma or full stop outside parentheses", () => {
    expect(predicate(DELAKTIGHET)).toBe("har en rutin för att involvera barn och unga i planering och uppföljning av insatser");
    expect(predicate(UPPFOLJNING)).toBe("följer upp insatser för barn och unga systematiskt på verksamhetsnivå");
    expect(predicate(indicator("x", {description: "Andel kommuner och stadsdelar som har en överenskommelse om samverkan med primärvården, en viktig samverkanspart."}))).toBe(
      "har en överenskommelse om samverkan med primärvården"
    );
  });

  it("uses the shorter wording where there is one, by year where the question changed", () => {
    expect(predicate(BBIC)).toBe("har ordinarie BBIC-licens");
    expect(predicate(indicator("samverkan_bup"), 2015)).toBe("har en aktuell rutin för samverkan med barn- och ungdomspsykiatrin (BUP)");
    expect(predicate(indicator("samverkan_bup"), 2016)).toBe("har en överenskommelse om samverkan med barn- och ungdomspsykiatrin (BUP)");
  });

  it("negates after the finite verb, particle verbs included", () => {
    expect(negate("har ordinarie BBIC-licens")).toBe("har inte ordinarie BBIC-licens");
    expect(negate("följer upp insatser")).toBe("följer inte upp insatser");
  });
});

describe("one sentence per indicator", () => {
  it("a kommun that answered yes, like most", () => {
    expect(indicatorSentence(row({value: 100}), vallentuna, BBIC)).toBe("Vallentuna har ordinarie BBIC-licens, liksom 98 procent av landets kommuner och stadsdelar.");
  });

  it("a kommun that answered no while most said yes", () => {
    expect(indicatorSentence(row({value: 0}), vallentuna, BBIC)).toBe("Vallentuna har inte ordinarie BBIC-licens; det har 98 procent av landets kommuner och stadsdelar.");
  });

  it("a kommun that answered no like most, and one that answered yes against most", () => {
    expect(indicatorSentence(row({value: 0, riket_value: 40}), vallentuna, UPPFOLJNING)).toBe(
      "Vallentuna följer inte upp insatser för barn och unga systematiskt på verksamhetsnivå, liksom 60 procent av landets kommuner och stadsdelar."
    );
    expect(indicatorSentence(row({value: 100, riket_value: 40}), vallentuna, UPPFOLJNING)).toBe(
      "Vallentuna följer upp insatser för barn och unga systematiskt på verksamhetsnivå; det gör 40 procent av landets kommuner och stadsdelar."
    );
  });

  it("a stadsdel is named as one", () => {
    expect(indicatorSentence(row({value: 100}), angered, BBIC)).toBe("Stadsdelen Angered i Göteborg har ordinarie BBIC-licens, liksom 98 procent av landets kommuner och stadsdelar.");
  });

  it("a storstad: how many of its stadsdelar", () => {
    expect(indicatorSentence(row({value: 100, numerator: 10, denominator: 10}), goteborg, BBIC)).toBe(
      "Samtliga tio stadsdelar i Göteborg har ordinarie BBIC-licens, liksom 98 procent av landets kommuner och stadsdelar."
    );
    expect(indicatorSentence(row({value: 80, numerator: 8, denominator: 10}), goteborg, BBIC)).toBe(
      "I Göteborg har åtta av tio stadsdelar ordinarie BBIC-licens (80 procent); i landet som helhet är andelen 98 procent."
    );
    expect(indicatorSentence(row({value: 0, numerator: 0, denominator: 9}), goteborg, BBIC)).toBe(
      "Ingen av de nio stadsdelarna i Göteborg som svarade har ordinarie BBIC-licens (en stadsdel svarade inte); det har 98 procent av landets kommuner och stadsdelar."
    );
  });

  it("a storstad with more than twelve stadsdelar gets digits throughout, not 'tolv av 14'", () => {
    expect(indicatorSentence(row({value: 100, numerator: 12, denominator: 12}), stockholm, BBIC)).toBe(
      "Alla 12 stadsdelar i Stockholm som svarade har ordinarie BBIC-licens (2 stadsdelar svarade inte), liksom 98 procent av landets kommuner och stadsdelar."
    );
  });

  it("says when a unit did not answer or left the question blank", () => {
    expect(indicatorSentence(row({status: "no_answer", value: null, year: 2012}), vallentuna, BBIC)).toBe("Vallentuna besvarade inte enkäten 2012.");
    expect(indicatorSentence(row({status: "no_answer", value: null, year: 2012}), goteborg, BBIC)).toBe("Ingen av stadsdelarna i Göteborg besvarade enkäten 2012.");
    expect(indicatorSentence(row({status: "missing", value: null, year: 2013}), vallentuna, DELAKTIGHET)).toBe("Vallentuna lämnade frågan obesvarad 2013.");
  });

  it("the response rate", () => {
    expect(indicatorSentence(row({value: 100}), vallentuna, SVAR)).toBe("Vallentuna besvarade enkäten 2016, liksom 98 procent av de kommuner och stadsdelar som fick den.");
    expect(indicatorSentence(row({value: 0}), vallentuna, SVAR)).toBe("Vallentuna besvarade inte enkäten 2016; det gjorde 98 procent av de kommuner och stadsdelar som fick den.");
    expect(indicatorSentence(row({value: 90, numerator: 9, denominator: 10}), goteborg, SVAR)).toBe(
      "Nio av tio stadsdelar i Göteborg besvarade enkäten 2016; i hela landet svarade 98 procent av de kommuner och stadsdelar som fick den."
    );
  });

  it("a register rate against riket, the group median and the rank", () => {
    const sentence = indicatorSentence(
      {year: 2016, status: "ok", value: 9.0692, riket_status: "ok", riket_value: 7.2097, group_value: 8.5247, rank: 46, rank_n: 277, ties: 1},
      {...stockholm, kind: "storstad"},
      HELDYGN,
      {groupName: "Storstäder"}
    );
    expect(sentence).toBe(
      "Heldygnsinsats per 1 000, 2016: 9,1 i Stockholm, 26 procent fler än i riket (7,2). Medianen i kommungruppen Storstäder är 8,5. Stockholm har det 46:e högsta värdet av 277 kommuner med uppgift."
    );
    // 15,1 / 7,2 = 2,10: past the whole ratio's tolerance (0,05), so "drygt".
    expect(indicatorSentence({year: 2016, status: "ok", value: 15.1, riket_status: "ok", riket_value: 7.2, rank: 1, rank_n: 277, ties: 1}, vallentuna, HELDYGN)).toBe(
      "Heldygnsinsats per 1 000, 2016: 15,1 i Vallentuna, drygt dubbelt så många som i riket (7,2). Vallentuna har det högsta värdet av 277 kommuner med uppgift."
    );
  });

  it("a count is not compared with riket's total; ties are named", () => {
    expect(indicatorSentence({year: 2016, status: "ok", value: 39, riket_status: "ok", riket_value: 16440, group_value: 35, rank: 88, rank_n: 290, ties: 2}, vallentuna, ANTAL, {groupName: "Pendlingskommun nära storstad"})).toBe(
      "Heldygnsinsats, antal, 2016: 39 i Vallentuna. Medianen i kommungruppen Pendlingskommun nära storstad är 35. Vallentuna har det 88:e högsta värdet av 290 kommuner med uppgift (delat med en annan)."
    );
  });

  it("a suppressed count and a stadsdel without register values", () => {
    expect(indicatorSentence({year: 2016, status: "suppressed", value: null}, {...vallentuna, name: "Knivsta"}, ANTAL)).toBe(
      "Heldygnsinsats, antal, 2016: uppgiften för Knivsta är skyddad av sekretess eftersom antalet är litet."
    );
    expect(indicatorSentence({year: 2016, status: null, value: null}, angered, HELDYGN)).toBe("Heldygnsinsats per 1 000, 2016: redovisas inte för stadsdelar; se Göteborg.");
  });
});

describe("ranks, years and participation in words", () => {
  it("ranks from the top in the upper half and from the bottom in the lower half", () => {
    expect(rankWords(1, 277)).toBe("det högsta");
    expect(rankWords(2, 277)).toBe("det näst högsta");
    expect(rankWords(46, 277)).toBe("det 46:e högsta");
    expect(rankWords(270, 277)).toBe("det 8:e lägsta");
    expect(rankWords(276, 277)).toBe("det näst lägsta");
    expect(rankWords(277, 277)).toBe("det lägsta");
  });

  it("lists years", () => {
    expect(listYears([2012])).toBe("2012");
    expect(listYears([2012, 2014])).toBe("2012 och 2014");
    expect(listYears([2010, 2012, 2014])).toBe("2010, 2012 och 2014");
  });

  const years = (answered: number[], units = 1) => [2010, 2011, 2012, 2013, 2014, 2015, 2016].map((year, i) => ({year, answered: answered[i]!, units}));

  it("says which years a unit answered the survey", () => {
    expect(participationSentence(vallentuna, years([1, 1, 1, 1, 1, 1, 1]))).toBe("Vallentuna besvarade enkäten alla sju år 2010–2016.");
    expect(participationSentence(vallentuna, years([1, 1, 0, 1, 0, 1, 1]))).toBe("Vallentuna besvarade enkäten 2010–2016 utom 2012 och 2014.");
    expect(participationSentence(angered, years([0, 0, 0, 0, 0, 0, 0]))).toBe("Stadsdelen Angered i Göteborg besvarade inte enkäten något år 2010–2016.");
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

describe("trends", () => {
  const p = (year: number, value: number | null, group_id: string, status = "ok") => ({year, value, status, group_id});

  it("describes the latest comparable group in the present tense", () => {
    expect(trendSentence([p(2010, 5.8, "a"), p(2013, 6.5, "a"), p(2016, 7.2, "a")], HELDYGN)).toBe("2010–2016 ökar värdet (5,8 → 7,2).");
    expect(trendSentence([p(2010, 60, "a"), p(2016, 60.4, "a")], {...DELAKTIGHET, measure: "share_yes"})).toBe("2010–2016 är andelen i stort sett oförändrad (60,0\u00a0% → 60,4\u00a0%).");
    expect(trendSentence([p(2010, 6.1, "a"), p(2011, 5.2, "a"), p(2012, 7.4, "a")], HELDYGN)).toBe("2010–2012 varierar värdet (6,1 → 7,4).");
    expect(trendSentence([p(2010, 6.1, "a"), p(2011, 5.2, "a"), p(2012, 6.4, "a")], HELDYGN)).toBe("2010–2012 är värdet i stort sett oförändrat (6,1 → 6,4).");
  });

  it("a series that rises in steps and plateaus rose; it did not vary", () => {
    const points = [20, 20, 40, 70, 70, 70].map((v, i) => p(2010 + i, v, "2010–2015"));
    expect(trendSentence(points, BBIC)).toBe("2010–2015 ökar andelen (20,0\u00a0% → 70,0\u00a0%).");
    const falling = [7.2, 6.1, 6.1, 5.0].map((v, i) => p(2010 + i, v, "a"));
    expect(trendSentence(falling, HELDYGN)).toBe("2010–2013 minskar värdet (7,2 → 5,0).");
  });

  it("falls back to the last group with two values, in the past tense, naming the break", () => {
    expect(trendSentence([p(2010, 16.7, "2010–2015"), p(2015, 92.3, "2010–2015"), p(2016, 100, "2016–")], BBIC)).toBe(
      "2010–2015 ökade andelen (16,7\u00a0% → 92,3\u00a0%); 2016 ändrades frågan och senare värden kan inte jämföras med dessa."
    );
  });

  it("says nothing about one unit's yes/no answers or a series without two values", () => {
    expect(trendSentence([p(2010, 0, "a"), p(2011, 100, "a")], BBIC, {binary: true})).toBeNull();
    expect(trendSentence([p(2010, null, "a", "no_answer"), p(2011, 100, "a")], BBIC)).toBeNull();
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
    expect(texts[4]).toMatch(/^Heldygnsinsats per 1 000, 2016: 6,4 i Vallentuna, 11 procent färre än i riket \(7,2\)\./);
  });

  it("a storstad: above or below riket instead of a yes count; no care rate for a stadsdel", () => {
    const report = {
      unit: {...goteborg, kommungrupp_name: "Storstäder"},
      indicators: meta,
      surveys: [{year: 2016, answered: 10, units: 10}],
      values: [value("bbic_ordinarie_licens", 100, 98, {numerator: 10, denominator: 10}), value("barns_delaktighet", 40, 66, {numerator: 4, denominator: 10})]
    };
    expect(highlights(report).find((h) => h.id === "sammanfattning")!.text).toBe(
      "Av två enkätindikatorer 2016 är andelen stadsdelar i Göteborg som svarat ja högre än i riket för en och lägre för en."
    );
    const stadsdel = {...report, unit: {...angered, kommungrupp_name: "Storstäder"}, surveys: [{year: 2016, answered: 1, units: 1}], values: [value("heldygnsinsats_per_1000", null, 7.2, {status: null})]};
    expect(highlights(stadsdel).map((h) => h.id)).toEqual(["svarsfrekvens"]);
  });
});
