// Ranked horizontal bars, e.g. one indicator per län, with riket as a reference
// rule. Areas without a value are listed at the bottom with the reason.
import * as Plot from "@observablehq/plot";
import {compareSv, formatNumber, formatValue, STATUS_TEXT} from "../lib/format.js";

/** rows: [{name, value, status}]; reference: riket value (optional). */
export function rankedBars(rows, {width = 640, measure = "share_yes", reference, referenceLabel = "Riket", highlight, document} = {}) {
  const withValue = rows.filter((d) => d.value !== null && d.value !== undefined).sort((a, b) => b.value - a.value || compareSv(a.name, b.name));
  const without = rows.filter((d) => d.value === null || d.value === undefined).sort((a, b) => compareSv(a.name, b.name));
  const order = [...withValue, ...without].map((d) => d.name);
  const share = measure === "share_yes" || measure === "response_rate" || measure === "percent";
  return Plot.plot({
    ...(document ? {document} : {}), // node tests render with jsdom
    width,
    height: 22 * order.length + 50,
    marginLeft: 170,
    marginRight: 56,
    x: {grid: true, label: share ? "procent" : null, domain: share ? [0, 100] : undefined, tickFormat: (d) => formatNumber(d), axis: "top"},
    y: {domain: order, label: null, tickFormat: (d) => d},
    marks: [
      Plot.barX(withValue, {x: "value", y: "name", fill: (d) => (d.name === highlight ? "var(--theme-foreground-focus)" : "#9fb3d9")}),
      Plot.text(withValue, {x: "value", y: "name", text: (d) => formatValue(d.value, measure), dx: 4, textAnchor: "start", fill: "currentColor"}),
      Plot.text(without, {x: 0, y: "name", text: (d) => STATUS_TEXT[d.status] ?? "uppgift saknas", dx: 4, textAnchor: "start", fill: "currentColor", fillOpacity: 0.6, fontStyle: "italic"}),
      reference !== undefined && reference !== null ? Plot.ruleX([reference], {stroke: "currentColor", strokeDasharray: "4,3"}) : null,
      reference !== undefined && reference !== null
        ? Plot.text([reference], {x: (d) => d, frameAnchor: "bottom", dy: 14, text: (d) => `${referenceLabel} ${formatValue(d, measure)}`, fill: "currentColor"})
        : null,
      Plot.tip(withValue, Plot.pointerY({x: "value", y: "name", title: (d) => `${d.name}: ${formatValue(d.value, measure)}${d.numerator !== undefined && d.denominator ? ` (${d.numerator} av ${d.denominator})` : ""}`}))
    ]
  });
}
