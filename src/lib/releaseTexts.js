// The sentences of the two releases, generated from data. Each `facts*`
// function gathers figures with SQL (releaseFacts.js); each `texts*` function
// turns figures into sentences with the narrative helpers. Editorial wording
// stays fixed; every number, share, ratio and trend word comes from the facts.
import {capitalize, percentText, ratioInWords, shareInWords, trendInWords} from "./narrative.js";
import {comparableSeries, nationalValue, surveyIndicatorsByValue} from "./releaseFacts.js";

const words = (value) => shareInWords(value) ?? percentText(value);
const lowerFirst = (s) => s[0].toLocaleLowerCase("sv-SE") + s.slice(1);

/** Participation thresholds for the word before the response rate. */
export const PARTICIPATION_WORDS = [
  {min: 90, word: "stort"},
  {min: 75, word: "gott"},
  {min: 0, word: "lägre än väntat"}
];

export async function facts2014(query, year) {
  const [bbic, bbicSeries, competence, competenceSeries, bup, bhv, involve, response, lowest, survey] = await Promise.all([
    nationalValue(query, "bbic_ordinarie_licens", year),
    comparableSeries(query, "bbic_ordinarie_licens", year),
    nationalValue(query, "handlaggare_socionom_5ar", year),
    comparableSeries(query, "handlaggare_socionom_5ar", year),
    comparableSeries(query, "samverkan_bup", year),
    comparableSeries(query, "samverkan_bhv", year),
    comparableSeries(query, "barns_delaktighet", year),
    nationalValue(query, "svarsfrekvens", year),
    surveyIndicatorsByValue(query, year),
    query(`SELECT period FROM surveys WHERE year = ${Number(year)}`)
  ]);
  return {
    year,
    period: survey[0]?.period ?? String(year),
    bbic,
    bbicBaseline: bbicSeries[0] ?? null,
    bbicCounts: bbicSeries.map((d) => d.numerator),
    competence,
    competenceIsNew: competenceSeries.length === 1,
    bupTrend: trendInWords(bup.map((d) => d.value)),
    bhvTrend: trendInWords(bhv.map((d) => d.value)),
    involveTrend: trendInWords(involve.map((d) => d.value)),
    response,
    improvementAreas: lowest.slice(0, 2)
  };
}

/** The 2014 press release ("Barnens behov allt mer i centrum"), for any survey year. */
export function texts2014(f) {
  const t = {};
  const samverkan =
    f.bupTrend && f.bupTrend === f.bhvTrend
      ? `kommunernas samverkan med barn- och ungdomspsykiatrin och barnhälsovården ${f.bupTrend}`
      : `kommunernas samverkan med barn- och ungdomspsykiatrin ${f.bupTrend ?? "kan inte följas över tid"} och med barnhälsovården ${f.bhvTrend ?? "kan inte följas över tid"}`;
  t.lead = `Årets Öppna jämförelser social barn- och ungdomsvård visar att ${samverkan}.`;
  t.involve =
    f.involveTrend === "ökar"
      ? "Kommunerna arbetar i allt högre grad med att involvera barn och unga i arbetet."
      : f.involveTrend === "minskar"
        ? "Kommunerna arbetar i allt lägre grad med att involvera barn och unga i arbetet."
        : "Kommunerna arbetar i ungefär samma grad som tidigare med att involvera barn och unga i arbetet.";
  if (f.competence?.status === "ok") {
    t.competenceNew = f.competenceIsNew
      ? "Andelen handläggare med socionomexamen och erfarenhet av barnutredningar är därför en ny kvalitetsindikator för i år."
      : "Andelen handläggare med socionomexamen och erfarenhet av barnutredningar är därför en av årets kvalitetsindikatorer.";
    t.competence = `Årets jämförelser visar att ${words(f.competence.value)} av landets kommuner har handläggare med fem års erfarenhet och socionomexamen.`;
  }
  if (f.bbic?.status === "ok") {
    const counts = f.bbicCounts;
    const trend = trendInWords(counts, {tolerance: 1});
    t.bbicHeading = `Antalet kommuner med BBIC-licens ${trend === "ökar" ? "ökar" : trend === "minskar" ? "minskar" : "är i stort sett oförändrat"}`;
    const share = `${capitalize(words(f.bbic.value))} kommuner har nu ordinarie BBIC-licens`;
    t.bbic =
      f.bbicBaseline && f.bbicBaseline.year < f.year
        ? `${share}, vilket är ${ratioInWords(f.bbic.numerator / f.bbicBaseline.numerator)} som år ${f.bbicBaseline.year}.`
        : `${share}.`;
  }
  if (f.improvementAreas.length === 2) {
    const [a, b] = f.improvementAreas;
    t.improvement = `${a.title} och ${lowerFirst(b.title)} är emellertid två förbättringsområden som framkommer i årets jämförelser.`;
  }
  if (f.response?.status === "ok") {
    const word = PARTICIPATION_WORDS.find((w) => f.response.value >= w.min).word;
    t.participationHeading = word === "stort" ? "Stort deltagande från kommunerna" : "Deltagandet från kommunerna";
    t.participation = `Deltagandet i årets öppna jämförelser har varit ${word} – ${percentText(f.response.value)} av landets socialförvaltningar besvarade enkäten i ${f.period}.`;
  }
  return t;
}

export async function facts2016(query, year) {
  const ids = ["bbic_ordinarie_licens", "samlad_kompetensplan", "overenskommelse_primarvard", "overenskommelse_skola", "overenskommelse_forskola"];
  const values = await Promise.all(ids.map((id) => nationalValue(query, id, year)));
  const breaks = await query(`SELECT count(*) AS n FROM comparability WHERE first_year = ${Number(year)} AND first_year > (SELECT min(first_year) FROM comparability c2 WHERE c2.indicator_id = comparability.indicator_id)`);
  const survey = await query(`SELECT period FROM surveys WHERE year = ${Number(year)}`);
  return {year, period: survey[0]?.period ?? String(year), ...Object.fromEntries(ids.map((id, i) => [id, values[i]])), breaksThisYear: breaks[0]?.n ?? 0};
}

/** "Några resultat i korthet" of the 2016 results page, for any survey year with these indicators. */
export function texts2016(f) {
  const t = {};
  const ok = (v) => v?.status === "ok";
  if (ok(f.bbic_ordinarie_licens)) {
    t.bbic = `${percentText(f.bbic_ordinarie_licens.value)} av kommunerna och stadsdelarna i storstäderna har ordinarie licens för BBIC${f.bbic_ordinarie_licens.value >= 90 ? " vilket är positivt" : ""}.`;
  }
  if (ok(f.samlad_kompetensplan)) {
    t.competencePlan = `Det är ${percentText(f.samlad_kompetensplan.value)} av kommunerna som har en aktuell samlad plan för personalens kompetensutveckling vilken innehåller handledning, fortbildning och vidareutbildning med utgångspunkt från verksamhetens behov och personalens kompetens.`;
    t.competencePlanLow = f.samlad_kompetensplan.value < 50;
  }
  if (ok(f.overenskommelse_primarvard)) t.primaryCare = `${percentText(f.overenskommelse_primarvard.value)} av landets kommuner har överenskommelser med primärvården.`;
  if (ok(f.overenskommelse_skola) && ok(f.overenskommelse_forskola)) {
    const school = f.overenskommelse_skola.value;
    const preschool = f.overenskommelse_forskola.value;
    const a = shareInWords(school);
    t.school =
      a && a === shareInWords(preschool)
        ? `${capitalize(a)} av landets kommuner har överenskommelser med skolan och förskolan (${percentText(school).replace(" procent", "")} respektive ${percentText(preschool)}).`
        : `${percentText(school)} av landets kommuner har överenskommelser med skolan och ${percentText(preschool)} med förskolan.`;
  }
  if (f.breaksThisYear > 0) {
    t.comparability = `Observera att tidigare års resultat inte kan jämföras med resultaten för år ${f.year}. Det beror på att insamlingssättet av data, frågorna till kommuner och stadsdelar samt flera indikatorer har ändrats.`;
  }
  return t;
}
