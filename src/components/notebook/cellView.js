// One cell on screen: its head (position, name, heading, run/cancel/move/delete),
// the editor, a status line and the output. The notebook session owns the
// cells; a view reports to it and asks it for the engine.
import {cellNameProblem} from "../../lib/notebook/model.js";
import {durationText, rowsText} from "../../lib/notebook/display.js";
import {describeError} from "../../lib/notebook/errors.js";
import {completionSchema, createSqlEditor} from "./editor.js";
import {el} from "./dom.js";
import {ResultView} from "./resultView.js";
import {resultTable} from "./resultTable.js";

/** @typedef {import("./session.js").NotebookSession} NotebookSession */
/** @typedef {import("../../lib/notebook/model.js").Cell & {id: string}} Cell */

export class CellView {
  /**
   * @param {NotebookSession} session
   * @param {Cell} cell
   */
  constructor(session, cell) {
    this.session = session;
    this.cell = cell;
    /** @type {ReturnType<typeof setInterval> | undefined} */
    this.timer = undefined;
    this.indexLabel = el("span", {class: "nb-cell-index"});
    this.nameInput = el("input", {
      class: "nb-name",
      type: "text",
      value: cell.name,
      spellcheck: "false",
      "aria-label": "Cellens namn: resultatet blir en tabell med det namnet",
      title: "Cellens namn: resultatet blir en tabell med det namnet, som senare celler kan fråga",
      onchange: () => this.rename(this.nameInput.value.trim()),
      onkeydown: (/** @type {KeyboardEvent} */ e) => e.key === "Enter" && this.nameInput.blur()
    });
    this.titleInput = el("input", {
      class: "nb-cell-title",
      type: "text",
      value: cell.title ?? "",
      placeholder: "Rubrik (valfri)",
      title: "Rubriken står över cellens resultat i den exporterade rapportsidan",
      "aria-label": "Cellens rubrik",
      oninput: () => {
        cell.title = this.titleInput.value;
        session.scheduleSave();
      }
    });
    const icon = (/** @type {string} */ action, /** @type {string} */ label, /** @type {string} */ text, /** @type {() => void} */ onclick) =>
      el("button", {type: "button", class: "nb-icon", "data-action": action, "aria-label": label, title: label, onclick}, text);
    this.runButton = el("button", {type: "button", class: "nb-run", "data-action": "run", onclick: () => this.run(), title: "Kör cellen (Ctrl+Enter)"}, "▶ Kör");
    this.cancelButton = el("button", {type: "button", class: "nb-cancel", "data-action": "cancel", hidden: true, onclick: () => this.cancel()}, "Avbryt");
    this.upButton = icon("up", "Flytta upp", "↑", () => session.move(cell, -1));
    this.downButton = icon("down", "Flytta ned", "↓", () => session.move(cell, 1));
    this.deleteButton = icon("delete", "Ta bort cellen", "✕", () => session.removeCell(cell));
    this.nameProblem = el("p", {class: "nb-name-problem", role: "alert", hidden: true});
    this.editorNode = el("div", {class: "nb-editor"});
    this.statusNode = el("div", {class: "nb-status", role: "status"});
    this.outputNode = el("div", {class: "nb-output"});
    this.node = el(
      "section",
      {class: "nb-cell", "data-cell": cell.name, onfocusin: () => (session.activeId = cell.id)},
      el("div", {class: "nb-cell-head"}, this.indexLabel, this.nameInput, this.titleInput, el("div", {class: "nb-cell-actions"}, this.runButton, this.cancelButton, this.upButton, this.downButton, this.deleteButton)),
      this.nameProblem,
      this.editorNode,
      this.statusNode,
      this.outputNode
    );
    this.results = new ResultView({
      cell,
      engine: () => session.engine,
      save: () => session.scheduleSave(),
      say: (message, options) => session.say(message, options),
      status: this.statusNode,
      output: this.outputNode,
      onError: (info) => this.showError(info)
    });
    this.editor = createSqlEditor(this.editorNode, {
      doc: cell.sql,
      label: `SQL i cellen ${cell.name}`,
      schema: completionSchema(session.catalog, session.descriptions),
      onRun: () => this.run(),
      onChange: (text) => {
        cell.sql = text;
        session.scheduleSave();
      }
    });
    this.setIdle();
  }

  /** The result table of the last successful run, or null. */
  get result() {
    return this.results.result;
  }

  /** @param {number} i @param {number} n */
  setIndex(i, n) {
    this.indexLabel.textContent = `[${i + 1}]`;
    this.upButton.disabled = i === 0;
    this.downButton.disabled = i === n - 1;
  }

  focus() {
    this.editor.focus();
    this.node.scrollIntoView({block: "nearest"});
  }

  /** @param {"up" | "down"} which */
  focusButton(which) {
    const target = which === "up" ? this.upButton : this.downButton;
    (target.disabled ? this.editor : target).focus();
  }

  /** @param {string} title */
  setTitle(title) {
    this.cell.title = title;
    this.titleInput.value = title;
    this.session.scheduleSave();
  }

  hasResult() {
    return this.results.result !== null;
  }

  setIdle() {
    this.statusNode.replaceChildren(el("span", {class: "nb-muted"}, this.session.engine ? "Inte körd. Tryck Ctrl+Enter eller Kör." : "Väntar på att databasen ska bli klar…"));
  }

  /** @param {string} message */
  setWaiting(message) {
    this.results.result = null;
    this.outputNode.replaceChildren();
    this.node.dataset.state = "idle";
    this.statusNode.replaceChildren(el("span", {class: "nb-muted"}, message));
  }

  /** @param {string} name @param {"removed" | "rerun"} reason */
  markStale(name, reason) {
    this.node.dataset.stale = "true";
    const text =
      reason === "removed"
        ? `Bygger på ${name}, som har tagits bort. Resultatet nedan är från förra körningen.`
        : `Bygger på ${name}, som har körts om eller bytt innehåll sedan den här cellen kördes. Kör cellen igen för aktuella värden.`;
    this.statusNode.querySelector(".nb-stale")?.remove();
    this.statusNode.append(el("span", {class: "nb-stale"}, text, " ", el("button", {type: "button", class: "nb-link", onclick: () => this.run()}, "Kör igen")));
  }

  /** @param {string} next */
  async rename(next) {
    const {session, cell} = this;
    const old = cell.name;
    if (next === old) {
      this.nameProblem.hidden = true;
      return;
    }
    const problem = cellNameProblem(next, {cells: session.notebook.cells, index: session.cellIndex(cell.id), tableNames: session.tableNames});
    if (problem) {
      this.nameProblem.textContent = `${problem} Cellen heter fortfarande ${old}.`;
      this.nameProblem.hidden = false;
      this.nameInput.setAttribute("aria-invalid", "true");
      return;
    }
    this.nameProblem.hidden = true;
    this.nameInput.removeAttribute("aria-invalid");
    cell.name = next;
    this.node.dataset.cell = next;
    session.scheduleSave();
    try {
      await session.engine?.rename(old, next);
    } catch (error) {
      session.say(`Resultatet kunde inte döpas om: ${describeError(error).detail}`, {kind: "error"});
    }
    if (this.results.result) this.results.result.name = next;
    session.markDependents(old, "removed");
    session.refreshCatalog();
  }

  /** Runs the cell; resolves true when it produced a result. */
  async run() {
    const {session, cell} = this;
    if (!session.engine) {
      this.statusNode.replaceChildren(el("span", {class: "nb-muted"}, "Väntar på att databasen ska bli klar…"));
      await session.ready;
      if (!session.engine) return false;
    }
    const engine = session.engine;
    const problem = cellNameProblem(cell.name, {cells: session.notebook.cells, index: session.cellIndex(cell.id), tableNames: session.tableNames});
    if (problem) {
      this.showError({title: "Cellens namn går inte att använda", detail: problem});
      return false;
    }
    if (engine.running) {
      session.say("En annan cell körs redan. Vänta tills den är klar eller avbryt den.", {kind: "error"});
      return false;
    }
    this.node.dataset.state = "running";
    delete this.node.dataset.stale;
    this.runButton.disabled = true;
    this.cancelButton.hidden = false;
    const started = performance.now();
    const elapsed = el("span", {class: "nb-elapsed"}, "0,0 s");
    this.statusNode.replaceChildren(el("span", {class: "nb-spinner", "aria-hidden": "true"}), el("span", {}, "Kör… "), elapsed);
    this.timer = setInterval(() => (elapsed.textContent = durationText(performance.now() - started)), 100);
    try {
      const result = await engine.run(cell.name, this.editor.text());
      if (result.kind === "table") await this.results.show(result);
      else this.showStatement(result);
      // Set last, once the result is on screen: tests and the benchmark wait for these.
      this.node.dataset.runs = String(Number(this.node.dataset.runs ?? 0) + 1);
      this.node.dataset.state = "done";
      session.markDependents(cell.name, "rerun");
      session.refreshCatalog();
      return true;
    } catch (error) {
      this.results.result = null;
      const info = /** @type {any} */ (error)?.restarting
        ? {title: "Frågan avbröts", detail: "Den stannade inte när den avbröts, så DuckDB startas om…", cancelled: true}
        : describeError(error);
      this.showError(info);
      if (!info.cancelled) session.markDependents(cell.name, "rerun");
      session.renderResultsList();
      return false;
    } finally {
      clearInterval(this.timer);
      this.runButton.disabled = false;
      this.cancelButton.hidden = true;
    }
  }

  /** A cell whose last statement returns no table (SET, CREATE …): its rows, if any, and a note. */
  showStatement(/** @type {any} */ result) {
    this.results.result = null;
    const summary = el("span", {class: "nb-summary", "data-ms": String(result.ms), "data-rows": String(result.rowCount)}, `${rowsText(result.rowCount)} · ${durationText(result.ms)}`);
    this.statusNode.replaceChildren(summary, el("span", {class: "nb-muted"}, " · Satsen kördes. Resultatet sparas inte som tabell, eftersom den sista satsen inte är en fråga."));
    this.outputNode.replaceChildren(result.columns.length ? resultTable(result.rows, result.columns, {label: `Resultatet av ${this.cell.name}`}) : "");
  }

  async cancel() {
    this.cancelButton.disabled = true;
    this.statusNode.append(el("span", {class: "nb-muted nb-cancelling"}, " Avbryter…"));
    let outcome;
    try {
      outcome = await this.session.engine?.cancel();
    } finally {
      this.cancelButton.disabled = false;
    }
    if (outcome === "restarted") this.session.afterRestart(this);
  }

  /** @param {{title: string, detail: string, cancelled?: boolean}} info */
  showError({title, detail, cancelled}) {
    this.node.dataset.state = cancelled ? "cancelled" : "error";
    this.statusNode.replaceChildren();
    this.outputNode.replaceChildren(el("div", {class: cancelled ? "nb-cancelled" : "nb-error", role: "alert"}, el("strong", {}, title), el("pre", {}, detail)));
  }

  destroy() {
    clearInterval(this.timer);
    this.results.dispose();
    this.editor.destroy();
    this.node.remove();
  }
}
