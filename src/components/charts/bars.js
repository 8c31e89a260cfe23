// @ts-check
// Horizontal bars, one per area: ranked (län by value) or in the caller's
// order (a unit beside its kommungrupp, län and riket). Labels sit left of the
// bars when they take under half the width, else above each bar, so a
// phone gets full-width bars rather than a squashed plot; every margin comes
// from the labels it holds. Rows without a value keep their place and say why.
import * as Plot from "@observablehq/plot";
import {labelSide, textWidth} from "../../lib/charts/labels.js";
import {valueScale} from "../../lib/charts/scale.js";
import {hasValue} from "../../lib/compare/series.js";
import {compareSv, formatNumber, formatValue} from "../../lib/format.js";
import {statusText} from "../../lib/vocabulary.js";
import {horizontalAxisOverhang, scaleOptions, tickCount} from "./axis.js";
import {FOCUS, MUTED} from "./colors.js";
import {describeChart} from "./a11y.js";
import {barText} from "../../lib/charts/describe.js";

const FONT_SIZE = 10;
/** Labels left of the bars may take at most this share of the width. */
const LABEL_SHARE = 0.45;
const ROW = {left: 26, above: 42};
/** Above a bar: room for its label. */
const LABEL_ROW = 17;

/**
 * @typedef {object} BarRow
 * @property {string} label
 * @property {number | null} value
 * @property {string} [status] why there is no value (its text from the vocabulary), unless a note says it
 * @property {string | null} [note] what to write instead of a bar, e.g. "besvarade inte enkäten 2015"
 * @property {string} [color] the bar's own colour
 * @property {string | null} [detail] a further tooltip line
 * @property {number | null} [numerator]
 * @property {number | null} [denominator]
 * @typedef {object} BarOptions
 * @property {number} [width]
 * @property {string} [measure] from the vocabulary: the scale (0–100 for shares) and the value format
 * @property {boolean} [rank] largest value first (Swedish order on ties), rows without a value last; else the rows' order
 * @property {string} [highlight] the label of the one bar in the focus colour (the others muted)
 * @property {number | null} [reference] a value drawn as a dashed rule with its label below the bars (riket)
 * @property {string} [referenceLabel]
 * @property {(value: number) => string} [format] the label at a bar's end; default the measure's format (one decimal for shares)
 * @property {"left" | "above"} [labels] where the labels go; default: left when they fit, else above
 * @property {string} [title] the chart's accessible name (a figure around it may rename it)
 * @property {Document} [document] for rendering outside a browser (tests)
 */

/**
 * A bar chart of `rows` as an <svg>.
 * @param {BarRow[]} rows
 * @param {BarOptions} [options]
 * @returns {SVGSVGElement | HTMLElement}
 */
export function barChart(rows, {width = 640, measure = "share_yes", rank = false, highlight, reference, referenceLabel = "Riket", format, labels, title, document} = {}) {
  const valued = rows.filter(hasValue);
  const without = rows.filter((d) => !hasValue(d));
  const order = rank
    ? [...valued.sort((a, b) => Number(b.value) - Number(a.value) || compareSv(a.label, b.label)), ...without.sort((a, b) => compareSv(a.label, b.label))]
    : rows;
  const hasReference = reference !== null && reference !== undefined;
  const valueText = (/** @type {BarRow} */ d) => (format ? format(Number(d.value)) : formatValue(d.value, measure));
  const noteText = (/** @type {BarRow} */ d) => d.note ?? statusText(d.status);

  const labelWidth = Math.max(0, ...order.map((d) => textWidth(d.label, {fontSize: FONT_SIZE})));
  const layout = labels ?? (labelWidth + 11 <= LABEL_SHARE * width ? "left" : "above");
  const scale = valueScale(measure, [...valued.map((d) => d.value), ...(hasReference ? [reference] : [])], {count: tickCount(width * (1 - LABEL_SHARE), 60)});
  const [overLeft, overRight] = horizontalAxisOverhang(scale);
  const marginLeft = layout === "left" ? Math.ceil(labelWidth + 11) : Math.max(4, overLeft);
  const marginRight = Math.ceil(Math.max(overRight, ...valued.map((d) => textWidth(valueText(d), {fontSize: FONT_SIZE}) + 6)));
  const row = ROW[layout];
  const marginBottom = hasReference ? 22 : 6;
  const [insetTop, insetBottom] = layout === "left" ? [4, 4] : [LABEL_ROW, 7];
  // Text beside a bar sits at the bar's middle, which is below the band's middle when a label is above it.
  const barMiddle = (insetTop - insetBottom) / 2;
  const px = (/** @type {number} */ v) => marginLeft + ((v - scale.domain[0]) / (scale.domain[1] - scale.domain[0])) * (width - marginLeft - marginRight);
  const fill = (/** @type {BarRow} */ d) => d.color ?? (highlight === undefined ? FOCUS : d.label === highlight ? FOCUS : MUTED);
  const referenceText = hasReference ? `${referenceLabel} ${formatValue(reference, measure)}` : "";

  const chart = Plot.plot({
    ...(document ? {document} : {}),
    width,
    height: row * Math.max(1, order.length) + 30 + marginBottom,
    marginLeft,
    marginRight,
    marginTop: 30,
    marginBottom,
    x: scaleOptions(scale, {grid: true, axis: "top"}),
    y: {domain: order.map((d) => d.label), label: null, axis: layout === "left" ? "left" : null, padding: 0},
    marks: [
      Plot.barX(valued, {x: "value", y: "label", fill, insetTop, insetBottom}),
      Plot.text(valued, {x: "value", y: "label", dy: barMiddle, text: valueText, dx: 4, textAnchor: "start", fill: "currentColor"}),
      Plot.text(without, {y: "label", frameAnchor: "left", dy: barMiddle, dx: 4, text: noteText, textAnchor: "start", fill: "currentColor", fillOpacity: 0.75, fontStyle: "italic"}),
      layout === "above" ? Plot.text(order, {y: "label", frameAnchor: "left", dy: -row / 2 + LABEL_ROW / 2 + 1, text: "label", textAnchor: "start", fill: "currentColor"}) : null,
      scale.domain[0] <= 0 ? Plot.ruleX([0]) : null,
      hasReference ? Plot.ruleX([reference], {stroke: "currentColor", strokeDasharray: "4,3"}) : null,
      hasReference
        ? Plot.text([reference], {x: (d) => d, frameAnchor: "bottom", dy: 14, textAnchor: labelSide(px(reference), textWidth(referenceText, {fontSize: FONT_SIZE}), [0, width], 0), text: () => referenceText, fill: "currentColor"})
        : null,
      Plot.tip(valued, Plot.pointerY({x: "value", y: "label", title: (d) => `${d.label}: ${formatValue(d.value, measure)}${basis(d)}${d.detail ? `\n${d.detail}` : ""}`}))
    ]
  });
  const text = barText(order, {measure, reference, referenceLabel, ...(format ? {format} : {})});
  return describeChart(chart, {label: title ?? "Stapeldiagram", text});
}

/** " (12 av 20)" when a share has its counts. @param {BarRow} d */
function basis(d) {
  return d.numerator !== undefined && d.numerator !== null && d.denominator ? ` (${formatNumber(d.numerator)} av ${formatNumber(d.denominator)})` : "";
}
