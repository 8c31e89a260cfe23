// The generated sentences of the unit pages (src/lib/compare/sentences.js).
import {describe, expect, it} from "vitest";
import {indicatorSentence, listYears, rankWords, trendSentence} from "../../../../src/lib/compare/sentences.js";
import {BBIC, DELAKTIGHET, UPPFOLJNING, SVAR, HELDYGN, ANTAL, vallentuna, goteborg, stockholm, angered} from "../../../helpers/sentenceFixtures.js";

const row = (extra: Record<string, unknown>) => ({year: 2016, status: "ok", riket_status: "ok", riket_value: 98.0645, ...extra});

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
      "I Göteborg har åtta av tio stadsdelar ordinarie BBIC-licens, 80 procent mot 98 procent i landet som helhet."
    );
    expect(indicatorSentence(row({value: 0, numerator: 0, denominator: 9}), goteborg, BBIC)).toBe(
      "Ingen av de nio svarande stadsdelarna i Göteborg har ordinarie BBIC-licens; det har 98 procent av landets kommuner och stadsdelar. En stadsdel saknar svar på frågan."
    );
  });

  it("a storstad's share never stands in a second pair of parentheses (Stockholm, Samverkan BHV 2015: '(BHV) (46 procent) (1 stadsdel svarade inte)')", () => {
    const bhv = {...BBIC, id: "samverkan_bhv", short_title: "Samverkan BHV"};
    const sentence = indicatorSentence(row({year: 2015, value: 46.15, numerator: 6, denominator: 13, riket_value: 67}), stockholm, bhv, {parts: [{status: "no_answer"}, ...Array(13).fill({status: "ok"})]});
    expect(sentence).toBe(
      "I Stockholm har 6 av 13 svarande stadsdelar en aktuell rutin för samverkan med barnhälsovården (BHV), 46 procent mot 67 procent i landet som helhet. En stadsdel besvarade inte enkäten 2015."
    );
    expect(sentence).not.toMatch(/\)\s*\(/);
  });

  it("a stadsdel that answered the survey but left the question blank is not said to have not answered (Göteborg, Barns delaktighet 2016)", () => {
    const parts = [{status: "missing"}, ...Array(9).fill({status: "ok"})];
    expect(indicatorSentence(row({value: 33.3, numerator: 3, denominator: 9, riket_value: 66}), goteborg, DELAKTIGHET, {parts})).toBe(
      "I Göteborg har tre av nio svarande stadsdelar en rutin för att involvera barn och unga i planering och uppföljning av insatser, 33 procent mot 66 procent i landet som helhet. En stadsdel lämnade frågan obesvarad."
    );
  });

  it("a value from an earlier survey is told in the past tense with its year (Malmö and Vallentuna, Samverkan BHV, asked last in 2015)", () => {
    const bhv = {...BBIC, id: "samverkan_bhv", short_title: "Samverkan BHV"};
    const malmo = {code: "1280", name: "Malmö", kind: "storstad", kommun_name: "Malmö", stadsdelar: 5};
    expect(indicatorSentence(row({year: 2015, value: 60, numerator: 3, denominator: 5, riket_value: 67}), malmo, bhv, {latestYear: 2016})).toBe(
      "År 2015 hade tre av fem stadsdelar i Malmö en aktuell rutin för samverkan med barnhälsovården (BHV), 60 procent mot 67 procent i landet som helhet. Frågan ställdes inte i enkäten 2016."
    );
    expect(indicatorSentence(row({year: 2015, value: 0, riket_value: 67}), vallentuna, bhv, {latestYear: 2016})).toBe(
      "År 2015 hade Vallentuna inte en aktuell rutin för samverkan med barnhälsovården (BHV); det hade 67 procent av landets kommuner och stadsdelar. Frågan ställdes inte i enkäten 2016."
    );
    expect(indicatorSentence(row({year: 2015, value: 100, riket_value: 30}), angered, UPPFOLJNING, {latestYear: 2016})).toBe(
      "År 2015 följde stadsdelen Angered i Göteborg upp insatser för barn och unga systematiskt på verksamhetsnivå; det gjorde 30 procent av landets kommuner och stadsdelar. Frågan ställdes inte i enkäten 2016."
    );
    // The latest survey's values stay in the present.
    expect(indicatorSentence(row({value: 100}), vallentuna, BBIC, {latestYear: 2016})).toBe("Vallentuna har ordinarie BBIC-licens, liksom 98 procent av landets kommuner och stadsdelar.");
  });

  it("a storstad with more than twelve stadsdelar gets digits throughout, not 'tolv av 14'", () => {
    expect(indicatorSentence(row({value: 100, numerator: 12, denominator: 12}), stockholm, BBIC)).toBe(
      "Alla 12 svarande stadsdelar i Stockholm har ordinarie BBIC-licens, liksom 98 procent av landets kommuner och stadsdelar. Två stadsdelar saknar svar på frågan."
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
      "I Göteborg besvarade nio av tio stadsdelar enkäten 2016; i hela landet svarade 98 procent av de kommuner och stadsdelar som fick den."
    );
    expect(indicatorSentence(row({value: 100, numerator: 14, denominator: 14}), stockholm, SVAR)).toBe(
      "Samtliga 14 stadsdelar i Stockholm besvarade enkäten 2016; i hela landet svarade 98 procent av de kommuner och stadsdelar som fick den."
    );
  });

  it("a register rate is higher or lower than riket's, against the group median and the rank", () => {
    const sentence = indicatorSentence(
      {year: 2016, status: "ok", value: 9.0692, riket_status: "ok", riket_value: 7.2097, group_value: 8.5247, rank: 46, rank_n: 277, ties: 1},
      {...stockholm, kind: "storstad"},
      HELDYGN,
      {groupName: "Storstäder"}
    );
    expect(sentence).toBe(
      "Heldygnsinsats per 1 000, 2016: 9,1 i Stockholm, 26 procent högre än i riket (7,2). Medianen i kommungruppen Storstäder är 8,5. Stockholm har det 46:e högsta värdet av 277 kommuner med uppgift."
    );
    // 15,1 / 7,2 = 2,10: past the whole ratio's tolerance (0,05), so "drygt".
    expect(indicatorSentence({year: 2016, status: "ok", value: 15.1, riket_status: "ok", riket_value: 7.2, rank: 1, rank_n: 277, ties: 1}, vallentuna, HELDYGN)).toBe(
      "Heldygnsinsats per 1 000, 2016: 15,1 i Vallentuna, drygt dubbelt så högt som i riket (7,2). Vallentuna har det högsta värdet av 277 kommuner med uppgift."
    );
  });

  it("a count is stated, not compared: not with riket's total, nor with the median or the ranks of kommuner of other sizes (Malmö: 68 155 beside a median of 105 260)", () => {
    expect(indicatorSentence({year: 2016, status: "ok", value: 39, riket_status: "ok", riket_value: 16440, group_value: 35, rank: 88, rank_n: 290, ties: 2}, vallentuna, ANTAL, {groupName: "Pendlingskommun nära storstad"})).toBe(
      "Heldygnsinsats, antal, 2016: 39 i Vallentuna."
    );
  });

  it("ties in a rate's rank are named", () => {
    expect(indicatorSentence({year: 2016, status: "ok", value: 7.2, riket_status: "ok", riket_value: 7.2, rank: 88, rank_n: 277, ties: 2}, vallentuna, HELDYGN)).toBe(
      "Heldygnsinsats per 1 000, 2016: 7,2 i Vallentuna, lika högt som i riket (7,2). Vallentuna har det 88:e högsta värdet av 277 kommuner med uppgift (delat med en annan)."
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
});

describe("trends", () => {
  const p = (year: number, value: number | null, group_id: string, status = "ok") => ({year, value, status, group_id});

  it("describes the latest comparable group in the past tense, like a series cut by a break (never 'ökade' beside 'ökar')", () => {
    expect(trendSentence([p(2010, 5.8, "a"), p(2013, 6.5, "a"), p(2016, 7.2, "a")], HELDYGN)).toBe("2010–2016 ökade värdet (5,8 → 7,2).");
    expect(trendSentence([p(2010, 60, "a"), p(2016, 60.4, "a")], {...DELAKTIGHET, measure: "share_yes"})).toBe("2010–2016 var andelen i stort sett oförändrad (60,0\u00a0% → 60,4\u00a0%).");
    expect(trendSentence([p(2010, 6.1, "a"), p(2011, 5.2, "a"), p(2012, 7.4, "a")], HELDYGN)).toBe("2010–2012 varierade värdet (6,1 → 7,4).");
    expect(trendSentence([p(2010, 6.1, "a"), p(2011, 5.2, "a"), p(2012, 6.4, "a")], HELDYGN)).toBe("2010–2012 var värdet i stort sett oförändrat (6,1 → 6,4).");
  });

  it("a series that rises in steps and plateaus rose; it did not vary", () => {
    const points = [20, 20, 40, 70, 70, 70].map((v, i) => p(2010 + i, v, "2010–2015"));
    expect(trendSentence(points, BBIC)).toBe("2010–2015 ökade andelen (20,0\u00a0% → 70,0\u00a0%).");
    const falling = [7.2, 6.1, 6.1, 5.0].map((v, i) => p(2010 + i, v, "a"));
    expect(trendSentence(falling, HELDYGN)).toBe("2010–2013 minskade värdet (7,2 → 5,0).");
  });

  it("falls back to the last group with two values, naming the break", () => {
    expect(trendSentence([p(2010, 16.7, "2010–2015"), p(2015, 92.3, "2010–2015"), p(2016, 100, "2016–")], BBIC)).toBe(
      "2010–2015 ökade andelen (16,7\u00a0% → 92,3\u00a0%); 2016 ändrades frågan och senare värden kan inte jämföras med dessa."
    );
  });

  it("a response rate was cut by a new survey, not a new question", () => {
    expect(trendSentence([p(2014, 90, "2010–2015"), p(2015, 95, "2010–2015"), p(2016, 98, "2016–")], {...SVAR, measure: "response_rate"})).toBe(
      "2014–2015 ökade andelen (90,0\u00a0% → 95,0\u00a0%); 2016 gjordes enkäten om och senare värden kan inte jämföras med dessa."
    );
  });

  it("says nothing about one unit's yes/no answers or a series without two values", () => {
    expect(trendSentence([p(2010, 0, "a"), p(2011, 100, "a")], BBIC, {binary: true})).toBeNull();
    expect(trendSentence([p(2010, null, "a", "no_answer"), p(2011, 100, "a")], BBIC)).toBeNull();
  });
});
