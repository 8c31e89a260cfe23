// @ts-check
// Sweden's kommuner coloured by one indicator's value.
import * as Plot from "@observablehq/plot";
import {formatNumber, formatValue} from "../../lib/format.js";
import {isShare, measureSpec} from "../../lib/vocabulary.js";
import {MAP_RANGE, MISSING_FILL} from "./colors.js";
import {describeChart} from "./a11y.js";
import {mapText} from "../../lib/charts/describe.js";

/**
 * @typedef {{type: "Feature", properties: {kn_kod: string, kn_namn: string}, geometry: object}} KommunFeature
 * @typedef {{value: number | null, status: string, note?: string | null, detail?: string | null}} MapValue
 */

/**
 * A map of the kommuner, each filled by its value; kommuner without one are
 * grey and their tooltip says why (the legend, mapLegend, says so too). The
 * projection is a transverse Mercator centred on 15° E (SWEREF 99 TM's central
 * meridian), so Sweden stands upright as on the national maps.
 * @param {KommunFeature[]} features GeoJSON features with properties.kn_kod and kn_namn
 * @param {Map<string, MapValue>} values by kommun code
 * @param {{width?: number, measure?: string, highlight?: string[], domain?: [number, number], title?: string, document?: Document}} [options]
 *   highlight: kommun codes drawn with a black outline; domain: the colour domain of a non-share (the legend's)
 * @returns {SVGSVGElement | HTMLElement}
 */
export function kommunMap(features, values, {width = 420, measure = "share_yes", highlight = [], domain: valueDomain, title, document} = {}) {
  const collection = {type: "FeatureCollection", features};
  const valueOf = (/** @type {KommunFeature} */ f) => values.get(f.properties.kn_kod);
  const known = features.filter((f) => valueOf(f)?.status === "ok" && valueOf(f)?.value !== null);
  const unknown = features.filter((f) => !known.includes(f));
  const chosen = features.filter((f) => highlight.includes(f.properties.kn_kod));
  const chart = Plot.plot({
    ...(document ? {document} : {}),
    width,
    projection: {type: "transverse-mercator", rotate: [-15, -62], domain: collection, inset: 6},
    color: {type: "linear", range: MAP_RANGE, interpolate: "hcl", domain: isShare(measure) ? [0, 100] : valueDomain, label: measureSpec(measure).axis, tickFormat: (/** @type {number} */ d) => formatNumber(d)},
    marks: [
      Plot.geo(unknown, {fill: MISSING_FILL, stroke: "white", strokeWidth: 0.4}),
      Plot.geo(known, {fill: (/** @type {KommunFeature} */ f) => valueOf(f)?.value, stroke: "white", strokeWidth: 0.4}),
      Plot.geo(chosen, {fill: "none", stroke: "#111", strokeWidth: 2}),
      Plot.tip(
        features,
        Plot.pointer(
          Plot.geoCentroid({
            title: (/** @type {KommunFeature} */ f) => {
              const v = valueOf(f);
              const text = v?.status === "ok" && v.value !== null ? formatValue(v.value, measure) : v?.note ?? "uppgift saknas";
              return `${f.properties.kn_namn}\n${text}${v?.detail ? `\n${v.detail}` : ""}`;
            }
          })
        )
      )
    ]
  });
  const kommuner = features.map((f) => ({code: f.properties.kn_kod, name: f.properties.kn_namn}));
  return describeChart(chart, {label: title ?? "Karta över kommunerna", text: mapText(kommuner, values, {measure})});
}
