// @ts-check
// Where do the chosen units stand among all of them? One dot per unit along
// the value axis, spread across by a stable jitter of its code; the chosen
// units large, coloured and labelled above the strip, one label row each, so
// units with the same value stay readable.
import * as Plot from "@observablehq/plot";
import {jitter} from "../../lib/charts/jitter.js";
import {labelSide, textWidth} from "../../lib/charts/labels.js";
import {valueScale} from "../../lib/charts/scale.js";
import {REFERENCE_STYLE} from "../../lib/compare/palette.js";
import {hasValue} from "../../lib/compare/series.js";
import {formatValue} from "../../lib/format.js";
import {horizontalAxisOverhang, scaleOptions, tickCount} from "./axis.js";
import {FOCUS, MUTED} from "./colors.js";
import {describeChart} from "./a11y.js";
import {stripText} from "../../lib/charts/describe.js";

const LINE_HEIGHT = 16;
const LABEL_FONT_SIZE = 10;

/**
 * @typedef {{code: string, name: string, value: number | null, status?: string}} StripRow
 * @typedef {{code: string, label?: string, value?: number | null, color?: string}} StripHighlight
 *   a chosen unit; label, value and colour default to its row's name and value and the focus colour
 *   (a unit not among the rows, e.g. a storstad beside stadsdelar, is drawn from its own value)
 */

/**
 * A dot strip of all units with a value, the chosen ones marked.
 * @param {StripRow[]} rows
 * @param {{width?: number, measure?: string, highlight?: string | (string | StripHighlight)[], reference?: number | null, referenceLabel?: string, title?: string, document?: Document}} [options]
 *   reference: a value drawn as a labelled rule (riket)
 * @returns {SVGSVGElement | HTMLElement}
 */
export function dotStrip(rows, {width = 640, measure = "share_yes", highlight = [], reference, referenceLabel = "Riket", title, document} = {}) {
  const byCode = new Map(rows.map((d) => [d.code, d]));
  const chosen = [highlight]
    .flat()
    .map((h) => (typeof h === "string" ? {code: h} : h))
    .map((h) => {
      const row = byCode.get(h.code);
      return {code: h.code, label: h.label ?? row?.name ?? h.code, value: h.value !== undefined ? h.value : row?.value ?? null, color: h.color ?? FOCUS};
    })
    .filter((d) => hasValue(d));
  const marked = new Set(chosen.map((d) => d.code));
  const others = rows.filter((d) => !marked.has(d.code) && hasValue(d)).map((d) => ({...d, y: jitter(d.code)}));
  const hasReference = reference !== null && reference !== undefined;

  const scale = valueScale(measure, [...others, ...chosen].map((d) => d.value), {count: tickCount(width - 48, 70)});
  const [left, right] = horizontalAxisOverhang(scale);
  const marginLeft = Math.max(12, left);
  const marginRight = Math.max(12, right);
  const [lo, hi] = scale.domain;
  const px = (/** @type {number} */ v) => marginLeft + ((v - lo) / (hi - lo)) * (width - marginLeft - marginRight);
  // A label centred on its dot, unless that would run off the chart: then it runs away from the nearer edge.
  const anchor = (/** @type {number} */ v, /** @type {string} */ text, bold = false) => {
    const w = textWidth(text, {fontSize: LABEL_FONT_SIZE, bold});
    return px(v) - w / 2 >= 0 && px(v) + w / 2 <= width ? "middle" : labelSide(px(v), w, [0, width], 0);
  };
  const chosenText = (/** @type {{label: string, value: number | null}} */ d) => `${d.label} ${formatValue(d.value, measure)}`;
  const referenceText = hasReference ? `${referenceLabel} ${formatValue(reference, measure)}` : "";

  const chart = Plot.plot({
    ...(document ? {document} : {}),
    width,
    height: 130 + LINE_HEIGHT * chosen.length,
    marginLeft,
    marginRight,
    marginTop: 8 + LINE_HEIGHT * chosen.length,
    x: scaleOptions(scale, {grid: true}),
    y: {axis: null, domain: [-0.6, 0.6]},
    marks: [
      hasReference ? Plot.ruleX([reference], {stroke: REFERENCE_STYLE.riket.color, strokeWidth: 1.5}) : null,
      hasReference ? Plot.text([reference], {x: (d) => d, y: -0.6, dy: -4, dx: 0, textAnchor: labelSide(px(reference), textWidth(referenceText, {fontSize: 11}), [0, width]), text: () => referenceText, fill: "currentColor", fontSize: 11}) : null,
      Plot.dot(others, {x: "value", y: "y", r: 3, fill: MUTED, fillOpacity: 0.8}),
      Plot.ruleX(chosen, {x: "value", y1: 0, y2: 0.6, stroke: (d) => d.color, strokeOpacity: 0.7}),
      Plot.dot(chosen, {x: "value", y: 0, r: 6.5, fill: (d) => d.color, stroke: "white", strokeWidth: 1.5}),
      ...chosen.map((d, i) =>
        Plot.text([d], {
          x: "value",
          y: 0.6,
          dy: -4 - LINE_HEIGHT * (chosen.length - 1 - i),
          text: chosenText,
          fill: d.color,
          fontWeight: "bold",
          textAnchor: anchor(/** @type {number} */ (d.value), chosenText(d), true),
          lineAnchor: "bottom"
        })
      ),
      Plot.tip(others, Plot.pointer({x: "value", y: "y", title: (d) => `${d.name}: ${formatValue(d.value, measure)}`}))
    ]
  });
  return describeChart(chart, {label: title ?? "Punktdiagram", text: stripText(rows, chosen, {measure, reference, referenceLabel})});
}
