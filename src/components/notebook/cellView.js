// @ts-check
// One cell on screen: its head (execution counter, type, name, heading,
// run/cancel/collapse/move/delete), the editor, what the cell displays
// (Markdown prose, a sandbox frame, an input control), a status line and the
// result. The kind of cell (cells/*.js) supplies the editor and runs it; the
// notebook session owns the cells; a view reports to it.

/** @type {Record<string, (view: CellView) => import("./cells/types.js").CellKind>} */
const KINDS = {sql: sqlCell, js: jsCell, markdown: markdownCell, input: inputCell};
const TYPE_LABELS = {sql: "SQL", js: "JS", markdown: "Text", input: "Val"};
import {cellNameProblem} from "../../lib/notebook/model.js";
import {durationText, rowsText} from "../../lib/notebook/display.js";
import {describeError} from "../../lib/notebook/errors.js";
import {errorSpan} from "../../lib/notebook/sqlError.js";
import {el} from "./dom.js";
import {inputCell} from "./cells/inputCell.js";
import {jsCell} from "./cells/jsCell.js";
import {markdownCell} from "./cells/markdownCell.js";
import {sqlCell} from "./cells/sqlCell.js";
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
    this.indexLabel = el("span", {class: "nb-cell-index", title: "Körningens nummer i anteckningsboken"}, "[ ]");
    this.typeLabel = el("span", {class: "nb-cell-type", "data-type": cell.type ?? "sql"}, /** @type {Record<string, string>} */ (TYPE_LABELS)[cell.type ?? "sql"] ?? "SQL");
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
        this.heading.textContent = this.titleInput.value;
        session.scheduleSave();
      }
    });
    /** The heading a report shows in place of the cell's head. */
    this.heading = el("h2", {class: "nb-cell-heading"}, cell.title ?? "");
    const icon = (/** @type {string} */ action, /** @type {string} */ label, /** @type {string} */ text, /** @type {() => void} */ onclick) =>
      el("button", {type: "button", class: "nb-icon", "data-action": action, "aria-label": label, title: label, onclick}, text);
    this.runButton = el("button", {type: "button", class: "nb-run", "data-action": "run", onclick: () => this.run(), title: "Kör cellen (Ctrl+Enter)"}, "▶ Kör");
    this.cancelButton = el("button", {type: "button", class: "nb-cancel", "data-action": "cancel", hidden: true, onclick: () => this.cancel()}, "Avbryt");
    this.upButton = icon("up", "Flytta upp", "↑", () => session.move(cell, -1));
    this.downButton = icon("down", "Flytta ned", "↓", () => session.move(cell, 1));
    this.deleteButton = icon("delete", "Ta bort cellen", "✕", () => session.removeCell(cell));
    this.collapseCode = icon("collapse-code", "Dölj eller visa koden", "⌄", () => this.toggle("code"));
    this.collapseOutput = icon("collapse-output", "Dölj eller visa resultatet", "▭", () => this.toggle("output"));
    this.nameProblem = el("p", {class: "nb-name-problem", role: "alert", hidden: true});
    this.editorNode = el("div", {class: "nb-editor"});
    this.displayNode = el("div", {class: "nb-display"});
    this.statusNode = el("div", {class: "nb-status", role: "status"});
    this.outputNode = el("div", {class: "nb-output"});
    this.node = el(
      "section",
      {class: "nb-cell", "data-cell": cell.name, "data-type": cell.type ?? "sql", onfocusin: () => (session.activeId = cell.id)},
      el(
        "div",
        {class: "nb-cell-head"},
        this.indexLabel,
        this.typeLabel,
        this.nameInput,
        this.titleInput,
        el("div", {class: "nb-cell-actions"}, this.runButton, this.cancelButton, this.collapseCode, this.collapseOutput, this.upButton, this.downButton, this.deleteButton)
      ),
      this.heading,
      this.nameProblem,
      this.editorNode,
      this.displayNode,
      this.statusNode,
      this.outputNode
    );
    this.applyCollapsed();
    this.results = new ResultView({
      cell,
      engine: () => session.engine,
      save: () => session.scheduleSave(),
      say: (message, options) => session.say(message, options),
      status: this.statusNode,
      output: this.outputNode,
      onError: (info) => this.showError(info),
      boundaries: () => session.boundaries(),
      addCode: (code, title) => {
        const index = session.cellIndex(cell.id) + 1;
        session.addCell(index, "", {title, run: true, init: {type: "js", code}});
      }
    });
    this.kind = (KINDS[cell.type ?? "sql"] ?? sqlCell)(this);
    /** The editor, or a stand-in for cells without one (inputs). */
    this.editor = this.kind.editor ?? {text: () => "", setText() {}, insert() {}, focus: () => /** @type {HTMLElement | null} */ (this.node.querySelector("input, select"))?.focus(), setSchema() {}, markError() {}, destroy() {}};
    this.setIdle();
  }

  /** The result table of the last successful run, or null. */
  get result() {
    return this.results.result;
  }

  /** @param {number} i @param {number} n */
  setIndex(i, n) {
    this.node.setAttribute("aria-label", `Cell ${i + 1} av ${n}: ${this.cell.name}`);
    this.upButton.disabled = i === 0;
    this.downButton.disabled = i === n - 1;
  }

  /** Hides or shows the cell's code or output (kept with the notebook). @param {"code" | "output"} part */
  toggle(part) {
    const collapsed = {...this.cell.collapsed};
    collapsed[part] = !collapsed[part];
    this.cell.collapsed = collapsed;
    this.applyCollapsed();
    this.session.scheduleSave();
  }

  applyCollapsed() {
    const {code = false, output = false} = this.cell.collapsed ?? {};
    this.node.classList.toggle("nb-code-collapsed", code);
    this.node.classList.toggle("nb-output-collapsed", output);
    this.collapseCode.setAttribute("aria-pressed", String(code));
    this.collapseOutput.setAttribute("aria-pressed", String(output));
  }

  /** Runs the cell, then moves to the next one (a new cell after the last), as Shift+Enter does in Jupyter. */
  async runAndAdvance() {
    const index = this.session.cellIndex(this.cell.id);
    const next = this.session.orderedViews()[index + 1];
    if (next) next.focus();
    else this.session.addCell(index + 1, "");
    return this.run();
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
    this.heading.textContent = title;
    this.session.scheduleSave();
  }

  hasResult() {
    return this.results.result !== null;
  }

  setIdle() {
    const waiting = this.kind.needsEngine && !this.session.engine;
    this.statusNode.replaceChildren(el("span", {class: "nb-muted"}, waiting ? "Väntar på att databasen ska bli klar…" : "Inte körd. Tryck Shift+Enter, Ctrl+Enter eller Kör."));
  }

  /** @param {string} message */
  setWaiting(message) {
    this.results.result = null;
    this.outputNode.replaceChildren();
    this.kind.reset?.();
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

  /** Runs the cell; resolves true when it ran without error. */
  async run() {
    const {session, cell} = this;
    if (this.kind.needsEngine && !session.engine) {
      this.statusNode.replaceChildren(el("span", {class: "nb-muted"}, "Väntar på att databasen ska bli klar…"));
      await session.ready;
      if (!session.engine) return false;
    }
    const problem = cellNameProblem(cell.name, {cells: session.notebook.cells, index: session.cellIndex(cell.id), tableNames: session.tableNames});
    if (problem) {
      this.showError({title: "Cellens namn går inte att använda", message: problem});
      return false;
    }
    if (this.kind.needsEngine && session.engine.running) {
      session.say("En annan cell körs redan. Vänta tills den är klar eller avbryt den.", {kind: "error"});
      return false;
    }
    this.node.dataset.state = "running";
    delete this.node.dataset.stale;
    this.editor.markError(null);
    this.indexLabel.textContent = "[*]";
    this.runButton.disabled = true;
    this.cancelButton.hidden = cell.type !== "sql" && cell.type !== undefined;
    const started = performance.now();
    const elapsed = el("span", {class: "nb-elapsed"}, "0,0 s");
    this.statusNode.replaceChildren(el("span", {class: "nb-spinner", "aria-hidden": "true"}), el("span", {}, "Kör… "), elapsed);
    this.timer = setInterval(() => (elapsed.textContent = durationText(performance.now() - started)), 100);
    try {
      const outcome = await this.kind.execute();
      if (outcome.kind === "table") await this.results.show(outcome);
      else if (outcome.kind === "statement") this.showStatement(outcome);
      else this.showShown(outcome);
      this.indexLabel.textContent = `[${session.nextCount()}]`;
      // Set last, once the result is on screen: tests and the benchmark wait for these.
      this.node.dataset.runs = String(Number(this.node.dataset.runs ?? 0) + 1);
      this.node.dataset.state = "done";
      session.afterRun(cell);
      return true;
    } catch (error) {
      this.results.result = null;
      this.indexLabel.textContent = "[!]";
      const info = /** @type {any} */ (error)?.restarting
        ? {title: "Frågan avbröts", message: "Den stannade inte när den avbröts, så DuckDB startas om…", cancelled: true}
        : this.describe(error);
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

  /** An error in Swedish: DuckDB's for SQL, the sandbox's for JavaScript. @param {unknown} error */
  describe(error) {
    if (/** @type {any} */ (error)?.name === "SandboxError") return {title: "JavaScript-koden gav ett fel", detail: /** @type {Error} */ (error).message, cancelled: false};
    return describeError(error);
  }

  /** A cell that shows what it made itself (Markdown, input, a JavaScript display). @param {{ms: number, summary?: string}} outcome */
  showShown(outcome) {
    this.results.result = null;
    this.outputNode.replaceChildren();
    this.statusNode.replaceChildren(el("span", {class: "nb-summary", "data-ms": String(outcome.ms)}, durationText(outcome.ms)), el("span", {class: "nb-muted"}, ` · ${outcome.summary ?? "Klar"}`));
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

  /**
   * The error below the cell: the Swedish heading and sentence, DuckDB's own
   * text folded away (open when there is no sentence), and the place marked in
   * the editor, described by the sentence.
   * @param {{title: string, message?: string | null, detail?: string, cancelled?: boolean, place?: import("../../lib/notebook/sqlError.js").Place | null}} info
   */
  showError({title, message = null, detail = "", cancelled, place = null}) {
    this.node.dataset.state = cancelled ? "cancelled" : "error";
    this.statusNode.replaceChildren();
    const id = `nb-error-${this.cell.id}`;
    const original = detail ? el("details", {open: !message}, el("summary", {}, "Felmeddelandet i original"), el("pre", {}, detail)) : null;
    const box = el("div", {class: cancelled ? "nb-cancelled" : "nb-error", role: "alert", id}, el("strong", {}, title), message ? el("p", {class: "nb-error-message"}, message) : null, original);
    this.outputNode.replaceChildren(box);
    this.editor.markError(place ? {...errorSpan(this.editor.text(), place.offset), message: message ?? title, describedBy: id} : null);
  }

  destroy() {
    clearInterval(this.timer);
    this.results.dispose();
    this.kind.destroy();
    this.node.remove();
  }
}
