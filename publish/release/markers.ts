/**
 * How the release files show a unit without a value: a marker in place of the
 * number, explained in a legend (both from the vocabulary,
 * loaders/schema/vocabulary.ts). Markers are text, so a spreadsheet never
 * counts them as zero (SUM and AVERAGE skip text) and a sort puts them after
 * the numbers.
 */
import {STATUS_IDS, STATUSES, type Status} from "../../loaders/schema/vocabulary.js";
import {markerOf as vocabularyMarker} from "../../src/lib/vocabulary.js";

export interface Marker {
  status: Exclude<Status, "ok">;
  marker: string;
  /** The legend text. */
  meaning: string;
}

/** The legend in the order users read it: did not answer, missing, suppressed (primary, then secondary), cannot occur. */
const LEGEND_ORDER: Exclude<Status, "ok">[] = ["no_answer", "missing", "suppressed", "suppressed_secondary", "not_applicable"];

export const MARKERS: readonly Marker[] = [...LEGEND_ORDER, ...STATUS_IDS.filter((s): s is Exclude<Status, "ok"> => s !== "ok" && !LEGEND_ORDER.includes(s as Exclude<Status, "ok">))].map(
  (status) => ({status, marker: STATUSES[status].marker, meaning: STATUSES[status].legend})
);

export const markerOf = (status: Status): string => vocabularyMarker(status);
