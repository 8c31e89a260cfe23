/**
 * A source's legend: what each status symbol or cell marker it uses means.
 * Markers stand in for a value (missing, suppressed, not_applicable, or zero
 * written as "-"); flags qualify a value that is there (an estimate, a
 * preliminary or revised figure, a break in the series), as OECD, Eurostat and
 * Statistics Canada mark them in JSON-stat.
 */
import {fail, listOr, quote} from "../errors.js";
import {FLAG_IDS, type Flag} from "../schema/vocabulary.js";
import type {Legend, MarkerMeaning} from "./registerValue.js";

export const MARKER_MEANINGS: readonly MarkerMeaning[] = ["missing", "suppressed", "not_applicable", "zero"];

export const isFlag = (meaning: string): meaning is Flag => (FLAG_IDS as readonly string[]).includes(meaning);

/** A legend from JSON may hold any string as a meaning; flags only where the format can carry them. */
export function checkLegend(file: string, legend: Legend, {flags}: {flags: boolean}): Legend {
  const allowed: string[] = [...MARKER_MEANINGS, ...(flags ? FLAG_IDS : [])];
  for (const [marker, meaning] of Object.entries(legend)) {
    if (!allowed.includes(meaning)) {
      const hint = !flags && isFlag(meaning) ? ` (a flag such as ${meaning} qualifies a value in JSON-stat; a csv cell holds either a value or a marker)` : "";
      fail({file}, `the legend maps ${quote(marker)} to ${quote(meaning)}: expected ${listOr(allowed)}${hint}`);
    }
  }
  return legend;
}

/** `".." (missing) or "X" (suppressed)`, or a note that the legend is empty. */
export function describeLegend(legend: Legend): string {
  const entries = Object.entries(legend).map(([marker, meaning]) => `${JSON.stringify(marker)} (${meaning})`);
  return entries.length ? listOr(entries) : "a marker, but the legend has none";
}
