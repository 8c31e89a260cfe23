// The notebook being edited: its cells and their views, the engine, saving to
// the browser, and what happens to later cells when an earlier one changes.
// The app builds the layout around it; cell views report to it.
import {moveCell, newCell} from "../../lib/notebook/model.js";
import {saveStored} from "../../lib/notebook/serialize.js";
import {referencedNames} from "../../lib/notebook/sqlText.js";
import {CellView} from "./cellView.js";
import {completionSchema} from "./editor.js";

/** @typedef {import("../../lib/notebook/model.js").Notebook} Notebook */
/** @typedef {import("../../lib/notebook/model.js").Cell & {id: string}} Cell */
/** @typedef {{getItem(key: string): string | null, setItem(key: string, value: string): void, removeItem(key: string): void}} Storage */

export class NotebookSession {
  /**
   * @param {{tableNames: string[], descriptions: Record<string, any>, catalog: Record<string, {name: string, type: string}[]>, storage: Storage,
   *   cellsNode: HTMLElement, say: (message: string, options?: any) => void, onCellsChanged: () => void}} options
   */
  constructor({tableNames, descriptions, catalog, storage, cellsNode, say, onCellsChanged}) {
    this.tableNames = tableNames;
    this.descriptions = descriptions;
    this.catalog = catalog;
    this.storage = storage;
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
      saveStored(this.storage, this.notebook);
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

  /**
   * @param {number} index
   * @param {string} sql
   * @param {{title?: string, run?: boolean}} [options]
   */
  addCell(index, sql, {title = "", run = false} = {}) {
    const cell = newCell(this.notebook.cells, {sql, title});
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
   * Later cells that query `name` now show results built on an older version of it.
   * @param {string} name
   * @param {"removed" | "rerun"} reason
   */
  markDependents(name, reason) {
    const index = this.notebook.cells.findIndex((c) => c.name === name);
    this.notebook.cells.forEach((cell, i) => {
      if (reason !== "removed" && i <= index) return;
      const view = this.views.get(cell.id);
      if (view?.hasResult() && referencedNames(cell.sql, [name]).length) view.markStale(name, reason);
    });
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
      detail: "Den stannade inte av sig själv, så DuckDB startades om. Cellerna ovanför körs om; cellerna nedanför behöver köras igen.",
      cancelled: true
    });
    const index = this.cellIndex(cancelled.cell.id);
    const views = this.orderedViews();
    for (const view of views.slice(index + 1)) view.setWaiting("DuckDB startades om när en fråga avbröts. Kör cellen igen.");
    for (const view of views.slice(0, index)) view.setWaiting("Körs om efter omstarten…");
    this.onCellsChanged();
    for (const view of views.slice(0, index)) if (!(await view.run())) break;
  }

  /** Runs every cell from the top; stops at the first that fails. Resolves true when all ran. */
  async runAll() {
    for (const view of this.orderedViews()) {
      if (!(await view.run())) {
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
