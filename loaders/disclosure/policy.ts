/**
 * The disclosure policy declared in data/sources.json: per register source
 * (key "disclosure" of the source) and for the survey (top-level
 * "disclosure.survey"), over a default (top-level "disclosure.default"; when
 * absent, counts 1–4 protected along kommun → län → riket and stadsdel →
 * kommun, no interval). A source's entry overrides the default field by field.
 *
 *   protect   {"from": 1, "to": 4}: counts in this range are protected (the
 *             source's own X cells and any such count it publishes), or null
 *             (then "note" says why nothing needs protection)
 *   totals    [{"parts": "kommun", "total": "län"}, …]: which areas add up to
 *             which, so that no protected cell can be derived by difference
 *   interval  "poisson" (counts; rates per 1 000 derived from them), "wilson"
 *             (shares with numerator and denominator) or null
 *   note      why, in a sentence
 *
 * Derived values inherit protection without a declaration: a rate whose
 * numerator is protected is protected with the same status (its population
 * stays published, so the rate must never be).
 */
import {fail, describeValue, isRecord, listOr} from "../errors.js";
import type {IndicatorMeta, Metadata} from "../schema/metadata.js";
import {MEASURES} from "../schema/vocabulary.js";
import {isKnownRelation, relationName, RELATIONS, type TotalRelation} from "./hierarchy.js";
import {INTERVAL_METHODS, type IntervalMethod} from "./intervals.js";
import type {Protection} from "./secondarySuppression.js";

export interface DisclosurePolicy {
  protect: Protection | null;
  totals: TotalRelation[];
  interval: IntervalMethod | null;
  note: string | null;
}

export interface DisclosurePolicies {
  default: DisclosurePolicy;
  survey: DisclosurePolicy;
  register: Record<string, DisclosurePolicy>;
}

const FILE = "sources.json";

export const STANDARD_TOTALS: TotalRelation[] = [
  {parts: "kommun", total: "län"},
  {parts: "län", total: "riket"},
  {parts: "stadsdel", total: "kommun"}
];

/** Counts 1–4 protected unless a source says otherwise. */
export const DEFAULT_POLICY: DisclosurePolicy = {protect: {from: 1, to: 4}, totals: STANDARD_TOTALS, interval: null, note: null};

const SURVEY_POLICY: DisclosurePolicy = {
  protect: null,
  totals: [],
  interval: null,
  note: "The survey is a census of the units (kommuner and stadsdelar), and their answers are published per unit."
};

const KEYS = ["protect", "totals", "interval", "note", "$comment"];

function readPolicy(raw: unknown, base: DisclosurePolicy, column: string): DisclosurePolicy {
  if (raw === undefined) return base;
  if (!isRecord(raw)) fail({file: FILE, column}, `expected an object with ${KEYS.slice(0, 4).join(", ")}, found ${describeValue(raw)}`);
  for (const key of Object.keys(raw)) if (!KEYS.includes(key)) fail({file: FILE, column: `${column}.${key}`}, `unknown key (expected ${listOr(KEYS.slice(0, 4))})`);
  const policy = {...base};
  if ("protect" in raw) {
    const p = raw.protect;
    const whole = (v: unknown): v is number => typeof v === "number" && Number.isInteger(v);
    if (p === null) policy.protect = null;
    else if (isRecord(p) && whole(p.from) && whole(p.to) && p.from >= 1 && p.from <= p.to && Object.keys(p).length === 2) policy.protect = {from: p.from, to: p.to};
    else fail({file: FILE, column: `${column}.protect`}, `found ${describeValue(p)} (expected null or {"from": 1, "to": 4}: whole numbers, 1 ≤ from ≤ to)`);
  }
  if ("totals" in raw) {
    const t = raw.totals;
    const known = RELATIONS.map((r) => `{"parts": "${r.parts}", "total": "${r.total}"}`);
    if (!Array.isArray(t)) fail({file: FILE, column: `${column}.totals`}, `found ${describeValue(t)} (expected a list of sums such as ${known[0]})`);
    policy.totals = t.map((r: unknown, i) => {
      const relation = r as TotalRelation;
      if (!isRecord(r) || Object.keys(r).length !== 2 || !isKnownRelation(relation)) fail({file: FILE, column: `${column}.totals[${i}]`}, `found ${describeValue(r)} (expected ${listOr(known)})`);
      return {parts: relation.parts, total: relation.total};
    });
    const names = policy.totals.map(relationName);
    const twice = names.find((n, i) => names.indexOf(n) !== i);
    if (twice) fail({file: FILE, column: `${column}.totals`}, `${twice} is listed twice`);
  }
  if ("interval" in raw) {
    const m = raw.interval;
    if (m !== null && !INTERVAL_METHODS.includes(m as IntervalMethod)) fail({file: FILE, column: `${column}.interval`}, `found ${describeValue(m)} (expected ${listOr([...INTERVAL_METHODS.map((x) => `"${x}"`), "null"])})`);
    policy.interval = m as IntervalMethod | null;
  }
  if ("note" in raw) {
    if (typeof raw.note !== "string" || !raw.note.trim()) fail({file: FILE, column: `${column}.note`}, `found ${describeValue(raw.note)} (expected a sentence saying why)`);
    policy.note = raw.note;
  }
  // A note inherited from the default explains the default, not why this source needs no protection.
  if (!policy.protect && (!policy.note || (raw.protect === null && !("note" in raw)))) fail({file: FILE, column}, `protect is null but there is no note (expected "note" saying why nothing in this source needs protection)`);
  return policy;
}

/** Reads and checks the policies (sources is data/sources.json as read). */
export function readDisclosurePolicies(sources: Metadata["sources"]): DisclosurePolicies {
  const top = (sources as unknown as Record<string, unknown>).disclosure;
  if (top !== undefined && !isRecord(top)) fail({file: FILE, column: "disclosure"}, `found ${describeValue(top)} (expected an object with "default" and "survey")`);
  for (const key of Object.keys(top ?? {})) if (!["default", "survey", "$comment"].includes(key)) fail({file: FILE, column: `disclosure.${key}`}, `unknown key (expected "default" or "survey")`);
  const base = readPolicy(top?.default, DEFAULT_POLICY, "disclosure.default");
  const survey = readPolicy(top?.survey, SURVEY_POLICY, "disclosure.survey");
  if (survey.protect) fail({file: FILE, column: "disclosure.survey.protect"}, `survey values are shares of units, not counts of people (expected null; protection applies to register counts)`);
  const register: Record<string, DisclosurePolicy> = {};
  for (const [id, source] of Object.entries(sources.register)) {
    register[id] = readPolicy((source as unknown as Record<string, unknown>).disclosure, base, `register.${id}.disclosure`);
  }
  return {default: base, survey, register};
}

/** The policy that governs one indicator in one year, and the indicator whose protection it inherits (rates). */
export interface IndicatorPolicy {
  policy: DisclosurePolicy;
  /** The register sources behind it (for messages). */
  sources: string[];
  inheritsFrom: string | null;
}

export function indicatorPolicy(policies: DisclosurePolicies, indicators: readonly IndicatorMeta[], indicator: IndicatorMeta, year: number): IndicatorPolicy {
  const period = indicator.periods.find((p) => p.from <= year && year <= p.to);
  if (period?.rate) {
    const numerator = indicators.find((i) => i.id === period.rate!.numerator)!;
    return {...indicatorPolicy(policies, indicators, numerator, year), inheritsFrom: numerator.id};
  }
  const refs = period?.register ?? [];
  if (!refs.length) return {policy: policies.survey, sources: [], inheritsFrom: null};
  const sources = refs.map((r) => r.source);
  const policy = policies.register[sources[0]!]!;
  const other = sources.find((s) => JSON.stringify(policies.register[s]) !== JSON.stringify(policy));
  if (other) fail({file: FILE, column: `register.${other}.disclosure`}, `indicator ${indicator.id} reads ${listOr(sources)} in ${year}, whose disclosure policies differ (expected one policy for the sources of one indicator)`);
  return {policy, sources, inheritsFrom: null};
}

/** Checks that each indicator's interval method fits its measure, so no declared interval is silently left empty. */
export function checkIntervals(policies: DisclosurePolicies, indicators: readonly IndicatorMeta[]): void {
  for (const indicator of indicators) {
    for (const period of indicator.periods) {
      const {policy, sources, inheritsFrom} = indicatorPolicy(policies, indicators, indicator, period.from);
      const column = sources.length ? `register.${sources[0]}.disclosure.interval` : "disclosure.survey.interval";
      const measure = indicator.measure;
      if (policy.interval === "poisson" && !(measure === "count" || (measure === "rate_per_1000" && inheritsFrom))) {
        fail({file: FILE, column}, `"poisson" for ${indicator.id} (${measure}${measure === "rate_per_1000" ? ", read as a rate without its count" : ""}): an exact Poisson interval needs the count (expected a count, a rate per 1 000 derived from a count, or interval null)`);
      }
      if (policy.interval === "wilson" && !MEASURES[measure].share) fail({file: FILE, column}, `"wilson" for ${indicator.id} (${measure}): a Wilson interval is for shares (expected interval null or "poisson")`);
    }
  }
}
