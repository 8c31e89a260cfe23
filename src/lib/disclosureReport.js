// @ts-check
// The disclosure decisions of the load report (load_report.json, field
// `disclosure`, written by loaders/disclosure/) in words, for the page Om data:
// how many cells were protected for which reason, and the list of protected
// cells with why and through which sum. The list describes the published
// structure only (which cells show X, and why): it carries no value, count or
// bound of any cell, so it reveals nothing the X cells themselves do not.
// Tested in test/src/lib/disclosureReport.test.ts.
import {compareSv} from "./format.js";

/**
 * One protected cell as the load report lists it.
 * @typedef {{indicator_id: string, area_code: string, year: number, status: "suppressed" | "suppressed_secondary", reason: "source" | "threshold" | "secondary" | "inherited",
 *   group: string | null, protects?: string}} ProtectedCell
 */

/** Why a cell is protected, in Swedish, in the order the protection is applied. */
export const REASON_TEXT = {
  source: "Markerad av källan som litet antal",
  threshold: "Litet antal som källan redovisade",
  secondary: "Dold så att ett annat litet antal inte kan räknas fram (sekundär röjandekontroll)",
  inherited: "Kvot vars antal är skyddat"
};

/** @typedef {keyof typeof REASON_TEXT} Reason */

/**
 * Cells per reason, split by how they are shown (primary or secondary X), in the order of REASON_TEXT; reasons with no cell left out.
 * @param {readonly ProtectedCell[]} cells
 * @returns {{reason: Reason, text: string, suppressed: number, secondary: number, total: number}[]}
 */
export function reasonCounts(cells) {
  return /** @type {Reason[]} */ (Object.keys(REASON_TEXT))
    .map((reason) => {
      const mine = cells.filter((c) => c.reason === reason);
      const secondary = mine.filter((c) => c.status === "suppressed_secondary").length;
      return {reason, text: REASON_TEXT[reason], suppressed: mine.length - secondary, secondary, total: mine.length};
    })
    .filter((d) => d.total > 0);
}

/**
 * Names for the codes of the report: areas ("0604" → "Aneby", "06" → "Jönköpings län", "00" → "Riket") and indicators (id → short title).
 * @typedef {{area: (code: string) => string, indicator: (id: string) => string}} Names
 */

/**
 * The sum a secondary cell was chosen from, or the count a rate inherits from, in words:
 * "kommun→län 05" → "kommunerna i Östergötlands län", "heldygnsinsats_antal" → "Heldygnsinsats, antal".
 * @param {ProtectedCell} cell
 * @param {Names} names
 * @returns {string}
 */
export function groupText(cell, names) {
  if (!cell.group) return "";
  if (cell.reason === "inherited") return `antalet: ${names.indicator(cell.group)}`;
  const match = /^(kommun|län|stadsdel)→(län|riket|kommun) (\S+)$/.exec(cell.group);
  if (!match) return cell.group;
  const [, parts, , total] = match;
  const plural = {kommun: "kommunerna", län: "länen", stadsdel: "stadsdelarna"}[/** @type {"kommun" | "län" | "stadsdel"} */ (parts)];
  return `summan av ${plural} i ${names.area(String(total))}`;
}

/**
 * The protected cells as rows of a table, by indicator, year and area name.
 * @param {readonly ProtectedCell[]} cells
 * @param {Names} names
 * @returns {{indicator: string, year: number, area: string, code: string, status: string, reason: string, sum: string, protects: string}[]}
 */
export function protectedRows(cells, names) {
  return cells
    .map((c) => ({
      indicator: names.indicator(c.indicator_id),
      year: c.year,
      area: names.area(c.area_code),
      code: c.area_code,
      status: c.status === "suppressed_secondary" ? "X (sekundär)" : "X",
      reason: REASON_TEXT[c.reason] ?? c.reason,
      sum: groupText(c, names),
      protects: c.protects ? `${names.area(c.protects)} (${c.protects})` : ""
    }))
    .sort((a, b) => compareSv(a.indicator, b.indicator) || a.year - b.year || compareSv(a.area, b.area));
}
