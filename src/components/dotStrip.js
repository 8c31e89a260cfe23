// A dot strip of all units for one indicator, one highlighted: where does my
// kommun stand? Units are spread vertically by a stable hash of their code, so
// the picture does not move between renders and yes/no values (0 or 100) stay legible.
import * as Plot from "@observablehq/plot";
import {formatValue} from "../lib/format.js";

const jitter = (code) => {
  let h = 0;
  for (const c of String(code)) h = (h * 31 + c.charCodeAt(0)) >>> 0;
  return (h % 1000) / 1000 - 0.5;
};

/** rows: [{code, name, value}]; highlight: a code or an array of codes. */
export function dotStrip(rows, {width = 640, height = 120, measure = "share_yes", highlight = [], reference, document} = {}) {
  const marked = new Set([highlight].flat());
  const data = rows.filter((d) => d.value !== null && d.value !== undefined).map((d) => ({...d, y: jitter(d.code)}));
  const share = measure === "share_yes" || measure === "response_rate" || measure === "percent";
  return Plot.plot({
    ...(document ? {document} : {}), // node tests render with jsdom
    width,
    height,
    marginLeft: 20,
    x: {label: share ? "procent" : null, domain: share ? [0, 100] : undefined, grid: true},
    y: {axis: null, domain: [-0.6, 0.6]},
    marks: [
      reference !== undefined && reference !== null ? Plot.ruleX([reference], {stroke: "currentColor", strokeDasharray: "4,3"}) : null,
      Plot.dot(data.filter((d) => !marked.has(d.code)), {x: "value", y: "y", r: 3, fill: "#9fb3d9", fillOpacity: 0.7}),
      Plot.dot(data.filter((d) => marked.has(d.code)), {x: "value", y: "y", r: 6, fill: "var(--theme-foreground-focus)", stroke: "white"}),
      Plot.text(data.filter((d) => marked.has(d.code)), {x: "value", y: "y", text: "name", dy: -12, fontWeight: "bold", fill: "currentColor"}),
      Plot.tip(data, Plot.pointer({x: "value", y: "y", title: (d) => `${d.name}: ${formatValue(d.value, measure)}`}))
    ]
  });
}
