// @ts-check
// The notebook being edited: its cells and their views, the engine, saving to
// the browser, and what happens to later cells when an earlier one changes.
// The app builds the layout around it; cell views report to it.
import {columnKind} from "../../lib/notebook/chart.js";
import {columnStyle} from "../../lib/notebook/display.js";
import {cellReferences, dependencyGraph, dependentsOf} from "../../lib/notebook/graph.js";
import {moveCell, newCell} from "../../lib/notebook/model.js";
import {CellView} from "./cellView.js";
import {completionSchema} from "./editor.js";

/** @typedef {import("../../lib/notebook/model.js").Notebook} Notebook */
/** @typedef {import("../../lib/notebook/model.js").Cell & {id: string}} Cell */
/** @typedef {{getItem(key: string): string | null, setItem(key: string, value: string): void, removeItem(key: string): void}} Storage */

export class NotebookSession {
  /**
   * @param {{tableNames: string[], descriptions: Record<string, any>, catalog: Record<string, {name: string, type: string}[]>, save: (notebook: any) => void,
   *   cellsNode: HTMLElement, say: (message: string, options?: any) => void, onCellsChanged: () => void, sandboxUrl: string, boundariesUrl?: string | null}} options
   */
  constructor({tableNames, descriptions, catalog, save, cellsNode, say, onCellsChanged, sandboxUrl, boundariesUrl = null}) {
    this.tableNames = tableNames;
    this.descriptions = descriptions;
    this.catalog = catalog;
    this.save = save;
    this.sandboxUrl = sandboxUrl;
    this.boundariesUrl = boundariesUrl;
    /** @type {Promise<any> | null} */
    this.boundaryData = null;
    /** Cells about to run in a batch (run all, an input's dependents): not re-rendered on the way. @type {Set<string>} */
    this.scheduled = new Set();
    /** Jupyter's execution counter: each run gets the next number. */
    this.count = 0;
    /** @type {Promise<{code: string, name: string}[]> | null} */
    this.unitList = null;
    /** @type {Promise<number[]> | null} */
    this.yearList = null;
    this.cellsNode = cellsNode;
    this.say = say;
    this.onCellsChanged = onCellsChanged;
    /** @type {{title: string, cells: Cell[]}} */
    this.notebook = {title: "", cells: []};
    /** False until the first notebook is shown: nothing to save before. */
    this.loaded = false;
    /** @type {Map<string, CellView>} */
    this.views = new Map();
    /** @type {any} */
    this.engine = null;
    /** @type {string | null} */
    this.activeId = null;
    /** @type {ReturnType<typeof setTimeout> | undefined} */
    this.saveTimer = undefined;
    /** @type {(value?: unknown) => void} */
    let resolve = () => {};
    /** Resolves once the engine is open (or failed to open). */
    this.ready = new Promise((ok) => (resolve = ok));
    this.markReady = resolve;
  }

  scheduleSave() {
    clearTimeout(this.saveTimer);
    this.saveTimer = setTimeout(() => this.saveNow(), 250);
  }

  saveNow() {
    clearTimeout(this.saveTimer);
    if (!this.loaded) return;
    try {
      this.save(this.notebook);
    } catch (error) {
      this.say(`Anteckningsboken kunde inte sparas i webbläsaren: ${/** @type {Error} */ (error).message}. Spara den som fil för att inte förlora den.`, {kind: "error"});
    }
  }

  /** @param {string} id */
  cellIndex(id) {
    return this.notebook.cells.findIndex((c) => c.id === id);
  }

  /** The views of the notebook's cells, in order. */
  orderedViews() {
    return this.notebook.cells.map((c) => this.views.get(c.id)).filter((v) => v !== undefined);
  }

  renderCells() {
    const wanted = new Set(this.notebook.cells.map((c) => c.id));
    for (const [id, view] of this.views) {
      if (!wanted.has(id)) {
        view.destroy();
        this.views.delete(id);
      }
    }
    this.notebook.cells.forEach((cell, i) => {
      let view = this.views.get(cell.id);
      if (!view) this.views.set(cell.id, (view = new CellView(this, cell)));
      view.setIndex(i, this.notebook.cells.length);
    });
    this.cellsNode.replaceChildren(...this.orderedViews().map((v) => v.node));
    this.onCellsChanged();
  }

  renderResultsList() {
    this.onCellsChanged();
  }

  nextCount() {
    return ++this.count;
  }

  /**
   * @param {number} index
   * @param {string} sql
   * @param {{title?: string, run?: boolean, init?: import("../../lib/notebook/model.js").CellInit}} [options]
   */
  addCell(index, sql, {title = "", run = false, init = {}} = {}) {
    const cell = newCell(this.notebook.cells, {sql, title, ...init});
    this.notebook.cells.splice(index, 0, cell);
    this.renderCells();
    this.scheduleSave();
    const view = /** @type {CellView} */ (this.views.get(cell.id));
    view.focus();
    if (run) view.run();
    return view;
  }

  /** @param {Cell} cell */
  async removeCell(cell) {
    const index = this.cellIndex(cell.id);
    if (index === -1) return;
    this.notebook.cells.splice(index, 1);
    this.renderCells();
    this.scheduleSave();
    await this.engine?.drop(cell.name).catch(() => {});
    this.markDependents(cell.name, "removed");
    this.refreshCatalog();
    this.say(`Cellen ${cell.name} togs bort.`, {
      actions: [
        [
          "Ångra",
          () => {
            this.notebook.cells.splice(Math.min(index, this.notebook.cells.length), 0, cell);
            this.renderCells();
            this.scheduleSave();
            this.say("");
            this.views.get(cell.id)?.run();
          }
        ]
      ]
    });
  }

  /** @param {Cell} cell @param {number} delta */
  move(cell, delta) {
    const index = this.cellIndex(cell.id);
    this.notebook.cells = moveCell(this.notebook.cells, index, index + delta);
    this.renderCells();
    this.scheduleSave();
    this.views.get(cell.id)?.focusButton(delta < 0 ? "up" : "down");
  }

  /**
   * Later cells that read `name` (directly or through others) now show
   * results built on an older version of it.
   * @param {string} name
   * @param {"removed" | "rerun"} reason
   */
  markDependents(name, reason) {
    const index = this.notebook.cells.findIndex((c) => c.name === name);
    this.notebook.cells.forEach((cell, i) => {
      if (reason !== "removed" && i <= index) return;
      const view = this.views.get(/** @type {string} */ (cell.id));
      if (view?.hasResult() && cellReferences(cell, [name]).length) view.markStale(name, reason);
    });
  }

  /** @param {string} name a cell with a result table in DuckDB */
  hasTable(name) {
    return this.orderedViews().some((v) => v.cell.name === name && v.result);
  }

  /**
   * The inputs above `cell`, by name: what $name in its SQL is bound to.
   * @param {Cell} cell
   * @returns {Record<string, string | number | null>}
   */
  valuesFor(cell) {
    const index = this.cellIndex(/** @type {string} */ (cell.id));
    return Object.fromEntries(this.notebook.cells.slice(0, index).filter((c) => c.type === "input").map((c) => [c.name, c.input?.value ?? null]));
  }

  /**
   * What a Markdown cell's ${…} can read: results above it (the rows on
   * screen, with each column's number style) and inputs.
   * @param {Cell} cell
   */
  scopeFor(cell) {
    const index = this.cellIndex(/** @type {string} */ (cell.id));
    /** @type {Record<string, any>} */
    const results = {};
    for (const view of this.orderedViews().slice(0, index)) {
      const result = view.result;
      if (!result) continue;
      const styles = Object.fromEntries(result.columns.map((c) => [c.name, columnStyle(c, result.rows, columnKind(c, result.rows)).style]));
      results[view.cell.name] = {rows: result.rows, columns: result.columns, styles};
    }
    const inputStyles = Object.fromEntries(this.notebook.cells.filter((c) => c.type === "input" && c.input?.kind === "year").map((c) => [c.name, "year"]));
    return {results, inputs: this.valuesFor(cell), inputStyles};
  }

  /** Kommuner and stadsdelar for the search of input cells, by name. */
  units() {
    this.unitList ??= this.ready.then(() =>
      this.engine ? this.engine.query("SELECT code, name FROM areas WHERE level IN ('kommun', 'stadsdel') ORDER BY name") : []
    );
    return this.unitList;
  }

  /** The kommun boundaries (GeoJSON) for map charts, read once; null when the page has none. */
  boundaries() {
    if (!this.boundariesUrl) return Promise.resolve(null);
    this.boundaryData ??= fetch(this.boundariesUrl).then((r) => (r.ok ? r.json() : null));
    return this.boundaryData;
  }

  /** The years the observations cover, for year inputs. */
  years() {
    this.yearList ??= this.ready.then(async () =>
      this.engine ? (await this.engine.query("SELECT DISTINCT year FROM observations ORDER BY year")).map((/** @type {any} */ r) => Number(r.year)) : []
    );
    return this.yearList;
  }

  /**
   * After a cell ran: Markdown that reads it re-renders at once (cheap, and
   * what a reader expects); other cells that read it are marked stale.
   * @param {Cell} cell
   */
  afterRun(cell) {
    const downstream = new Set(dependentsOf(this.notebook.cells, cell.name));
    for (const view of this.orderedViews()) {
      if (!downstream.has(view.cell.name) || this.scheduled.has(view.cell.name)) continue;
      if (view.cell.type === "markdown" && view.node.dataset.state === "done") view.run();
    }
    this.markDependents(cell.name, "rerun");
    this.refreshCatalog();
  }

  /**
   * An input's value changed: re-run the cells downstream of it, in order,
   * and nothing else. A cell that fails stops those below it that depend on it.
   * @param {Cell} cell
   */
  async inputChanged(cell) {
    const downstream = dependentsOf(this.notebook.cells, cell.name);
    this.scheduled = new Set(downstream);
    await this.views.get(/** @type {string} */ (cell.id))?.run();
    await this.runCells(downstream);
  }

  /**
   * Runs the named cells in notebook order (waiting for a running query first).
   * @param {string[]} names
   */
  async runCells(names) {
    const wanted = new Set(names);
    const failed = new Set();
    const graph = dependencyGraph(this.notebook.cells);
    while (this.engine?.running) await this.engine.idle();
    this.scheduled = new Set(names);
    for (const view of this.orderedViews()) {
      if (!wanted.has(view.cell.name)) continue;
      this.scheduled.delete(view.cell.name);
      const blockedBy = (graph.get(view.cell.name) ?? []).find((dep) => failed.has(dep));
      if (blockedBy) {
        view.setWaiting(`Kördes inte: ${blockedBy} gav ett fel.`);
        failed.add(view.cell.name);
        continue;
      }
      if (!(await view.run())) failed.add(view.cell.name);
    }
    this.scheduled.clear();
  }

  async refreshCatalog() {
    if (!this.engine) return;
    try {
      this.catalog = await this.engine.catalog();
    } catch {
      return;
    }
    const completion = completionSchema(this.catalog, this.descriptions);
    for (const view of this.views.values()) view.editor.setSchema(completion);
    this.onCellsChanged();
  }

  /**
   * The worker was restarted to stop `cancelled`'s query: every result table is
   * gone. Cells above it are run again (they worked before); cells below it wait.
   * @param {CellView} cancelled
   */
  async afterRestart(cancelled) {
    cancelled.showError({
      title: "Frågan avbröts",
      message: "Den stannade inte av sig själv, så DuckDB startades om. Cellerna ovanför körs om; cellerna nedanför behöver köras igen.",
      cancelled: true
    });
    const index = this.cellIndex(cancelled.cell.id);
    const views = this.orderedViews();
    for (const view of views.slice(index + 1)) view.setWaiting("DuckDB startades om när en fråga avbröts. Kör cellen igen.");
    for (const view of views.slice(0, index)) view.setWaiting("Körs om efter omstarten…");
    this.onCellsChanged();
    for (const view of views.slice(0, index)) if (!(await view.run())) break;
  }

  /** Ends DuckDB's worker and runs the whole notebook again in a new one (Jupyter's "Restart & Run All"). */
  async restart() {
    if (!this.engine) return false;
    for (const view of this.orderedViews()) view.setWaiting("Startar om…");
    await this.engine.restart();
    this.count = 0;
    for (const view of this.orderedViews()) view.indexLabel.textContent = "[ ]";
    return this.runAll();
  }

  /** Runs every cell from the top; stops at the first that fails. Resolves true when all ran. */
  async runAll() {
    this.scheduled = new Set(this.notebook.cells.map((c) => c.name));
    for (const view of this.orderedViews()) {
      this.scheduled.delete(view.cell.name);
      if (!(await view.run())) {
        this.scheduled.clear();
        const rest = this.notebook.cells.slice(this.cellIndex(view.cell.id) + 1);
        for (const later of rest) this.views.get(later.id)?.setWaiting(`Kördes inte: ${view.cell.name} gav ett fel.`);
        return false;
      }
    }
    return true;
  }

  /**
   * Shows another notebook in place of the current one (its result tables are dropped first).
   * @param {{title: string, cells: Cell[]}} next
   */
  async replace(next) {
    for (const view of this.views.values()) view.destroy();
    this.views.clear();
    const previous = this.notebook.cells ?? [];
    this.notebook = next;
    this.loaded = true;
    this.renderCells();
    this.saveNow();
    if (!this.engine) return;
    // The old notebook's result tables go first: a new cell may have the same name.
    for (const cell of previous) await this.engine.drop(cell.name).catch(() => {});
  }

  /** Inserts text into the cell being edited (or the last one, or a new one). @param {string} text */
  insertIntoActive(text) {
    const view = this.views.get(this.activeId ?? "") ?? this.views.get(this.notebook.cells.at(-1)?.id ?? "");
    if (view) view.editor.insert(text);
    else this.addCell(0, text);
  }

  dispose() {
    this.saveNow();
    for (const view of this.views.values()) view.destroy();
    this.engine?.close();
  }
}
