/**
 * One register cell in SQL: whether it is valid, its value and its status,
 * under a source's legend. Cells are read as written (not trimmed when the
 * table is staged, which would cost a pass over every cell): a cell without
 * spaces or a U+2212 minus, the usual case, takes the fast path of one marker
 * comparison per legend entry and a cast; the rest are trimmed and stripped of
 * their group spaces first.
 *
 * Numbers: an optional minus (- or U+2212), digits, optionally grouped in
 * threes by a space, no-break space, narrow no-break or thin space, and an
 * optional decimal part after a comma or a point. Nothing else ("1e3", "12%",
 * "+5", "1 2") is a number.
 */
import {sqlString} from "../../write/sql.js";
import type {Legend} from "../registerValue.js";

const GROUP_SPACES = " \u00a0\u202f\u2009";
const NUMBER = `[-\u2212]?(\\d{1,3}([${GROUP_SPACES}]\\d{3})+|\\d+)([.,]\\d+)?`;
const PLAIN_NUMBER = "-?\\d+([.,]\\d+)?";
/** Characters that send a cell down the slow path. */
const SLOW = `[${GROUP_SPACES}\\t\u2212]`;

export interface CellSql {
  isMarker(c: string): string;
  valid(c: string): string;
  /** Whether a cell needs the slow path; computed once per cell in its own projection. */
  slow(c: string): string;
  /** The cell's text for markers (trimmed if slow) and for numbers (group spaces and U+2212 replaced if slow). */
  markerText(c: string, slow: string): string;
  numberText(c: string, slow: string): string;
  /** Value and status from those two texts. */
  value(markerText: string, numberText: string): string;
  status(markerText: string): string;
}

export function cellSql(legend: Legend): CellSql {
  const markers = Object.keys(legend).filter((m) => m !== "");
  const blank = legend[""];
  const isMarker = (c: string) => (markers.length ? `${c} IN (${markers.map(sqlString).join(", ")})` : "false");
  const slow = (c: string) => `regexp_matches(${c}, '${SLOW}')`;
  /** CASE arms for the blank and each marker; `then` gives what a meaning becomes. */
  const arms = (t: string, then: (meaning: string) => string) =>
    [...(blank ? [`WHEN ${t} IS NULL OR ${t} = '' THEN ${then(blank)}`] : []), ...markers.map((m) => `WHEN ${t} = ${sqlString(m)} THEN ${then(legend[m]!)}`)].join(" ");
  const byMeaning = (t: string, then: (meaning: string) => string, otherwise: string) => {
    const cases = arms(t, then);
    return cases ? `CASE ${cases} ELSE ${otherwise} END` : otherwise;
  };
  return {
    isMarker,
    // A plain number first: for most cells one pattern decides.
    valid: (c) =>
      `CASE WHEN ${c} IS NULL OR ${c} = '' THEN ${blank !== undefined} WHEN ${isMarker(c)} THEN true WHEN regexp_full_match(${c}, '${PLAIN_NUMBER}') THEN true ` +
      `WHEN ${slow(c)} THEN (trim(${c}) = '' AND ${blank !== undefined}) OR ${isMarker(`trim(${c})`)} OR regexp_full_match(trim(${c}), '${NUMBER}') ` +
      `ELSE false END`,
    slow,
    markerText: (c, isSlow) => `CASE WHEN ${isSlow} THEN trim(${c}) ELSE ${c} END`,
    numberText: (c, isSlow) => `CASE WHEN ${isSlow} THEN replace(regexp_replace(${c}, '[${GROUP_SPACES}\\t]', '', 'g'), '\u2212', '-') ELSE ${c} END`,
    value: (t, n) => byMeaning(t, (m) => (m === "zero" ? "0::DOUBLE" : "NULL::DOUBLE"), `TRY_CAST(replace(${n}, ',', '.') AS DOUBLE)`),
    status: (t) => byMeaning(t, (m) => sqlString(m === "zero" ? "ok" : m), "'ok'")
  };
}
