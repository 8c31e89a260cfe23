// @ts-check
// What a unit that answered yes does, as a Swedish verb phrase, from the
// indicator's metadata: "har ordinarie BBIC-licens", "följer upp insatser …";
// negated ("har inte …", "följer inte upp …") and in the past tense ("hade …",
// "följde upp …") for a value from an earlier survey. Tested in
// test/src/lib/compare/verbs.test.ts, which also checks that every indicator in
// data/indicators.json has a phrase whose verb this module can put in the past.

/** @typedef {{id: string, short_title: string, description?: string | null}} PhraseIndicator */

// Shorter, year-aware wording where the indicator's description is too long for
// a sentence. Everything else is derived from the description (see predicate()).
/** @type {Record<string, (year?: number) => string>} */
const PREDICATES = {
  bbic_ordinarie_licens: () => "har ordinarie BBIC-licens",
  samverkan_bup: (year) =>
    year !== undefined && year <= 2015 ? "har en aktuell rutin för samverkan med barn- och ungdomspsykiatrin (BUP)" : "har en överenskommelse om samverkan med barn- och ungdomspsykiatrin (BUP)",
  samverkan_bhv: () => "har en aktuell rutin för samverkan med barnhälsovården (BHV)",
  // The description lists the plan's parts with commas ("handledning, fortbildning och …"): the first comma is not the end.
  samlad_kompetensplan: () => "har en aktuell samlad plan för personalens kompetensutveckling"
};

const SHARE_PREFIX = /^Andel (?:av de )?kommuner och stadsdelar som /;

/**
 * The verb phrase: from the description "Andel kommuner och stadsdelar som har
 * en rutin för …, …" → "har en rutin för …". It ends at the first comma or full
 * stop outside parentheses.
 * @param {PhraseIndicator} indicator
 * @param {number} [year]
 * @returns {string}
 */
export function predicate(indicator, year) {
  const own = PREDICATES[indicator.id];
  if (own) return own(year);
  const description = String(indicator.description ?? "");
  if (!SHARE_PREFIX.test(description)) return `har svarat ja om ${indicator.short_title.toLocaleLowerCase("sv-SE")}`;
  const rest = description.replace(SHARE_PREFIX, "");
  let depth = 0;
  for (let i = 0; i < rest.length; i++) {
    const c = rest[i];
    if (c === "(") depth++;
    else if (c === ")") depth--;
    else if (depth === 0 && (c === "," || (c === "." && (i === rest.length - 1 || rest[i + 1] === " ")))) return rest.slice(0, i);
  }
  return rest;
}

/**
 * "har X" → "har inte X"; "följer upp X" → "följer inte upp X": inte goes after the finite verb.
 * @param {string} phrase
 * @returns {string}
 */
export function negate(phrase) {
  const [verb, ...rest] = phrase.split(" ");
  return [verb, "inte", ...rest].join(" ");
}

/** The past tense of the finite verbs the indicators' phrases start with. */
export const PAST = /** @type {Record<string, string>} */ ({
  har: "hade",
  använder: "använde",
  följer: "följde",
  arbetar: "arbetade",
  gör: "gjorde",
  erbjuder: "erbjöd",
  ger: "gav",
  tar: "tog"
});

/**
 * "har X" → "hade X", "följer upp X" → "följde upp X"; null when the phrase's
 * verb is not in PAST (the caller then names the year instead).
 * @param {string} phrase
 * @returns {string | null}
 */
export function pastTense(phrase) {
  const [verb, ...rest] = phrase.split(" ");
  const past = PAST[verb ?? ""];
  return past ? [past, ...rest].join(" ") : null;
}

/**
 * The pro-verb that stands in for the phrase: "det har 98 procent", "det gör 98 procent";
 * in the past "det hade", "det gjorde".
 * @param {string} phrase
 * @param {{past?: boolean}} [options]
 */
export function proVerb(phrase, {past = false} = {}) {
  const have = ["har", "hade"].includes(phrase.split(" ")[0] ?? "");
  if (past) return have ? "hade" : "gjorde";
  return have ? "har" : "gör";
}
