// @ts-check
// Draws a chart plan (src/lib/notebook/chartPlan.js) with Observable Plot. The
// plan is data: mark names are looked up in a fixed list, format names in
// another, column names stay field names. The notebook and the pages it
// exports both draw through here.
import * as Plot from "@observablehq/plot";
import {formatNumber} from "../../lib/format.js";
import {chartPlan} from "../../lib/notebook/chartPlan.js";

/** @typedef {import("../../lib/notebook/chart.js").ChartSpec} ChartSpec */
/** @typedef {{type: "FeatureCollection", features: {type: "Feature", properties: Record<string, any>, geometry: any}[]}} Boundaries */

/** @type {Record<string, (value: any) => string>} */
const FORMATS = {
  number: (d) => formatNumber(d, {decimals: 2, trim: true}),
  share: (d) => formatNumber(d, {decimals: 1}),
  year: (d) => String(d)
};

/** @type {Record<string, (data: any, options?: any) => any>} */
const MARKS = {barX: Plot.barX, barY: Plot.barY, lineY: Plot.lineY, dot: Plot.dot, ruleX: Plot.ruleX, ruleY: Plot.ruleY, geo: Plot.geo, text: Plot.text};

/** Swaps format names for functions, one level into scale options. @param {Record<string, any>} scale */
function withFormats(scale) {
  const out = {...scale};
  if (typeof out.tickFormat === "string") out.tickFormat = FORMATS[out.tickFormat];
  return out;
}

/** @param {any} tip */
function tipOptions(tip) {
  if (!tip || tip === true || !tip.format) return tip;
  return {format: Object.fromEntries(Object.entries(tip.format).map(([channel, name]) => [channel, FORMATS[/** @type {string} */ (name)] ?? true]))};
}

/**
 * A kommun's boundary joined with its value from the rows (by kommunkod).
 * @param {Boundaries} boundaries
 * @param {Record<string, any>[]} rows
 * @param {{code: string, value: string}} map
 */
function joinedFeatures(boundaries, rows, map) {
  const values = new Map(rows.map((r) => [String(r[map.code]), r[map.value]]));
  return boundaries.features.map((f) => ({...f, properties: {...f.properties, value: values.get(f.properties.kn_kod) ?? null}}));
}

/**
 * The chart of `spec` from `rows` as an SVG (or a figure with a legend).
 * @param {ChartSpec} spec
 * @param {Record<string, any>[]} rows
 * @param {{width: number, boundaries?: Boundaries | null}} options
 * @returns {Element}
 */
export function drawChart(spec, rows, {width, boundaries = null}) {
  const plan = chartPlan(spec, rows, {width});
  /** @type {Record<string, any>} */
  const options = {};
  for (const [key, value] of Object.entries(plan.options)) {
    options[key] = value && typeof value === "object" && !Array.isArray(value) ? withFormats(value) : value;
  }
  let features = null;
  if (plan.map) {
    if (!boundaries) throw new Error("kommungränserna är inte inlästa");
    features = {type: "FeatureCollection", features: joinedFeatures(boundaries, rows, plan.map)};
    options.projection = {...options.projection, domain: features};
  }
  options.marks = plan.marks.map(({mark, data, options: markOptions}) => {
    const make = MARKS[mark];
    if (!make) throw new Error(`okänt märke ${mark}`);
    const source = data === "rows" ? rows : data === "features" ? features : data;
    /** @type {Record<string, any>} */
    const channels = {...markOptions, tip: tipOptions(markOptions.tip)};
    if (mark === "geo" && markOptions.fill === "value") {
      channels.fill = (/** @type {any} */ f) => f.properties.value;
      channels.title = (/** @type {any} */ f) => `${f.properties.kn_namn}: ${f.properties.value === null ? "värde saknas" : formatNumber(f.properties.value, {decimals: 1})}`;
      channels.tip = true;
    }
    if (channels.tip === undefined) delete channels.tip;
    return make(source, channels);
  });
  return Plot.plot(options);
}
