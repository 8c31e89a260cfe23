// @ts-check
// The chart of a result: controls for the chart spec (type, columns, colour,
// small multiples, title and axis labels) above the chart, redrawn when the
// spec or the panel's width changes. A map is offered when the result has a
// column of area codes.
import {formatNumber} from "../../lib/format.js";
import {CHART_TYPE_LABELS, CHART_TYPES, chartProblem, MAX_LABEL_LENGTH} from "../../lib/notebook/chart.js";
import {drawChart} from "./chartDraw.js";
import {el} from "./dom.js";

/** @typedef {import("../../lib/notebook/chart.js").ChartSpec} ChartSpec */

/**
 * @param {{spec: ChartSpec, columns: {name: string, type: string}[], rows: Record<string, any>[], rowCount: number, limit: number,
 *   mapAvailable: boolean, boundaries: () => Promise<any>, onChange: (change: Partial<ChartSpec>) => void, onRemove: () => void}} options
 * @returns {{node: HTMLElement, dispose: () => void}}
 */
export function chartPanel({spec, columns, rows, rowCount, limit, mapAvailable, boundaries, onChange, onRemove}) {
  const select = (/** @type {string} */ label, /** @type {string} */ channel, /** @type {[string | null, string][]} */ options, /** @type {string | null | undefined} */ value) =>
    el(
      "label",
      {},
      label,
      el(
        "select",
        {"data-channel": channel, onchange: (/** @type {Event} */ e) => onChange({[channel]: /** @type {HTMLSelectElement} */ (e.target).value || null})},
        ...options.map(([v, text]) => el("option", {value: v ?? "", selected: (v ?? "") === (value ?? "")}, text))
      )
    );
  const text = (/** @type {string} */ label, /** @type {"title" | "xLabel" | "yLabel"} */ key, /** @type {string} */ placeholder) =>
    el(
      "label",
      {class: "nb-chart-text"},
      label,
      el("input", {
        type: "text",
        "data-channel": key,
        maxlength: String(MAX_LABEL_LENGTH),
        value: spec[key] ?? "",
        placeholder,
        onchange: (/** @type {Event} */ e) => onChange({[key]: /** @type {HTMLInputElement} */ (e.target).value.trim() || null})
      })
    );
  /** @type {[string, string][]} */
  const names = columns.map((c) => [c.name, c.name]);
  const types = CHART_TYPES.filter((t) => t !== "map" || mapAvailable || spec.type === "map");
  const controls = el(
    "div",
    {class: "nb-chart-controls"},
    select("Typ", "type", types.map((t) => [t, CHART_TYPE_LABELS[t]]), spec.type),
    select(spec.type === "map" ? "Kod" : "x", "x", names, spec.x),
    select(spec.type === "map" ? "Värde" : "y", "y", names, spec.y),
    spec.type === "map" ? null : select("Färg", "color", [[null, "ingen"], ...names], spec.color),
    spec.type === "map" ? null : select("Små diagram per", "facet", [[null, "inga"], ...names], spec.facet ?? null),
    text("Rubrik", "title", "Ingen rubrik"),
    spec.type === "map" ? null : text("x-axel", "xLabel", spec.x),
    text(spec.type === "map" ? "Förklaring" : "y-axel", "yLabel", spec.y),
    el("button", {type: "button", class: "nb-link", "data-action": "remove-chart", onclick: onRemove}, "Ta bort diagrammet")
  );
  const figure = el("div", {class: "nb-chart"});
  let drawn = 0;
  const draw = async () => {
    const problem = chartProblem(spec, columns);
    if (problem) return figure.replaceChildren(el("p", {class: "nb-error"}, problem));
    const turn = ++drawn;
    try {
      const width = Math.max(320, Math.min(figure.clientWidth || 720, 1100));
      const geo = spec.type === "map" ? await boundaries() : null;
      if (turn !== drawn) return;
      figure.replaceChildren(drawChart(spec, rows, {width, boundaries: geo}));
    } catch (error) {
      figure.replaceChildren(el("p", {class: "nb-error"}, `Diagrammet kunde inte ritas: ${/** @type {Error} */ (error).message}`));
    }
  };
  let lastWidth = 0;
  const observer = new ResizeObserver(([entry]) => {
    const width = Math.round(entry?.contentRect.width ?? 0);
    if (width && Math.abs(width - lastWidth) > 8) {
      lastWidth = width;
      draw();
    }
  });
  observer.observe(figure);
  const node = el(
    "div",
    {class: "nb-chart-panel"},
    controls,
    figure,
    rowCount > limit ? el("p", {class: "nb-cap-note"}, `Diagrammet visar de första ${formatNumber(limit)} av ${formatNumber(rowCount)} raderna.`) : ""
  );
  return {node, dispose: () => observer.disconnect()};
}
