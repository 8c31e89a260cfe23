// @ts-check
// Downloads of what the comparison tool shows: the table as csv and xlsx, each
// chart as svg and png. All in the browser, nothing leaves the machine.
//
// csv is written by the project's one csv writer (src/lib/csv.js) in its
// Swedish Excel convention: semicolon, decimal comma, UTF-8 with a byte order
// mark, CRLF line ends, and text that would start a formula written as text.
// xlsx is written with ExcelJS (its browser build, bundled from node_modules and
// loaded only when the user asks for a workbook): numbers are numeric cells,
// codes are text cells, so 0180 keeps its leading zero.
import {EXCEL, writeCsv} from "../../lib/csv.js";
import {chartTable, nameChart} from "../charts/a11y.js";

/**
 * Rows as Swedish csv text (with BOM). Columns: {key, label, type: "text" |
 * "number", numFmt?: the Excel number format for toXlsx}.
 * @param {Record<string, any>[]} rows
 * @param {{key: string, label: string, type: string, numFmt?: string}[]} columns
 * @returns {string}
 */
export function toCsv(rows, columns) {
  return writeCsv(rows, columns, EXCEL);
}

/**
 * An xlsx workbook (ArrayBuffer) with the table on the first sheet and, when
 * given, a second sheet "Om uttaget" with [label, text] lines. `ExcelJS` is the
 * module (passed in so node tests can use the node build).
 */
/**
 * @param {any} ExcelJS
 * @param {Record<string, any>[]} rows
 * @param {{key: string, label: string, type: string, numFmt?: string}[]} columns
 * @param {{sheetName?: string, about?: [string, string][]}} [options]
 * @returns {Promise<ArrayBuffer>}
 */
export async function toXlsx(ExcelJS, rows, columns, {sheetName = "Jämförelse", about = []} = {}) {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "Öppna jämförelser – barn och unga";
  workbook.created = new Date();
  const sheet = workbook.addWorksheet(sheetName.slice(0, 31), {views: [{state: "frozen", ySplit: 1}]});
  sheet.columns = columns.map((c) => ({
    header: c.label,
    key: c.key,
    width: Math.min(60, Math.max(10, c.label.length + 2, ...rows.slice(0, 200).map((r) => String(r[c.key] ?? "").length + 2))),
    style: c.type === "number" ? {numFmt: c.numFmt ?? "0.0"} : {numFmt: "@"}
  }));
  sheet.getRow(1).font = {bold: true};
  for (const row of rows) {
    /** @type {Record<string, string | number>} */
    const values = {};
    for (const c of columns) {
      const v = row[c.key];
      if (v === null || v === undefined) continue;
      if (c.type === "number") {
        if (typeof v !== "number" || Number.isNaN(v)) throw new Error(`Kolumnen ${c.label}: väntade ett tal, fick ${JSON.stringify(v)}`);
        values[c.key] = v;
      } else {
        values[c.key] = String(v);
      }
    }
    sheet.addRow(values);
  }
  sheet.autoFilter = {from: {row: 1, column: 1}, to: {row: 1, column: columns.length}};
  if (about.length) {
    const info = workbook.addWorksheet("Om uttaget");
    info.columns = [
      {key: "label", width: 24},
      {key: "text", width: 100}
    ];
    for (const [label, text] of about) info.addRow({label, text});
    info.getColumn(1).font = {bold: true};
    info.getColumn(2).alignment = {wrapText: true, vertical: "top"};
  }
  return workbook.xlsx.writeBuffer();
}

/**
 * Saves a Blob under `filename` through a temporary link.
 * @param {Blob} blob
 * @param {string} filename
 */
export function saveBlob(blob, filename) {
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = filename;
  a.style.display = "none";
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

const SVG_NS = "http://www.w3.org/2000/svg";
const PAINT = ["fill", "stroke", "color", "stop-color"];

/**
 * Copies computed colours onto the clone where the original uses CSS variables or currentColor.
 * @param {Element} original
 * @param {Element} clone
 */
function resolvePaint(original, clone) {
  const style = getComputedStyle(original);
  for (const name of PAINT) {
    const value = clone.getAttribute(name);
    if (value && (value.includes("var(") || value === "currentColor" || value === "currentcolor")) {
      const computed = style.getPropertyValue(name);
      if (computed) clone.setAttribute(name, computed);
    }
  }
  const inline = clone.getAttribute("style");
  if (inline && inline.includes("var(")) {
    clone.setAttribute("style", inline.replace(/(fill|stroke|color)\s*:\s*var\([^;]+\)/g, (/** @type {string} */ _, /** @type {string} */ prop) => `${prop}: ${style.getPropertyValue(prop)}`));
  }
  const children = original.children;
  const cloned = clone.children;
  for (let i = 0; i < children.length && i < cloned.length; i++) resolvePaint(/** @type {Element} */ (children[i]), /** @type {Element} */ (cloned[i]));
}

/** @param {SVGSVGElement} svg */
function svgSize(svg) {
  const box = svg.getBoundingClientRect();
  const width = Number(svg.getAttribute("width")) || box.width || 640;
  const height = Number(svg.getAttribute("height")) || box.height || 400;
  return {width, height};
}

/**
 * @param {string} text
 * @param {{x?: number, y: number, size?: number, weight?: string, fill?: string}} options
 */
function textElement(text, {x = 0, y, size = 12, weight = "normal", fill = "#222"}) {
  const t = document.createElementNS(SVG_NS, "text");
  t.setAttribute("x", String(x));
  t.setAttribute("y", String(y));
  t.setAttribute("font-size", String(size));
  t.setAttribute("font-weight", weight);
  t.setAttribute("fill", fill);
  t.textContent = text;
  return t;
}

/**
 * One standalone SVG from a chart figure: its title (data-title), legends
 * (svg.chart-legend), the chart (svg.chart-main) and a source line, on white,
 * colours resolved, hover tips removed. Returns {svg: string, width, height}.
 * @param {HTMLElement} figure
 * @param {{source?: string}} [options]
 * @returns {{svg: string, width: number, height: number}}
 */
export function figureToSvg(figure, {source = "Källa: Öppna jämförelser – social barn- och ungdomsvård (exempeldata)"} = {}) {
  const main = /** @type {SVGSVGElement | null} */ (figure.querySelector("svg.chart-main") ?? figure.querySelector("svg:not(.chart-legend)"));
  if (!main) throw new Error("Diagrammet saknar svg");
  const parts = [.../** @type {NodeListOf<SVGSVGElement>} */ (figure.querySelectorAll("svg.chart-legend")), main];
  const width = Math.max(...parts.map((p) => svgSize(p).width));
  const pad = 12;
  const root = document.createElementNS(SVG_NS, "svg");
  root.setAttribute("xmlns", SVG_NS);
  root.setAttribute("font-family", "system-ui, -apple-system, 'Segoe UI', Roboto, Arial, sans-serif");
  root.setAttribute("color", "#222");
  const background = document.createElementNS(SVG_NS, "rect");
  background.setAttribute("fill", "white");
  root.append(background);
  let y = pad;
  const title = figure.dataset.title;
  if (title) {
    root.append(textElement(title, {x: pad, y: y + 14, size: 15, weight: "bold"}));
    y += 24;
  }
  const subtitle = figure.dataset.subtitle;
  if (subtitle) {
    root.append(textElement(subtitle, {x: pad, y: y + 12, size: 12, fill: "#555"}));
    y += 20;
  }
  for (const part of parts) {
    const {width: w, height: h} = svgSize(part);
    const clone = /** @type {SVGSVGElement} */ (part.cloneNode(true));
    resolvePaint(part, clone);
    clone.querySelectorAll('g[aria-label="tip"]').forEach((g) => g.remove());
    clone.setAttribute("x", String(pad));
    clone.setAttribute("y", String(y));
    clone.setAttribute("width", String(w));
    clone.setAttribute("height", String(h));
    if (!clone.getAttribute("viewBox")) clone.setAttribute("viewBox", `0 0 ${w} ${h}`);
    clone.removeAttribute("style");
    root.append(clone);
    y += h + 6;
  }
  root.append(textElement(source, {x: pad, y: y + 12, size: 10, fill: "#666"}));
  y += 20;
  const total = {width: width + 2 * pad, height: y + pad / 2};
  background.setAttribute("width", String(total.width));
  background.setAttribute("height", String(total.height));
  root.setAttribute("width", String(total.width));
  root.setAttribute("height", String(total.height));
  root.setAttribute("viewBox", `0 0 ${total.width} ${total.height}`);
  return {svg: `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(root)}`, ...total};
}

/**
 * A PNG Blob of an SVG string at `scale` (2: sharp on high-density screens and in print).
 * @param {{svg: string, width: number, height: number}} image
 * @param {{scale?: number}} [options]
 * @returns {Promise<Blob>}
 */
export async function svgToPng({svg, width, height}, {scale = 2} = {}) {
  const url = URL.createObjectURL(new Blob([svg], {type: "image/svg+xml;charset=utf-8"}));
  try {
    const image = new Image();
    image.decoding = "sync";
    await new Promise((resolve, reject) => {
      image.onload = resolve;
      image.onerror = () => reject(new Error("Kunde inte rita diagrammet som bild"));
      image.src = url;
    });
    const canvas = document.createElement("canvas");
    canvas.width = Math.round(width * scale);
    canvas.height = Math.round(height * scale);
    const context = canvas.getContext("2d");
    if (!context) throw new Error("Kunde inte rita diagrammet som bild");
    context.fillStyle = "white";
    context.fillRect(0, 0, canvas.width, canvas.height);
    context.drawImage(image, 0, 0, canvas.width, canvas.height);
    return await new Promise((resolve, reject) => canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error("Kunde inte skapa png"))), "image/png"));
  } finally {
    URL.revokeObjectURL(url);
  }
}

/**
 * @param {string} label
 * @param {() => unknown} onClick
 * @param {string} [title]
 */
const button = (label, onClick, title) => {
  const b = document.createElement("button");
  b.type = "button";
  b.className = "download-button";
  b.textContent = label;
  if (title) b.title = title;
  b.addEventListener("click", async () => {
    b.disabled = true;
    try {
      await onClick();
    } catch (error) {
      console.warn(error);
      alert(`Nedladdningen misslyckades: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      b.disabled = false;
    }
  });
  return b;
};

/**
 * "Ladda ner: SVG PNG" for a chart figure; `name` is the file name without extension.
 * @param {HTMLElement} figure
 * @param {string} name
 */
export function chartDownloads(figure, name) {
  const bar = document.createElement("div");
  bar.className = "download-bar";
  bar.append(
    Object.assign(document.createElement("span"), {textContent: "Ladda ner diagrammet:"}),
    button("SVG", () => saveBlob(new Blob([figureToSvg(figure).svg], {type: "image/svg+xml"}), `${name}.svg`), "Vektorbild, för rapporter och vidare redigering"),
    button("PNG", async () => saveBlob(await svgToPng(figureToSvg(figure)), `${name}.png`), "Bild i dubbel upplösning")
  );
  return bar;
}

/**
 * "Ladda ner tabellen: CSV Excel" for rows and columns; `about` goes to the workbook's second sheet.
 * @param {() => Record<string, any>[]} getRows
 * @param {{key: string, label: string, type: string, numFmt?: string}[]} columns
 * @param {string} name
 * @param {{about?: () => [string, string][], label?: string}} [options]
 */
export function tableDownloads(getRows, columns, name, {about = () => [], label = "Ladda ner tabellen:"} = {}) {
  const bar = document.createElement("div");
  bar.className = "download-bar";
  bar.append(
    Object.assign(document.createElement("span"), {textContent: label}),
    button("CSV", () => saveBlob(new Blob([toCsv(getRows(), columns)], {type: "text/csv;charset=utf-8"}), `${name}.csv`), "Semikolonavgränsad, decimalkomma, UTF-8"),
    button(
      "Excel",
      async () => {
        const ExcelJS = (await import("exceljs")).default;
        const buffer = await toXlsx(ExcelJS, getRows(), columns, {about: about()});
        saveBlob(new Blob([buffer], {type: XLSX_TYPE}), `${name}.xlsx`);
      },
      "Excel-arbetsbok (xlsx): tal som tal, koder som text"
    )
  );
  return bar;
}

/**
 * A chart in a figure with a title, the chart (class chart-main), optional
 * legend and caption, its "Visa som tabell" alternative and SVG/PNG buttons.
 * `chart` is an SVG element; the title becomes its accessible name.
 * @param {Element} chart
 * @param {{title?: string, subtitle?: string, legend?: Element | null, caption?: string, name?: string, className?: string}} [options]
 * @returns {HTMLElement}
 */
export function chartFigure(chart, {title, subtitle, legend, caption, name, className = ""} = {}) {
  const figure = document.createElement("figure");
  figure.className = `compare-chart ${className}`.trim();
  if (title) figure.dataset.title = title;
  if (subtitle) figure.dataset.subtitle = subtitle;
  chart.classList.add("chart-main");
  if (title) nameChart(chart, subtitle ? `${title} (${subtitle})` : title);
  if (legend) {
    // The chart's description and table say what the legend shows.
    legend.setAttribute("aria-hidden", "true");
    figure.append(legend);
  }
  figure.append(chart);
  if (caption) {
    const figcaption = document.createElement("figcaption");
    figcaption.className = "caption";
    figcaption.textContent = caption;
    figure.append(figcaption);
  }
  const table = chartTable(chart, {caption: title});
  if (table) figure.append(table);
  figure.append(chartDownloads(figure, name ?? "diagram"));
  return figure;
}
