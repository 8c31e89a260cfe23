/**
 * The project's words, declared once: how each measure is shown and checked,
 * what each status means (in running text, as a marker in published files and
 * in their legend), and the shapes of area codes. Readers use it directly;
 * publish/schema.ts writes it, with the table declarations, to src/lib/schema.js
 * for the pages and the shared modules (which may not import loaders/).
 */

export interface MeasureSpec {
  /** The unit in running text and table headers. */
  unit: string;
  /** The axis or legend label, short. */
  axis: string | null;
  /** A share in percent, drawn on a 0–100 scale. */
  share: boolean;
  /** A survey unit's own value is its answer: 100 (yes) or 0 (no). */
  answer: boolean;
  /** Decimals when shown. */
  decimals: number;
  /** The valid range of a value; a value outside it stops the load. */
  min: number;
  max: number | null;
  /** Whole numbers only (counts). */
  integer: boolean;
}

export const MEASURES = {
  share_yes: {unit: "procent", axis: "procent", share: true, answer: true, decimals: 1, min: 0, max: 100, integer: false},
  response_rate: {unit: "procent", axis: "procent", share: true, answer: true, decimals: 1, min: 0, max: 100, integer: false},
  percent: {unit: "procent", axis: "procent", share: true, answer: false, decimals: 1, min: 0, max: 100, integer: false},
  count: {unit: "antal", axis: "antal", share: false, answer: false, decimals: 0, min: 0, max: null, integer: true},
  rate_per_1000: {unit: "per 1 000 invånare", axis: "per 1 000", share: false, answer: false, decimals: 1, min: 0, max: 1000, integer: false}
} as const satisfies Record<string, MeasureSpec>;
export type Measure = keyof typeof MEASURES;
export const MEASURE_IDS = Object.keys(MEASURES) as Measure[];

export interface StatusSpec {
  /** In running text: "uppgift saknas". Empty for ok. */
  text: string;
  /** In place of the number in a published file (a text cell, never counted as zero). */
  marker: string;
  /** The legend line explaining the marker. */
  legend: string;
}

/**
 * Markers follow Swedish official statistics where one exists (SCB: ".." not
 * available, "." cannot occur; Socialstyrelsen: "X" protected). "–" is never
 * used: in Swedish statistics it means zero.
 */
export const STATUSES = {
  ok: {text: "", marker: "", legend: ""},
  missing: {text: "uppgift saknas", marker: "..", legend: "Uppgift saknas: enheten besvarade enkäten men inte frågan, eller källan saknar uppgift"},
  suppressed: {text: "skyddad av sekretess", marker: "X", legend: "Skyddad av sekretess: antalet är så litet att det inte redovisas"},
  suppressed_secondary: {
    text: "skyddad av sekretess för att skydda en annan uppgift",
    marker: "X",
    legend: "Skyddad av sekretess för att skydda en annan uppgift: värdet redovisas inte eftersom ett litet antal annars skulle kunna räknas fram ur summorna (sekundär röjandekontroll)"
  },
  no_answer: {text: "besvarade inte enkäten", marker: "ES", legend: "Ej svar: enheten besvarade inte enkäten"},
  not_applicable: {text: "kan inte förekomma", marker: ".", legend: "Kan inte förekomma: uppgiften finns inte för denna typ av enhet (t.ex. registeruppgifter för stadsdelar)"}
} as const satisfies Record<string, StatusSpec>;
export type Status = keyof typeof STATUSES;
export const STATUS_IDS = Object.keys(STATUSES) as Status[];

/**
 * Flags a publisher puts on a value that is there (JSON-stat status symbols of
 * OECD, Eurostat, Statistics Canada): kept beside the value in the `flag`
 * column, never turned into a missing value. A source's legend maps its own
 * symbols to these.
 */
export const FLAGS = {
  estimate: {text: "uppskattat värde", marker: "e", legend: "Uppskattat värde: källan har skattat uppgiften"},
  preliminary: {text: "preliminär uppgift", marker: "p", legend: "Preliminär uppgift: kan komma att ändras"},
  revised: {text: "reviderad uppgift", marker: "r", legend: "Reviderad uppgift: ändrad sedan den först publicerades"},
  break: {text: "brott i tidsserien", marker: "b", legend: "Brott i tidsserien: inte jämförbar med tidigare år"}
} as const satisfies Record<string, StatusSpec>;
export type Flag = keyof typeof FLAGS;
export const FLAG_IDS = Object.keys(FLAGS) as Flag[];

export const LEVELS = ["riket", "län", "kommun", "stadsdel"] as const;
export type Level = (typeof LEVELS)[number];

/** Area code shapes: riket "00", län "01"–"25", kommun "0114", stadsdel "0180-01". */
export const AREA_CODES = {
  riket: "00",
  län: "^(?!00$)\\d{2}$",
  kommun: "^\\d{4}$",
  stadsdel: "^\\d{4}-\\d{2}$"
} as const;
