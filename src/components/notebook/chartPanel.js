// The chart of a result: controls for the chart spec (type, columns, colour)
// above the chart, redrawn when the spec or the panel's width changes.
import {formatNumber} from "../../lib/format.js";
import {CHART_TYPE_LABELS, CHART_TYPES, chartProblem} from "../../lib/notebook/chart.js";
import {drawChart} from "./chartDraw.js";
import {el} from "./dom.js";

/** @typedef {import("../../lib/notebook/chart.js").ChartSpec} ChartSpec */

/**
 * @param {{spec: ChartSpec, columns: {name: string, type: string}[], rows: Record<string, any>[], rowCount: number, limit: number,
 *   onChange: (change: Partial<ChartSpec>) => void, onRemove: () => void}} options
 * @returns {{node: HTMLElement, dispose: () => void}}
 */
export function chartPanel({spec, columns, rows, rowCount, limit, onChange, onRemove}) {
  const select = (/** @type {string} */ label, /** @type {string} */ channel, /** @type {[string | null, string][]} */ options, /** @type {string | null} */ value) =>
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
  /** @type {[string, string][]} */
  const names = columns.map((c) => [c.name, c.name]);
  const controls = el(
    "div",
    {class: "nb-chart-controls"},
    select("Typ", "type", CHART_TYPES.map((t) => [t, CHART_TYPE_LABELS[t]]), spec.type),
    select("x", "x", names, spec.x),
    select("y", "y", names, spec.y),
    select("Färg", "color", [[null, "ingen"], ...names], spec.color),
    el("button", {type: "button", class: "nb-link", "data-action": "remove-chart", onclick: onRemove}, "Ta bort diagrammet")
  );
  const figure = el("div", {class: "nb-chart"});
  const draw = () => {
    const problem = chartProblem(spec, columns);
    if (problem) return figure.replaceChildren(el("p", {class: "nb-error"}, problem));
    try {
      const width = Math.max(320, Math.min(figure.clientWidth || 720, 1100));
      figure.replaceChildren(drawChart(spec, rows, {width}));
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
