// Series helpers shared by the charts (browser) and the unit archive (node):
// comparability groups and line segments. No chart library here, so node can
// import it without loading Plot.

/** The comparability group of `year` for an indicator, or null. */
export function groupOf(comparability, indicatorId, year) {
  return comparability.find((c) => c.indicator_id === indicatorId && year >= c.first_year && year <= c.last_year)?.group_id ?? null;
}

/** Break years of an indicator: every group after the first starts one (same rule as trendChart's breaksOf). */
export function breaks(comparability, indicatorId) {
  return comparability
    .filter((c) => c.indicator_id === indicatorId)
    .sort((a, b) => a.first_year - b.first_year)
    .slice(1)
    .map((c) => ({year: c.first_year, note: c.note ?? null}));
}

/**
 * Adds `segment` to each point of one area's series (sorted by year): a new
 * segment starts at a comparability break and after a year without a value (a
 * unit that did not answer), so a line is drawn only between neighbouring years
 * that may be compared. Points without a value keep their segment for tooltips
 * and markers but are not part of any line.
 */
export function segmentSeries(points, comparability, indicatorId) {
  const sorted = [...points].sort((a, b) => a.year - b.year);
  let segment = 0;
  let previous = null;
  return sorted.map((d) => {
    const group = d.group_id !== undefined ? d.group_id : groupOf(comparability, indicatorId, d.year);
    const hasValue = d.status === "ok" && d.value !== null && d.value !== undefined;
    if (previous && (!previous.hasValue || previous.group !== group || d.year !== previous.year + 1)) segment++;
    previous = {group, hasValue, year: d.year};
    return {...d, group_id: group, segment};
  });
}
