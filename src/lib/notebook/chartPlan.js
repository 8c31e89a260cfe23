// @ts-check
// A chart spec as Observable Plot options, *as data*: marks by name, channels
// by column name, number formats by name ("number", "year", "share"). The
// browser (src/components/notebook/chartDraw.js) swaps the names for Plot's
// functions from a fixed list; nothing here is code to run, so a column name
// such as `"); alert(1); ("` is only ever a field name or a label.
// Pure (no DOM): node tests check the plans.

/**
 * @typedef {import("./chart.js").ChartSpec} ChartSpec
 * @typedef {import("./chart.js").Kind} Kind
 * @typedef {"number" | "year" | "share"} FormatName
 * @typedef {{label?: string | null, grid?: boolean, axis?: "top" | "bottom" | null, tickFormat?: FormatName, ticks?: number[], type?: string}} AxisPlan
 * @typedef {{mark: "barX" | "barY" | "lineY" | "dot" | "ruleX" | "ruleY" | "geo" | "text", data: "rows" | "features" | number[], options: Record<string, any>}} MarkPlan
 * @typedef {{options: Record<string, any>, marks: MarkPlan[], map?: {code: string, value: string}}} ChartPlan
 */

/** Marks without a colour column take the theme's accent, as the site's other charts do. */
export const ACCENT = "var(--theme-foreground-focus)";
export const MARK_NAMES = ["barX", "barY", "lineY", "dot", "ruleX", "ruleY", "geo", "text"];

/** @param {Kind | null | undefined} kind @returns {FormatName | undefined} */
const formatFor = (kind) => (kind === "year" ? "year" : kind === "number" ? "number" : undefined);
const quantitative = (/** @type {Kind | null | undefined} */ kind) => kind === "number";

/**
 * The distinct years of a column, sorted, every fifth beyond 20: the ticks of a
 * continuous year axis (the default ticks would fall between years).
 * @param {Record<string, any>[]} rows
 * @param {string} name
 */
export function yearTicks(rows, name) {
  const years = [...new Set(rows.map((d) => d[name]))].filter((v) => typeof v === "number").sort((a, b) => a - b);
  return years.filter((v) => years.length <= 20 || v % 5 === 0);
}

/**
 * @param {string} name
 * @param {Kind} kind
 * @param {{rows: Record<string, any>[], continuous: boolean, label?: string | null, extra?: AxisPlan}} options
 * @returns {AxisPlan}
 */
function axis(name, kind, {rows, continuous, label, extra = {}}) {
  /** @type {AxisPlan} */
  const plan = {label: label === undefined || label === null ? name : label, ...extra};
  const format = formatFor(kind);
  if (format) plan.tickFormat = format;
  if (kind === "year" && continuous) plan.ticks = yearTicks(rows, name);
  return plan;
}

/**
 * The tip's formats per channel.
 * @param {ChartSpec} spec
 * @param {string} colorChannel
 */
function tip(spec, colorChannel) {
  /** @type {Record<string, FormatName>} */
  const format = {};
  const x = formatFor(spec.xKind);
  const y = formatFor(spec.yKind);
  const c = spec.color ? formatFor(spec.colorKind) : undefined;
  if (x) format.x = x;
  if (y) format.y = y;
  if (c) format[colorChannel] = c;
  return Object.keys(format).length ? {format} : true;
}

/** @param {string | null} color */
const paint = (color) => color ?? ACCENT;

/**
 * Plot options for `spec` drawn from `rows` at `width` pixels.
 * @param {ChartSpec} spec
 * @param {Record<string, any>[]} rows
 * @param {{width: number}} options
 * @returns {ChartPlan}
 */
export function chartPlan(spec, rows, {width}) {
  const {type, x, y, color, xKind, yKind} = spec;
  const facet = spec.facet ?? null;
  /** @type {Record<string, any>} */
  const options = {width};
  /** @type {MarkPlan[]} */
  const marks = [];
  const categoryLike = (/** @type {Kind} */ kind) => kind === "category" || kind === "year";
  const facets = facet ? {fy: facet} : {};
  if (spec.title) options.title = spec.title;

  if (type === "map") {
    options.projection = {type: "transverse-mercator", rotate: [-15, -62], domain: "features"};
    // Sweden is tall: about 1.5 times as high as wide in this projection, at most 760 pixels.
    options.height = Math.round(Math.min(760, width * 1.5));
    options.width = Math.round(Math.min(width, options.height / 1.5));
    options.color = {type: "quantize", n: 5, scheme: "blues", legend: true, label: spec.yLabel ?? y, tickFormat: formatFor(yKind) ?? "number"};
    // Every kommun drawn (grey where the result has no value), then the values on top.
    marks.push({mark: "geo", data: "features", options: {fill: "var(--theme-foreground-faintest)", stroke: "var(--theme-background)", strokeWidth: 0.4}});
    marks.push({mark: "geo", data: "features", options: {fill: "value", stroke: "var(--theme-background)", strokeWidth: 0.4, tip: true}});
    return {options, marks, map: {code: x, value: y}};
  }

  const bars = type === "bar" || type === "stacked" || type === "grouped";
  if (bars) {
    const horizontal = quantitative(xKind) && !quantitative(yKind);
    const [value, category, valueKind, categoryKind] = horizontal ? [x, y, xKind, yKind] : [y, x, yKind, xKind];
    const fill = paint(color);
    const tipOptions = tip(spec, "fill");
    if (horizontal) {
      const categories = new Set(rows.map((d) => d[category])).size;
      const longest = Math.max(0, ...rows.map((d) => String(d[category] ?? "").length));
      const groups = type === "grouped" && color ? new Set(rows.map((d) => d[color])).size : 1;
      options.height = Math.max(160, 22 * categories * (type === "grouped" ? groups : 1) * (facet ? new Set(rows.map((d) => d[facet])).size : 1) + 60);
      options.marginLeft = Math.min(260, Math.max(60, 12 + 7 * longest));
      options.x = axis(value, valueKind, {rows, continuous: true, label: spec.xLabel, extra: {grid: true, axis: "top"}});
      // The category names say what they are; a rotated label would collide with them.
      options.y = {...axis(category, categoryKind, {rows, continuous: false}), label: spec.yLabel ?? null};
      const sort = categoryKind === "category" && !facet ? {y: "-x"} : undefined;
      /** @type {Record<string, any>} */
      const channels = {x: value, y: category, fill, ...(sort ? {sort} : {}), tip: tipOptions};
      if (type === "grouped" && color) {
        // Grouped: one band per category, a bar per colour inside it.
        Object.assign(channels, {y: color, fy: category});
        options.fy = {label: null, ...(facet ? {} : {})};
        options.y = {axis: null};
        delete channels.sort;
      } else if (facet) Object.assign(channels, {fx: facet});
      if (facet && !(type === "grouped" && color)) options.fx = {label: facet};
      marks.push({mark: "barX", data: "rows", options: channels});
      marks.push({mark: "ruleX", data: [0], options: {}});
    } else {
      options.marginLeft = 64;
      options.x = axis(category, categoryKind, {rows, continuous: false, label: spec.xLabel});
      options.y = axis(value, valueKind, {rows, continuous: true, label: spec.yLabel, extra: {grid: true}});
      const sort = categoryKind === "category" && !facet && type === "bar" ? {x: "-y"} : undefined;
      /** @type {Record<string, any>} */
      const channels = {x: category, y: value, fill, ...(sort ? {sort} : {}), tip: tipOptions, ...facets};
      if (type === "grouped" && color) {
        Object.assign(channels, {x: color, fx: category});
        options.fx = {label: spec.xLabel ?? category, ...(categoryKind === "year" ? {tickFormat: "year"} : {})};
        options.x = {axis: null};
      }
      if (facet) options.fy = {label: facet};
      marks.push({mark: "barY", data: "rows", options: channels});
      marks.push({mark: "ruleY", data: [0], options: {}});
    }
  } else {
    options.marginLeft = 64;
    options.x = axis(x, xKind, {rows, continuous: !categoryLike(xKind) || xKind === "year", label: spec.xLabel});
    options.y = axis(y, yKind, {rows, continuous: !categoryLike(yKind) || yKind === "year", label: spec.yLabel, extra: {grid: true}});
    if (facet) options.fy = {label: facet};
    if (type === "line") {
      if (quantitative(yKind)) marks.push({mark: "ruleY", data: [0], options: {}});
      marks.push({mark: "lineY", data: "rows", options: {x, y, stroke: paint(color), sort: {channel: "x"}, strokeWidth: 2, ...facets}});
      marks.push({mark: "dot", data: "rows", options: {x, y, fill: paint(color), r: 3, tip: tip(spec, "fill"), ...facets}});
    } else {
      marks.push({mark: "dot", data: "rows", options: {x, y, stroke: paint(color), tip: tip(spec, "stroke"), ...facets}});
    }
  }
  if (facet) options.height = Math.max(options.height ?? 0, 140 * new Set(rows.map((d) => d[facet])).size + 60);
  if (color) options.color = {legend: true, ...(spec.colorKind === "category" || spec.colorKind === "year" ? {type: "ordinal"} : {}), ...(spec.colorKind === "year" ? {tickFormat: "year"} : {})};
  return {options, marks};
}
