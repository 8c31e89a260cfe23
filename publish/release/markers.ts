/**
 * How the release files show a unit without a value: a marker in place of the
 * number, explained in a legend. Markers are text, so a spreadsheet never
 * counts them as zero (SUM and AVERAGE skip text) and a sort puts them after
 * the numbers. The symbols follow Swedish official statistics where one exists
 * (SCB: ".." not available, "." cannot occur; Socialstyrelsen: "X" protected).
 * "–" is deliberately not used: in Swedish statistics it means zero.
 */
import type {Status} from "../../loaders/schema/tables.js";

export interface Marker {
  status: Exclude<Status, "ok">;
  marker: string;
  /** The legend text. */
  meaning: string;
}

export const MARKERS: readonly Marker[] = [
  {status: "no_answer", marker: "ES", meaning: "Ej svar: enheten besvarade inte enkäten"},
  {status: "missing", marker: "..", meaning: "Uppgift saknas: enheten besvarade enkäten men inte frågan, eller källan saknar uppgift"},
  {status: "suppressed", marker: "X", meaning: "Skyddad av sekretess: antalet är så litet att det inte redovisas"},
  {status: "not_applicable", marker: ".", meaning: "Kan inte förekomma: uppgiften finns inte för denna typ av enhet (t.ex. registeruppgifter för stadsdelar)"}
];

export function markerOf(status: Status): string {
  const found = MARKERS.find((m) => m.status === status);
  if (!found) throw new Error(`no marker for status "${status}" (expected one of ${MARKERS.map((m) => m.status).join(", ")})`);
  return found.marker;
}
