// @ts-check
// Every chart is an image with a name and a description (its key figures, from
// src/lib/charts/describe.js), and has a table with the same data behind a
// "Visa som tabell" disclosure: for screen readers, keyboard users and anyone
// who wants the numbers.
//
// A chart function calls describeChart(); the table goes with the chart it was
// made for (chartTable reads it back), so a page or figure cannot pair a chart
// with another chart's numbers.

const SVG_NS = "http://www.w3.org/2000/svg";

/** @type {WeakMap<Element, import("../../lib/charts/describe.js").ChartTable>} */
const tables = new WeakMap();

/** The chart's drawing: the element itself when it is an <svg>, else its Plot <svg> (a chart with its legend). @param {Element} chart */
function mainSvg(chart) {
  if (chart.tagName.toLowerCase() === "svg") return chart;
  return chart.querySelector("svg:not(.chart-legend)") ?? chart;
}

/**
 * Makes `chart` an image named `label` and described by `text.description`
 * (an SVG <desc>), and keeps `text.table` for chartTable(). Plot's own labelled
 * groups are hidden from assistive technology: the image is read as a whole.
 * @template {Element} C
 * @param {C} chart an <svg>, or an element holding one
 * @param {{label: string, text?: import("../../lib/charts/describe.js").ChartText}} options
 * @returns {C}
 */
export function describeChart(chart, {label, text}) {
  const svg = mainSvg(chart);
  svg.setAttribute("role", "img");
  svg.setAttribute("aria-label", label);
  for (const g of svg.querySelectorAll(":scope > g[aria-label]")) g.setAttribute("aria-hidden", "true");
  chart.querySelector("svg.chart-legend")?.setAttribute("aria-hidden", "true");
  if (text) {
    let desc = svg.querySelector(":scope > desc");
    if (!desc) {
      desc = svg.ownerDocument.createElementNS(SVG_NS, "desc");
      svg.prepend(desc);
    }
    desc.textContent = text.description;
    tables.set(chart, text.table);
    if (svg !== chart) tables.set(svg, text.table);
  }
  return chart;
}

/** Renames a described chart (a figure knows a better title than the chart). @param {Element} chart @param {string} label */
export function nameChart(chart, label) {
  mainSvg(chart).setAttribute("aria-label", label);
}

/**
 * The "Visa som tabell" disclosure of a chart described by describeChart, or
 * null for a chart without a table. The table is built when first opened (a
 * dot strip's has a row per unit).
 * @param {Element} chart
 * @param {{caption?: string}} [options] caption: default the chart's name
 * @returns {HTMLDetailsElement | null}
 */
export function chartTable(chart, options = {}) {
  const table = tables.get(chart);
  if (!table) return null;
  const caption = options.caption ?? mainSvg(chart).getAttribute("aria-label") ?? undefined;
  const document = chart.ownerDocument;
  const details = document.createElement("details");
  details.className = "chart-table";
  const summary = document.createElement("summary");
  summary.textContent = "Visa som tabell";
  details.append(summary);
  const build = () => {
    if (details.querySelector("table")) return;
    // A wide table scrolls; the keyboard must reach it to scroll it.
    const scroll = document.createElement("div");
    scroll.className = "table-scroll";
    scroll.tabIndex = 0;
    scroll.setAttribute("role", "region");
    scroll.setAttribute("aria-label", caption ? `Tabell: ${caption}` : "Tabell");
    const element = document.createElement("table");
    if (caption) element.createCaption().textContent = caption;
    const head = element.createTHead().insertRow();
    table.columns.forEach((c, i) => {
      const th = document.createElement("th");
      th.scope = "col";
      th.textContent = c;
      if (table.numeric[i]) th.className = "num";
      head.append(th);
    });
    const body = element.createTBody();
    for (const row of table.rows) {
      const tr = body.insertRow();
      row.forEach((cell, i) => {
        const td = document.createElement(i === 0 ? "th" : "td");
        if (i === 0) td.setAttribute("scope", "row");
        td.textContent = cell;
        if (table.numeric[i]) td.className = "num";
        tr.append(td);
      });
    }
    scroll.append(element);
    details.append(scroll);
  };
  details.addEventListener("toggle", () => details.open && build());
  return details;
}

/**
 * A chart and its table, for a page that shows a chart outside a figure.
 * @param {Element} chart
 * @param {{caption?: string}} [options]
 * @returns {HTMLElement}
 */
export function withTable(chart, options = {}) {
  const document = chart.ownerDocument;
  const wrapper = document.createElement("div");
  wrapper.className = "chart-block";
  wrapper.append(chart);
  const details = chartTable(chart, options);
  if (details) wrapper.append(details);
  return wrapper;
}
