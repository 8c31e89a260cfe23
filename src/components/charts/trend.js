// @ts-check
// Trends by year, for one area or several. A line joins only neighbouring
// years of one comparability group that both have a value (the segmenting
// rule of src/lib/compare/series.js): it never crosses a comparability break,
// drawn as a dashed rule labelled "Ej jämförbart", nor a year without a value,
// drawn as a grey band across the whole chart so that nothing sits at a value
// the area does not have (never a mark on the zero line).
import * as Plot from "@observablehq/plot";
import {labelSide, textWidth} from "../../lib/charts/labels.js";
import {valueScale} from "../../lib/charts/scale.js";
import {breaks as breaksOf, hasValue, segmentSeries} from "../../lib/compare/series.js";
import {formatValue} from "../../lib/format.js";
import {statusText} from "../../lib/vocabulary.js";
import {scaleOptions, tickCount, verticalAxisMargin} from "./axis.js";
import {FOCUS, MISSING_FILL, SERIES_COLORS} from "./colors.js";
import {describeChart} from "./a11y.js";
import {trendText} from "../../lib/charts/describe.js";
import {trendLegend, withLegend} from "./legend.js";

/** The label of a comparability break. */
export const BREAK_LABEL = "Ej jämförbart";
/** What the dashed rule of a break means, in a caption. */
export const BREAK_CAPTION = "Streckad lodlinje: frågan eller enkäten ändrades och värdena före och efter kan inte jämföras, så linjen bryts.";
/** What the grey band of a year without a value means, in a caption. */
export const GAP_CAPTION = "Grått fält: inget värde det året (se verktygstipset), så linjen bryts även där.";

const BREAK_FONT_SIZE = 11;
/** Half the width of a gap band, in years: narrower than a year, so bands of neighbouring years stay apart. */
const GAP_HALF_WIDTH = 0.4;

/**
 * @typedef {{year: number, value?: number | null, status?: string | null, group_id?: string | null, note?: string | null}} TrendPoint
 * @typedef {object} TrendSeries
 * @property {string} key
 * @property {string} label
 * @property {string} [color] default: the theme's focus colour for one series, Tableau 10 for several
 * @property {string | null} [dash] a stroke-dasharray, e.g. "6,3"
 * @property {boolean} [reference] a thinner line with smaller dots (kommungrupp, län, riket)
 * @property {TrendPoint[]} points every year of the series; a point without a value is drawn as a gap (its note, or its status's text, in the tooltip)
 * @typedef {object} TrendOptions
 * @property {number} [width]
 * @property {number} [height]
 * @property {string} [measure] from the vocabulary: the scale (0–100 for shares) and the value format
 * @property {import("../../lib/compare/series.js").ComparabilityGroup[]} [comparability] the indicator's comparability groups: breaks, and the group of a point without group_id
 * @property {string} [indicatorId]
 * @property {number[]} [years] the years on the axis; default every year of the series
 * @property {boolean} [legend] put a legend (series, and the gap band when there is one) above the chart
 * @property {string} [title] the chart's accessible name (a figure around it may rename it)
 * @property {Document} [document] for rendering outside a browser (tests)
 */

/**
 * A trend chart of `series` by year, as an <svg> (or, with `legend`, a <div>
 * holding the legend and the <svg>).
 * @param {TrendSeries[]} series
 * @param {TrendOptions} [options]
 * @returns {SVGSVGElement | HTMLElement}
 */
export function trendChart(series, {width = 640, height = 260, measure = "share_yes", comparability = [], indicatorId = "", years, legend = false, title, document} = {}) {
  const drawn = series.map((s, i) => ({
    ...s,
    color: s.color ?? (series.length > 1 ? SERIES_COLORS[i % SERIES_COLORS.length] : FOCUS),
    points: segmentSeries(s.points, comparability, indicatorId)
  }));
  const points = drawn.flatMap((s) => s.points.map((p) => ({...p, label: s.label})));
  const valued = points.filter(hasValue);
  const axisYears = years ?? yearsOf(drawn);
  const [first, last] = [axisYears[0] ?? 0, axisYears.at(-1) ?? 0];

  const scale = valueScale(measure, valued.map((d) => d.value), {count: tickCount(height - 60, 40)});
  const marginLeft = verticalAxisMargin(scale.labels);
  const marginRight = 14;
  const px = (/** @type {number} */ year) => marginLeft + ((year - first + 0.5) / (last - first + 1)) * (width - marginLeft - marginRight);
  // Every year gets a tick while its label fits; else every other year, and so on.
  const step = Math.ceil((textWidth("2016") + 8) / Math.max(1, px(first + 1) - px(first)));

  const breakMarks = shownBreaks(comparability, indicatorId, axisYears).map((b) => {
    const side = labelSide(px(b.year - 0.5), textWidth(BREAK_LABEL, {fontSize: BREAK_FONT_SIZE}), [0, width]);
    return [
      Plot.ruleX([b.year - 0.5], {stroke: "currentColor", strokeOpacity: 0.55, strokeDasharray: "4,3"}),
      Plot.text([b], {x: b.year - 0.5, frameAnchor: "top", dy: -14, dx: side === "start" ? 4 : -4, textAnchor: side, text: () => BREAK_LABEL, fill: "currentColor", fillOpacity: 0.75, fontSize: BREAK_FONT_SIZE})
    ];
  });

  const gaps = gapYears(drawn);
  const middle = (scale.domain[0] + scale.domain[1]) / 2;
  const tips = [
    ...valued.map((d) => ({x: d.year, y: d.value, title: `${d.label}, ${d.year}\n${formatValue(d.value, measure)}`})),
    ...gaps.map((g) => ({x: g.year, y: middle, title: `${g.year}: inget värde\n${g.lines.join("\n")}`}))
  ];

  const chart = Plot.plot({
    ...(document ? {document} : {}),
    width,
    height,
    marginLeft,
    marginRight,
    marginTop: 24,
    x: {label: null, domain: [first - 0.5, last + 0.5], ticks: axisYears.filter((_, i) => (axisYears.length - 1 - i) % step === 0), tickFormat: String},
    y: scaleOptions(scale, {grid: true}),
    marks: [
      Plot.rect(gaps, {x1: (d) => d.year - GAP_HALF_WIDTH, x2: (d) => d.year + GAP_HALF_WIDTH, fill: MISSING_FILL, fillOpacity: 0.45}),
      scale.domain[0] <= 0 && scale.domain[1] >= 0 ? Plot.ruleY([0]) : null,
      ...breakMarks.flat(),
      ...drawn.flatMap((s) => {
        const own = s.points.filter(hasValue);
        return [
          Plot.line(own, {x: "year", y: "value", z: "segment", stroke: s.color, strokeWidth: s.reference ? 1.75 : 2.5, strokeDasharray: s.dash ?? undefined}),
          Plot.dot(own, {x: "year", y: "value", fill: s.color, r: s.reference ? 2.5 : 3.5})
        ];
      }),
      Plot.tip(tips, Plot.pointer({x: "x", y: "y", title: "title"}))
    ]
  });
  const text = trendText(drawn, {measure, years: axisYears, breaks: shownBreaks(comparability, indicatorId, axisYears).map((b) => b.year)});
  const result = legend ? withLegend(chart, trendLegend(drawn, {width, document})) : chart;
  return describeChart(result, {label: title ?? `Linjediagram: ${drawn.map((s) => s.label).join(", ")}`, text});
}

/**
 * The caption of a trend chart drawn with the same series and options: what
 * its dashed rules and grey bands mean, for those it has ("" for neither).
 * @param {TrendSeries[]} series
 * @param {TrendOptions} [options]
 * @returns {string}
 */
export function trendCaption(series, {comparability = [], indicatorId = "", years} = {}) {
  const breaks = shownBreaks(comparability, indicatorId, years ?? yearsOf(series));
  const gaps = series.some((s) => s.points.some((p) => !hasValue(p)));
  return [breaks.length > 0 ? BREAK_CAPTION : "", gaps ? GAP_CAPTION : ""].filter(Boolean).join(" ");
}

/**
 * The breaks that fall between two of the years on the axis.
 * @param {import("../../lib/compare/series.js").ComparabilityGroup[]} comparability
 * @param {string} indicatorId
 * @param {number[]} years sorted
 */
function shownBreaks(comparability, indicatorId, years) {
  const [first, last] = [years[0] ?? 0, years.at(-1) ?? 0];
  return breaksOf(comparability, indicatorId).filter((b) => b.year > first && b.year <= last);
}

/** Every year of the series, sorted. @param {{points: TrendPoint[]}[]} series */
function yearsOf(series) {
  return [...new Set(series.flatMap((s) => s.points.map((p) => p.year)))].sort((a, b) => a - b);
}

/**
 * The years in which some series has a point without a value, each with a
 * line per such series saying why.
 * @param {{label: string, points: TrendPoint[]}[]} series
 * @returns {{year: number, lines: string[]}[]}
 */
function gapYears(series) {
  /** @type {Map<number, string[]>} */
  const byYear = new Map();
  for (const s of series) {
    for (const p of s.points) {
      if (hasValue(p)) continue;
      const lines = byYear.get(p.year) ?? [];
      lines.push(`${s.label}: ${p.note ?? statusText(p.status)}`);
      byYear.set(p.year, lines);
    }
  }
  return [...byYear].sort(([a], [b]) => a - b).map(([year, lines]) => ({year, lines}));
}
