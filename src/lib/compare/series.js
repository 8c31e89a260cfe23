// @ts-check
// The rules every trend obeys, in charts (browser), texts and the unit archive
// (node): which comparability group a year belongs to, where a series breaks,
// and which neighbouring points a line may join. No chart library here, so
// node can import it without loading Plot.

/**
 * A row of the comparability table: {indicator_id, group_id, first_year,
 * last_year, note}. Typed loosely, as callers pass rows straight from a query.
 * @typedef {Record<string, any>} ComparabilityGroup
 * @typedef {{year: number, value?: number | null, status?: string | null, group_id?: string | null}} SeriesPoint
 */

/**
 * A point carries a value: a number, and no status other than "ok" (a row
 * without a status column counts as ok when it has a number).
 * @param {{value?: number | null, status?: string | null}} point
 * @returns {boolean}
 */
export function hasValue(point) {
  return point.value !== null && point.value !== undefined && Number.isFinite(point.value) && (point.status === undefined || point.status === null || point.status === "ok");
}

/**
 * The comparability group of `year` for an indicator, or null.
 * @param {ComparabilityGroup[]} comparability
 * @param {string} indicatorId
 * @param {number} year
 * @returns {string | null}
 */
export function groupOf(comparability, indicatorId, year) {
  return comparability.find((c) => c.indicator_id === indicatorId && year >= c.first_year && year <= c.last_year)?.group_id ?? null;
}

/**
 * Break years of an indicator: every comparability group after the first
 * starts one, between its first year and the year before.
 * @param {ComparabilityGroup[]} comparability
 * @param {string} indicatorId
 * @returns {{year: number, note: string | null}[]}
 */
export function breaks(comparability, indicatorId) {
  return comparability
    .filter((c) => c.indicator_id === indicatorId)
    .sort((a, b) => a.first_year - b.first_year)
    .slice(1)
    .map((c) => ({year: c.first_year, note: c.note ?? null}));
}

/**
 * Adds `group_id` and `segment` to each point of one area's series (sorted by
 * year): a new segment starts at a comparability break, after a year without a
 * value and after a year absent from the series, so a line drawn through the
 * valued points of a segment only ever joins neighbouring years that may be
 * compared. A point's
 * own group_id wins over the lookup in `comparability`. Points without a value
 * keep a segment (for tooltips and gap marks) but are never part of a line.
 * @template {SeriesPoint} P
 * @param {P[]} points
 * @param {ComparabilityGroup[]} [comparability]
 * @param {string} [indicatorId]
 * @returns {(P & {group_id: string | null, segment: number})[]}
 */
export function segmentSeries(points, comparability = [], indicatorId = "") {
  const sorted = [...points].sort((a, b) => a.year - b.year);
  let segment = 0;
  /** @type {{group: string | null, valued: boolean, year: number} | null} */
  let previous = null;
  return sorted.map((d) => {
    const group = d.group_id !== undefined ? d.group_id : groupOf(comparability, indicatorId, d.year);
    const valued = hasValue(d);
    if (previous && (!previous.valued || previous.group !== group || d.year !== previous.year + 1)) segment++;
    previous = {group, valued, year: d.year};
    return {...d, group_id: group, segment};
  });
}
