// Charts of the comparison tool and the unit pages. Each returns an <svg>
// (Observable Plot) and, where colours carry meaning, a legend drawn as SVG too,
// so a downloaded image (download.js) carries its own legend.
import * as Plot from "@observablehq/plot";
import {formatNumber, formatValue} from "../../lib/format.js";
import {REFERENCE_STYLE, UNIT_COLORS} from "../../lib/compare/palette.js";

const MUTED = "#9fb3d9";
const MISSING_FILL = "#c4c4c4";
// Light to dark blue, with the light end still clearly blue so that a 0 stands out from the page.
const MAP_RANGE = ["#d6e6f5", "#0b3d7a"];

const isShare = (measure) => measure === "share_yes" || measure === "response_rate" || measure === "percent";

function valueAxis(measure, extra = {}) {
  return isShare(measure)
    ? {domain: [0, 100], label: "procent", tickFormat: (d) => formatNumber(d), ...extra}
    : {label: measure === "rate_per_1000" ? "per 1 000" : null, nice: true, zero: true, tickFormat: (d) => formatNumber(d, {decimals: Number.isInteger(d) ? 0 : 1}), ...extra};
}

/**
 * A legend as SVG: [{label, color, dash?, shape?: "line" | "dot"}], wrapped to
 * `width`. Returned as an <svg class="chart-legend"> for the page and exports.
 */
export function swatchLegend(items, {width = 640} = {}) {
  const ns = "http://www.w3.org/2000/svg";
  const svg = document.createElementNS(ns, "svg");
  svg.setAttribute("class", "chart-legend");
  svg.setAttribute("font-family", "system-ui, sans-serif");
  svg.setAttribute("font-size", "12");
  let x = 0;
  let y = 14;
  const measure = (text) => 7 * text.length; // close enough for system-ui 12px; wrapping only
  for (const item of items) {
    const w = 28 + measure(item.label) + 18;
    if (x > 0 && x + w > width) {
      x = 0;
      y += 20;
    }
    const g = document.createElementNS(ns, "g");
    g.setAttribute("transform", `translate(${x},${y})`);
    if (item.shape === "dot" || item.shape === "square") {
      const mark = document.createElementNS(ns, item.shape === "dot" ? "circle" : "rect");
      if (item.shape === "dot") {
        mark.setAttribute("cx", "10");
        mark.setAttribute("cy", "-4");
        mark.setAttribute("r", "5");
      } else {
        mark.setAttribute("x", "3");
        mark.setAttribute("y", "-11");
        mark.setAttribute("width", "14");
        mark.setAttribute("height", "14");
        mark.setAttribute("stroke", "#999");
      }
      mark.setAttribute("fill", item.color);
      g.append(mark);
    } else {
      const line = document.createElementNS(ns, "line");
      line.setAttribute("x1", "0");
      line.setAttribute("x2", "22");
      line.setAttribute("y1", "-4");
      line.setAttribute("y2", "-4");
      line.setAttribute("stroke", item.color);
      line.setAttribute("stroke-width", "2.5");
      if (item.dash) line.setAttribute("stroke-dasharray", item.dash);
      g.append(line);
    }
    const text = document.createElementNS(ns, "text");
    text.setAttribute("x", "28");
    text.setAttribute("y", "0");
    text.setAttribute("fill", "currentColor");
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
 * Horizontal bars: the chosen units beside their kommungrupp, län and riket.
 * rows: [{label, value, role: "unit" | "grupp" | "län" | "riket", color?, note?}];
 * a row without a value shows its note (e.g. "besvarade inte enkäten 2015").
 */
export function comparisonBars(rows, {width = 640, measure = "share_yes"} = {}) {
  const withValue = rows.filter((d) => d.value !== null && d.value !== undefined);
  const without = rows.filter((d) => d.value === null || d.value === undefined);
  const fill = (d) => (d.role === "unit" ? d.color ?? UNIT_COLORS[0] : d.role === "riket" ? "#555" : "#b9b9b9");
  return Plot.plot({
    width,
    height: 28 * rows.length + 34,
    marginLeft: Math.min(260, Math.max(120, 7.2 * Math.max(...rows.map((d) => d.label.length)))),
    marginRight: 64,
    x: valueAxis(measure, {grid: true, axis: "top"}),
    y: {domain: rows.map((d) => d.label), label: null},
    marks: [
      Plot.barX(withValue, {x: "value", y: "label", fill, insetTop: 4, insetBottom: 4}),
      Plot.text(withValue, {x: "value", y: "label", text: (d) => formatValue(d.value, measure), dx: 4, textAnchor: "start", fill: "currentColor"}),
      Plot.text(without, {x: isShare(measure) ? 0 : 0, y: "label", text: (d) => d.note ?? "uppgift saknas", dx: 4, textAnchor: "start", fill: "currentColor", fillOpacity: 0.75, fontStyle: "italic"}),
      Plot.ruleX([0]),
      Plot.tip(withValue, Plot.pointerY({x: "value", y: "label", title: (d) => `${d.label}: ${formatValue(d.value, measure)}${d.detail ? `\n${d.detail}` : ""}`}))
    ]
  });
}

const jitter = (code) => {
  let h = 0;
  for (const c of String(code)) h = (h * 31 + c.charCodeAt(0)) >>> 0;
  return (h % 1000) / 1000 - 0.5;
};

/**
 * All compared units as dots (stable vertical jitter by code), the chosen ones
 * large, coloured and labelled above the strip (one label row each, so units
 * with the same value stay readable). rows: [{code, name, value}]; highlight:
 * [{code, label, value, color}] (a storstad, not itself a compared unit, is
 * drawn from its own value); riket: a reference line.
 */
export function unitStrip(rows, {width = 640, measure = "share_yes", highlight = [], riket} = {}) {
  const marked = new Set(highlight.map((d) => d.code));
  const others = rows.filter((d) => !marked.has(d.code)).map((d) => ({...d, y: jitter(d.code)}));
  const chosen = highlight.filter((d) => d.value !== null && d.value !== undefined);
  const values = [...rows.map((d) => d.value), ...chosen.map((d) => d.value)];
  const [lo, hi] = isShare(measure) ? [0, 100] : [Math.min(0, ...values), Math.max(...values)];
  const anchor = (v) => (v > lo + 0.8 * (hi - lo) ? "end" : v < lo + 0.2 * (hi - lo) ? "start" : "middle");
  const lineHeight = 16;
  const hasRiket = riket !== null && riket !== undefined;
  return Plot.plot({
    width,
    height: 130 + lineHeight * chosen.length,
    marginLeft: 24,
    marginRight: 24,
    marginTop: 8 + lineHeight * chosen.length,
    x: valueAxis(measure, {grid: true}),
    y: {axis: null, domain: [-0.6, 0.6]},
    marks: [
      hasRiket ? Plot.ruleX([riket], {stroke: REFERENCE_STYLE.riket.color, strokeWidth: 1.5}) : null,
      hasRiket
        ? Plot.text([riket], {x: (d) => d, y: -0.6, dy: -4, dx: riket > (lo + hi) / 2 ? -4 : 4, textAnchor: riket > (lo + hi) / 2 ? "end" : "start", text: (d) => `Riket ${formatValue(d, measure)}`, fill: "currentColor", fontSize: 11})
        : null,
      Plot.dot(others, {x: "value", y: "y", r: 3, fill: MUTED, fillOpacity: 0.8}),
      Plot.ruleX(chosen, {x: "value", y1: 0, y2: 0.6, stroke: "color", strokeOpacity: 0.7}),
      Plot.dot(chosen, {x: "value", y: 0, r: 6.5, fill: "color", stroke: "white", strokeWidth: 1.5}),
      ...chosen.map((d, i) =>
        Plot.text([d], {
          x: "value",
          y: 0.6,
          dy: -4 - lineHeight * (chosen.length - 1 - i),
          text: (d) => `${d.label} ${formatValue(d.value, measure)}`,
          fill: d.color,
          fontWeight: "bold",
          textAnchor: anchor(d.value),
          lineAnchor: "bottom"
        })
      ),
      Plot.tip(others, Plot.pointer({x: "value", y: "y", title: (d) => `${d.name}: ${formatValue(d.value, measure)}`}))
    ]
  });
}

/**
 * Trends over years. series: [{key, label, color, dash, points: [{year, value,
 * status, segment, note?}]}] from segmentSeries(): a line joins only points of
 * one segment, so it never crosses a comparability break or a year without a
 * value. Years without a value are marked with a small ring at the axis and
 * their reason in the tooltip. breaks: [{year, note}].
 */
export function trendLines(series, {width = 640, height = 260, measure = "share_yes", breaks = [], years} = {}) {
  const points = series.flatMap((s) => s.points.map((p) => ({...p, key: s.key, label: s.label, color: s.color, dash: s.dash})));
  const withValue = points.filter((d) => d.status === "ok" && d.value !== null && d.value !== undefined);
  const without = points.filter((d) => !(d.status === "ok" && d.value !== null && d.value !== undefined) && d.note);
  const allYears = years ?? [...new Set(points.map((d) => d.year))].sort((a, b) => a - b);
  const domain = allYears.length ? [allYears[0] - 0.4, allYears[allYears.length - 1] + 0.4] : undefined;
  const lines = series.map((s) =>
    Plot.line(
      withValue.filter((d) => d.key === s.key),
      {x: "year", y: "value", z: "segment", stroke: s.color, strokeWidth: s.key.startsWith("unit") ? 2.5 : 1.75, strokeDasharray: s.dash ?? undefined}
    )
  );
  return Plot.plot({
    width,
    height,
    marginLeft: 48,
    marginRight: 20,
    marginTop: 24,
    x: {label: null, ticks: allYears, tickFormat: (d) => String(d), domain},
    y: valueAxis(measure, {grid: true}),
    marks: [
      Plot.ruleY([0]),
      ...breaks.map((b) => Plot.ruleX([b.year - 0.5], {stroke: "currentColor", strokeOpacity: 0.55, strokeDasharray: "4,3"})),
      ...breaks.map((b) => Plot.text([b], {x: b.year - 0.5, frameAnchor: "top", dy: -14, dx: 4, textAnchor: "start", text: () => "Ej jämförbart", fill: "currentColor", fillOpacity: 0.75, fontSize: 11})),
      ...lines,
      Plot.dot(withValue.filter((d) => !d.key.startsWith("unit")), {x: "year", y: "value", fill: "color", r: 2.5}),
      Plot.dot(withValue.filter((d) => d.key.startsWith("unit")), {x: "year", y: "value", fill: "color", r: 3.5}),
      Plot.dot(without, {x: "year", y: 0, stroke: "color", fill: "white", r: 4, strokeWidth: 1.5}),
      Plot.tip(
        points.filter((d) => withValue.includes(d) || without.includes(d)),
        Plot.pointer({
          x: "year",
          y: (d) => (d.status === "ok" ? d.value : 0),
          title: (d) => `${d.label}, ${d.year}\n${d.status === "ok" ? formatValue(d.value, measure) : d.note}`
        })
      )
    ]
  });
}

/**
 * Sweden's kommuner coloured by value. features: GeoJSON features with
 * properties.kn_kod; values: Map code → {value, status, name, note}. Kommuner
 * without a value are grey, and the legend says why. The projection is a
 * transverse Mercator centred on 15° E (SWEREF 99 TM's central meridian), so
 * Sweden stands upright as on the national maps.
 */
export function kommunMap(features, values, {width = 420, measure = "share_yes", highlight = [], domain: valueDomain} = {}) {
  const collection = {type: "FeatureCollection", features};
  const valueOf = (f) => values.get(f.properties.kn_kod);
  const known = features.filter((f) => valueOf(f)?.status === "ok" && valueOf(f)?.value !== null);
  const unknown = features.filter((f) => !known.includes(f));
  const chosen = features.filter((f) => highlight.includes(f.properties.kn_kod));
  // Shares on 0–100; other values on the given domain (the legend's), else their extent.
  const domain = isShare(measure) ? [0, 100] : valueDomain;
  return Plot.plot({
    width,
    projection: {type: "transverse-mercator", rotate: [-15, -62], domain: collection, inset: 6},
    color: {type: "linear", range: MAP_RANGE, interpolate: "hcl", domain, label: isShare(measure) ? "procent" : measure === "rate_per_1000" ? "per 1 000" : null, tickFormat: (d) => formatNumber(d)},
    marks: [
      Plot.geo(unknown, {fill: MISSING_FILL, stroke: "white", strokeWidth: 0.4}),
      Plot.geo(known, {fill: (f) => valueOf(f).value, stroke: "white", strokeWidth: 0.4}),
      Plot.geo(chosen, {fill: "none", stroke: "#111", strokeWidth: 2}),
      Plot.tip(
        features,
        Plot.pointer(
          Plot.geoCentroid({
            title: (f) => {
              const v = valueOf(f);
              return `${f.properties.kn_namn}\n${v?.status === "ok" && v.value !== null ? formatValue(v.value, measure) : v?.note ?? "uppgift saknas"}${v?.detail ? `\n${v.detail}` : ""}`;
            }
          })
        )
      )
    ]
  });
}

/** The colour legend of a kommunMap, as SVG (Plot's ramp), plus a grey swatch for kommuner without a value. */
export function mapLegend({measure = "share_yes", domain, missing = "uppgift saknas", width = 320} = {}) {
  const ramp = Plot.legend({
    color: {type: "linear", range: MAP_RANGE, interpolate: "hcl", domain: isShare(measure) ? [0, 100] : domain, label: isShare(measure) ? "procent" : measure === "rate_per_1000" ? "per 1 000" : measure === "count" ? "antal" : null, tickFormat: (d) => formatNumber(d)},
    width: Math.min(width, 280)
  });
  ramp.classList.add("chart-legend");
  const grey = swatchLegend([{label: missing, color: MISSING_FILL, shape: "square"}], {width});
  const wrap = document.createElement("div");
  wrap.className = "map-legend";
  wrap.append(ramp, grey);
  return wrap;
}
