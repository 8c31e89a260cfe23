// Trend by year for one or more areas. Years in different comparability groups
// are never joined by a line: each group is its own series (z), and a dashed rule
// with a note marks where the series breaks.
import * as Plot from "@observablehq/plot";
import {formatNumber, formatValue} from "../lib/format.js";

const isShare = (measure) => measure === "share_yes" || measure === "response_rate" || measure === "percent";

/**
 * rows: [{year, value, area_name?, group_id}], value null where there is none.
 * options.breaks: [{year, note}] years where a new comparability group starts.
 */
export function trendChart(rows, {width = 640, height = 280, measure = "share_yes", breaks = [], title, color, document} = {}) {
  const data = rows.filter((d) => d.value !== null && d.value !== undefined);
  const years = [...new Set(rows.map((d) => d.year))].sort((a, b) => a - b);
  const series = (d) => `${d.area_name ?? ""}|${d.group_id ?? ""}`;
  const multiple = new Set(rows.map((d) => d.area_name)).size > 1;
  return Plot.plot({
    ...(document ? {document} : {}), // node tests render with jsdom
    width,
    height,
    title,
    marginLeft: 48,
    marginRight: 20,
    x: {label: null, ticks: years, tickFormat: (d) => String(d), domain: years.length > 1 ? [years[0] - 0.3, years[years.length - 1] + 0.3] : undefined},
    y: {grid: true, label: isShare(measure) ? "procent" : null, domain: isShare(measure) ? [0, 100] : undefined, nice: true, tickFormat: (d) => formatNumber(d)},
    // Several series get a legend rather than end labels, which collide when values meet.
    color: multiple ? {legend: true, scheme: "tableau10"} : undefined,
    marks: [
      Plot.ruleY([0]),
      ...breaks.map((b) => Plot.ruleX([b.year - 0.5], {stroke: "currentColor", strokeOpacity: 0.5, strokeDasharray: "4,3"})),
      ...breaks.map((b) => Plot.text([b], {x: b.year - 0.5, frameAnchor: "bottom", dy: -6, dx: -4, textAnchor: "end", text: () => b.label ?? "Ny mätning", fill: "currentColor", fillOpacity: 0.7})),
      Plot.line(data, {x: "year", y: "value", z: series, stroke: multiple ? "area_name" : color ?? "var(--theme-foreground-focus)", strokeWidth: 2}),
      Plot.dot(data, {x: "year", y: "value", fill: multiple ? "area_name" : color ?? "var(--theme-foreground-focus)", r: 3.5}),
      Plot.tip(data, Plot.pointer({x: "year", y: "value", title: (d) => `${d.area_name ? `${d.area_name}\n` : ""}${d.year}: ${formatValue(d.value, measure)}`}))
    ]
  });
}

/** The break years of an indicator from its comparability rows: each group after the first starts one. */
export function breaksOf(comparability, indicatorId) {
  return comparability
    .filter((c) => c.indicator_id === indicatorId)
    .sort((a, b) => a.first_year - b.first_year)
    .slice(1)
    .map((c) => ({year: c.first_year, note: c.note, label: "Ej jämförbart"}));
}
