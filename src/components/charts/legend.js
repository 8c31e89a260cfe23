// @ts-check
// Legends drawn as SVG (class chart-legend), so a downloaded image
// (src/components/compare/download.js) carries its own legend.
import * as Plot from "@observablehq/plot";
import {textWidth} from "../../lib/charts/labels.js";
import {hasValue} from "../../lib/compare/series.js";
import {formatNumber} from "../../lib/format.js";
import {isShare, measureSpec} from "../../lib/vocabulary.js";
import {MAP_RANGE, MISSING_FILL} from "./colors.js";

const NS = "http://www.w3.org/2000/svg";
const FONT_SIZE = 12;
/** What the grey band of a trend chart means, in its legend. */
export const GAP_LEGEND = "inget värde det året";

/**
 * @typedef {{label: string, color: string, dash?: string | null, shape?: "line" | "dot" | "square"}} LegendItem
 */

/**
 * A legend as SVG: one swatch and label per item, wrapped to `width`.
 * @param {LegendItem[]} items
 * @param {{width?: number, document?: Document}} [options]
 * @returns {SVGSVGElement}
 */
export function swatchLegend(items, {width = 640, document = globalThis.document} = {}) {
  const element = (/** @type {string} */ name, /** @type {Record<string, string | number>} */ attributes) => {
    const node = document.createElementNS(NS, name);
    for (const [key, value] of Object.entries(attributes)) node.setAttribute(key, String(value));
    return node;
  };
  const svg = /** @type {SVGSVGElement} */ (element("svg", {class: "chart-legend", "font-family": "system-ui, sans-serif", "font-size": FONT_SIZE}));
  let x = 0;
  let y = 14;
  for (const item of items) {
    const w = 28 + Math.ceil(textWidth(item.label, {fontSize: FONT_SIZE})) + 18;
    if (x > 0 && x + w > width) {
      x = 0;
      y += 20;
    }
    const g = element("g", {transform: `translate(${x},${y})`});
    if (item.shape === "dot") g.append(element("circle", {cx: 10, cy: -4, r: 5, fill: item.color}));
    else if (item.shape === "square") g.append(element("rect", {x: 3, y: -11, width: 14, height: 14, fill: item.color, stroke: "#999"}));
    else g.append(element("line", {x1: 0, x2: 22, y1: -4, y2: -4, stroke: item.color, "stroke-width": 2.5, ...(item.dash ? {"stroke-dasharray": item.dash} : {})}));
    const text = element("text", {x: 28, y: 0, fill: "currentColor"});
    text.textContent = item.label;
    g.append(text);
    svg.append(g);
    x += w;
  }
  svg.setAttribute("width", String(width));
  svg.setAttribute("height", String(y + 8));
  svg.setAttribute("viewBox", `0 0 ${width} ${y + 8}`);
  return svg;
}

/**
 * The legend of a trend chart: a line per series (when there are several)
 * and the grey gap band when some series lacks a value in a year.
 * @param {{label: string, color?: string, dash?: string | null, points: import("../../lib/compare/series.js").SeriesPoint[]}[]} series
 * @param {{width?: number, document?: Document}} [options]
 * @returns {SVGSVGElement}
 */
export function trendLegend(series, options = {}) {
  /** @type {LegendItem[]} */
  const items = series.length > 1 ? series.map((s) => ({label: s.label, color: s.color ?? "currentColor", dash: s.dash ?? null})) : [];
  if (series.some((s) => s.points.some((p) => !hasValue(p)))) items.push({label: GAP_LEGEND, color: MISSING_FILL, shape: "square"});
  return swatchLegend(items, options);
}

/**
 * A chart with its legend above it, in one <div class="chart-with-legend">
 * (the legend left out when it has nothing in it).
 * @param {Element} chart
 * @param {SVGSVGElement} legend
 * @returns {SVGSVGElement | HTMLElement}
 */
export function withLegend(chart, legend) {
  if (legend.childElementCount === 0) return /** @type {SVGSVGElement} */ (chart);
  const wrap = chart.ownerDocument.createElement("div");
  wrap.className = "chart-with-legend";
  wrap.append(legend, chart);
  return wrap;
}

/**
 * The colour legend of a kommunMap: Plot's ramp over the map's domain, and a
 * grey swatch for kommuner without a value, saying why.
 * @param {{measure?: string, domain?: [number, number], missing?: string, width?: number, document?: Document}} [options]
 * @returns {HTMLElement}
 */
export function mapLegend({measure = "share_yes", domain, missing = "uppgift saknas", width = 320, document = globalThis.document} = {}) {
  /** @type {Plot.LegendScales} */
  const options = {
    color: {type: "linear", range: MAP_RANGE, interpolate: "hcl", domain: isShare(measure) ? [0, 100] : domain, label: measureSpec(measure).axis ?? undefined, tickFormat: (/** @type {number} */ d) => formatNumber(d)},
    width: Math.min(width, 280)
  };
  // Plot draws with the given document, an option its types do not list.
  const ramp = /** @type {HTMLElement} */ (Plot.legend(/** @type {Plot.LegendScales} */ ({...options, document})));
  ramp.classList.add("chart-legend");
  const grey = swatchLegend([{label: missing, color: MISSING_FILL, shape: "square"}], {width, document});
  const wrap = document.createElement("div");
  wrap.className = "map-legend";
  wrap.append(ramp, grey);
  return wrap;
}
