// @ts-check
// What a cell shows once it has a result table in DuckDB: a summary line with
// actions (chart, downloads), the chart panel when the cell has a chart, and
// the first rows as a sortable table. The rows on screen are one page of the
// table, sorted and paged by SQL, so a result of any size stays responsive.
import {formatNumber} from "../../lib/format.js";
import {columnKind, defaultChart, isAreaCodeColumn} from "../../lib/notebook/chart.js";
import {durationText, rowsText} from "../../lib/notebook/display.js";
import {describeError} from "../../lib/notebook/errors.js";
import {chartPanel} from "./chartPanel.js";
import {el} from "./dom.js";
import {downloadResult} from "./resultDownloads.js";
import {reshapeMenu} from "./reshapeMenu.js";
import {CHART_LIMIT} from "./engine.js";
import {resultTable} from "./resultTable.js";
import {CSV_NOTE} from "./sidePanel.js";

/** @typedef {{kind: "table", name: string, rowCount: number, columns: {name: string, type: string}[], ms: number, rows: Record<string, any>[]}} TableResult */

export class ResultView {
  /**
   * @param {{cell: {name: string, chart?: any}, engine: () => any, save: () => void, say: (message: string, options?: any) => void, status: HTMLElement, output: HTMLElement,
   *   onError: (info: any) => void, boundaries: () => Promise<any>, addCode: (code: string, title: string) => void}} host
   */
  constructor(host) {
    this.host = host;
    /** @type {TableResult | null} */
    this.result = null;
    /** @type {Record<string, any>[] | null} */
    this.chartRows = null;
    /** @type {string | null} */
    this.sort = null;
    this.descending = false;
    /** @type {{node: HTMLElement, dispose: () => void} | null} */
    this.chart = null;
  }

  /** Shows a new result: its first page of rows (and the chart's rows when the cell has a chart). */
  async show(/** @type {Omit<TableResult, "rows">} */ result) {
    const engine = this.host.engine();
    const rows = await engine.page(result.name);
    this.sort = null;
    this.descending = false;
    this.chartRows = null;
    this.result = {...result, rows};
    if (this.host.cell.chart) await this.loadChartRows();
    this.render();
  }

  async loadChartRows() {
    const result = /** @type {TableResult} */ (this.result);
    this.chartRows = result.rowCount <= result.rows.length ? result.rows : await this.host.engine().page(result.name, {limit: CHART_LIMIT});
  }

  /** Kinds of the result's columns ("year", "number", …). */
  kinds() {
    const rows = this.chartRows ?? this.result?.rows ?? [];
    return Object.fromEntries((this.result?.columns ?? []).map((c) => [c.name, columnKind(c, rows)]));
  }

  render() {
    const result = /** @type {TableResult} */ (this.result);
    const {cell, status, output} = this.host;
    // data-ms: the query's own time, unrounded (bench/explore.ts reads it).
    const summary = el("span", {class: "nb-summary", "data-ms": String(result.ms), "data-rows": String(result.rowCount)}, `${rowsText(result.rowCount)} · ${durationText(result.ms)}`);
    const get = (/** @type {"csv" | "csv-excel" | "xlsx"} */ format) => (/** @type {Event} */ event) => {
      /** @type {HTMLElement} */ (event.target).closest("details")?.removeAttribute("open");
      this.download(format);
    };
    const actions = el(
      "span",
      {class: "nb-result-actions"},
      cell.chart ? null : el("button", {type: "button", "data-action": "chart", onclick: () => this.addChart()}, "Visa som diagram"),
      reshapeMenu({name: result.name, columns: result.columns, onCode: (code, title) => this.host.addCode(code, title)}),
      el(
        "details",
        {class: "nb-menu"},
        el("summary", {"data-action": "downloads"}, "Ladda ner"),
        el(
          "div",
          {class: "nb-menu-body"},
          el("button", {type: "button", "data-action": "xlsx", onclick: get("xlsx")}, "Excel (xlsx): tal som tal, koder som text"),
          el("button", {type: "button", "data-action": "csv-excel", title: CSV_NOTE, onclick: get("csv-excel")}, "CSV för svensk Excel (semikolon, decimalkomma)"),
          el("button", {type: "button", "data-action": "csv", title: CSV_NOTE, onclick: get("csv")}, "CSV för program (RFC 4180, komma, punkt)")
        )
      )
    );
    status.replaceChildren(summary, el("span", {class: "nb-muted"}, ` · tabellen ${result.name}`), actions);
    this.chart?.dispose();
    this.chart = cell.chart
      ? chartPanel({
          spec: cell.chart,
          columns: result.columns,
          rows: this.chartRows ?? result.rows,
          rowCount: result.rowCount,
          mapAvailable: result.columns.some((c) => isAreaCodeColumn(c, this.chartRows ?? result.rows)),
          boundaries: this.host.boundaries,
          limit: CHART_LIMIT,
          onChange: (change) => this.updateChart(change),
          onRemove: () => {
            cell.chart = null;
            this.host.save();
            this.render();
          }
        })
      : null;
    const capped = result.rowCount > result.rows.length;
    output.replaceChildren(
      this.chart?.node ?? "",
      resultTable(result.rows, result.columns, {label: `Resultatet av ${cell.name}`, sort: this.sort, descending: this.descending, onSort: (column) => this.sortBy(column)}),
      capped
        ? el(
            "p",
            {class: "nb-cap-note"},
            `Visar de första ${formatNumber(result.rows.length)} av ${formatNumber(result.rowCount)} raderna${this.sort ? `, sorterade efter ${this.sort}` : ""}. Ladda ner CSV för alla rader, eller fråga tabellen ${result.name} i en ny cell.`
          )
        : ""
    );
  }

  /** Ascending, then descending, then the query's own order. */
  async sortBy(/** @type {string} */ column) {
    if (this.sort !== column) [this.sort, this.descending] = [column, false];
    else if (!this.descending) this.descending = true;
    else [this.sort, this.descending] = [null, false];
    const result = /** @type {TableResult} */ (this.result);
    try {
      result.rows = await this.host.engine().page(result.name, {sort: this.sort, descending: this.descending});
      this.render();
      /** @type {HTMLElement | null} */ (this.host.output.querySelector(`th[aria-sort="${this.descending ? "descending" : "ascending"}"] button`))?.focus();
    } catch (error) {
      this.host.onError(describeError(error));
    }
  }

  /** Every row of the result as a file. @param {"csv" | "csv-excel" | "xlsx"} format */
  async download(format) {
    const result = /** @type {TableResult} */ (this.result);
    try {
      await downloadResult(format, result.name, result.columns, await this.host.engine().rows(result.name));
    } catch (error) {
      this.host.say(`Filen kunde inte skapas: ${describeError(error).detail}`, {kind: "error"});
    }
  }

  async addChart() {
    if (!this.chartRows) await this.loadChartRows();
    const result = /** @type {TableResult} */ (this.result);
    const spec = defaultChart(result.columns, this.chartRows ?? []);
    if (!spec) {
      this.host.say(`${this.host.cell.name} har ingen numerisk kolumn att rita. Ett diagram behöver minst en kolumn med tal.`, {kind: "error"});
      return;
    }
    this.host.cell.chart = spec;
    this.host.save();
    this.render();
  }

  updateChart(/** @type {Record<string, any>} */ change) {
    const kinds = this.kinds();
    const next = {...this.host.cell.chart, ...change};
    next.xKind = kinds[next.x] ?? next.xKind;
    next.yKind = kinds[next.y] ?? next.yKind;
    next.colorKind = next.color ? kinds[next.color] ?? "category" : null;
    // Axis labels follow the columns unless the analyst typed their own.
    if (change.x && this.host.cell.chart?.xLabel === undefined) delete next.xLabel;
    this.host.cell.chart = next;
    this.host.save();
    this.render();
  }

  dispose() {
    this.chart?.dispose();
  }
}
