// @ts-check
// The sentences of the two releases, generated from data. Each `facts*`
// function gathers figures with SQL (releaseFacts.js); each `texts*` function
// turns figures into sentences with the narrative helpers. Editorial wording
// stays fixed; every number, share, ratio and trend word comes from the facts.
import {capitalize, percentText, ratioInWords, shareInWords, trendInWords} from "./narrative.js";
import {comparableSeries, nationalValue, surveyIndicatorsByValue} from "./releaseFacts.js";
import {census, compareEstimates} from "./compare/uncertainty.js";
import {sqlYear} from "./sql.js";

/** @typedef {import("./sql.js").Query} Query */
/** @typedef {import("./releaseFacts.js").NationalValue} NationalValue */

/** @param {number} value */
const words = (value) => shareInWords(value) ?? percentText(value);
/** @param {string} s */
const lowerFirst = (s) => s.charAt(0).toLocaleLowerCase("sv-SE") + s.slice(1);

/** Participation thresholds for the word before the response rate. */
export const PARTICIPATION_WORDS = [
  {min: 90, word: "stort"},
  {min: 75, word: "gott"},
  {min: 0, word: "lägre än väntat"}
];

/**
 * The figures of the 2014 press release for a survey year.
 * @param {Query} query
 * @param {number} year
 */
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
    query(`SELECT period FROM surveys WHERE year = ${sqlYear(year)}`)
  ]);
  return {
    year,
    /** @type {string} */
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

/** @typedef {Awaited<ReturnType<typeof facts2014>>} Facts2014 */
/**
 * Sentences of the 2014 press release, by key; a key is left out when the data cannot support it.
 * @typedef {{lead: string, involve: string, competenceNew?: string, competence?: string, bbicHeading?: string, bbic?: string, improvement?: string, participationHeading?: string, participation?: string}} Texts2014
 */

/**
 * The 2014 press release ("Barnens behov allt mer i centrum"), for any survey year.
 * @param {Facts2014} f
 * @returns {Texts2014}
 */
export function texts2014(f) {
  /** @type {Partial<Texts2014>} */
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
  if (f.competence?.status === "ok" && f.competence.value !== null) {
    t.competenceNew = f.competenceIsNew
      ? "Andelen handläggare med socionomexamen och erfarenhet av barnutredningar är därför en ny kvalitetsindikator för i år."
      : "Andelen handläggare med socionomexamen och erfarenhet av barnutredningar är därför en av årets kvalitetsindikatorer.";
    t.competence = `Årets jämförelser visar att ${words(f.competence.value)} av landets kommuner har handläggare med fem års erfarenhet och socionomexamen.`;
  }
  if (f.bbic?.status === "ok" && f.bbic.value !== null) {
    const counts = f.bbicCounts;
    const trend = trendInWords(counts, {tolerance: 1});
    const baseline = f.bbicBaseline;
    t.bbicHeading = `Antalet kommuner med BBIC-licens ${trend === "ökar" ? "ökar" : trend === "minskar" ? "minskar" : "är i stort sett oförändrat"}`;
    const share = `${capitalize(words(f.bbic.value))} kommuner har nu ordinarie BBIC-licens`;
    // The same rule as every comparison (src/lib/compare/uncertainty.js): the survey counts kommuner, a census,
    // so unequal counts differ and equal ones are exactly equal (never "ungefär").
    const growth = baseline ? compareEstimates(census(Number(f.bbic.numerator)), census(Number(baseline.numerator))) : null;
    const ratio = growth?.verdict === "different" ? ratioInWords(Number(f.bbic.numerator) / Number(baseline?.numerator)) : "lika många";
    t.bbic = baseline && baseline.year < f.year ? `${share}, vilket är ${ratio} som år ${baseline.year}.` : `${share}.`;
  }
  const [a, b] = f.improvementAreas;
  if (f.improvementAreas.length === 2 && a && b) {
    t.improvement = `${a.title} och ${lowerFirst(b.title)} är emellertid två förbättringsområden som framkommer i årets jämförelser.`;
  }
  const response = f.response?.status === "ok" ? f.response.value : null;
  if (response !== null) {
    const word = PARTICIPATION_WORDS.find((w) => response >= w.min)?.word;
    t.participationHeading = word === "stort" ? "Stort deltagande från kommunerna" : "Deltagandet från kommunerna";
    t.participation = `Deltagandet i årets öppna jämförelser har varit ${word} – ${percentText(response)} av landets socialförvaltningar besvarade enkäten i ${f.period}.`;
  }
  return /** @type {Texts2014} */ (t);
}

/**
 * The figures of the 2016 results for a survey year.
 * @param {Query} query
 * @param {number} year
 */
export async function facts2016(query, year) {
  const ids = ["bbic_ordinarie_licens", "samlad_kompetensplan", "overenskommelse_primarvard", "overenskommelse_skola", "overenskommelse_forskola"];
  const values = await Promise.all(ids.map((id) => nationalValue(query, id, year)));
  const breaks = await query(`SELECT count(*) AS n FROM comparability WHERE first_year = ${sqlYear(year)} AND first_year > (SELECT min(first_year) FROM comparability c2 WHERE c2.indicator_id = comparability.indicator_id)`);
  const survey = await query(`SELECT period FROM surveys WHERE year = ${sqlYear(year)}`);
  const [bbic_ordinarie_licens, samlad_kompetensplan, overenskommelse_primarvard, overenskommelse_skola, overenskommelse_forskola] = values;
  return {
    year,
    /** @type {string} */
    period: survey[0]?.period ?? String(year),
    bbic_ordinarie_licens,
    samlad_kompetensplan,
    overenskommelse_primarvard,
    overenskommelse_skola,
    overenskommelse_forskola,
    /** @type {number} */
    breaksThisYear: breaks[0]?.n ?? 0
  };
}

/** @typedef {Awaited<ReturnType<typeof facts2016>>} Facts2016 */
/**
 * Sentences of the 2016 results, by key; a key is left out when the data cannot support it.
 * @typedef {{bbic?: string, competencePlan?: string, competencePlanLow?: boolean, primaryCare?: string, school?: string, comparability?: string}} Texts2016
 */

/**
 * "Några resultat i korthet" of the 2016 results page, for any survey year with these indicators.
 * @param {Facts2016} f
 * @returns {Texts2016}
 */
export function texts2016(f) {
  /** @type {Texts2016} */
  const t = {};
  /** The value when there is one ("ok"), else null. @param {NationalValue | null | undefined} v */
  const ok = (v) => (v?.status === "ok" ? v.value : null);
  const bbic = ok(f.bbic_ordinarie_licens);
  if (bbic !== null) {
    t.bbic = `${percentText(bbic)} av kommunerna och stadsdelarna i storstäderna har ordinarie licens för BBIC${bbic >= 90 ? " vilket är positivt" : ""}.`;
  }
  const plan = ok(f.samlad_kompetensplan);
  if (plan !== null) {
    t.competencePlan = `Det är ${percentText(plan)} av kommunerna som har en aktuell samlad plan för personalens kompetensutveckling vilken innehåller handledning, fortbildning och vidareutbildning med utgångspunkt från verksamhetens behov och personalens kompetens.`;
    t.competencePlanLow = plan < 50;
  }
  const primaryCare = ok(f.overenskommelse_primarvard);
  if (primaryCare !== null) t.primaryCare = `${percentText(primaryCare)} av landets kommuner har överenskommelser med primärvården.`;
  const school = ok(f.overenskommelse_skola);
  const preschool = ok(f.overenskommelse_forskola);
  if (school !== null && preschool !== null) {
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

/**
 * The sentences of one release template for a survey year: what the report pages, the slide deck and the tests show.
 * @param {"texts2014" | "texts2016"} template
 * @param {Query} query
 * @param {number} year
 * @returns {Promise<Texts2014 | Texts2016>}
 */
export async function releaseTexts(template, query, year) {
  return template === "texts2016" ? texts2016(await facts2016(query, year)) : texts2014(await facts2014(query, year));
}
