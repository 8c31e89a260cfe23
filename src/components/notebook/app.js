// @ts-check
// The notebook page (/utforska): cells of SQL, JavaScript, Markdown and
// inputs over the project's tables in DuckDB-WASM; results as tables and
// charts; the schema, examples and the notebooks kept in this browser beside
// them. A notebook is shared as a link (in the URL's hash, so it never reaches
// a server) or a .json file; one that comes from a link or a file is shown,
// not run, until the user agrees, and becomes an entry of its own.
// This module lays the page out and wires the toolbar; the notebook is a
// NotebookSession (session.js), each cell a CellView (cellView.js), and the
// downloads live in exports.js.
import {rowsText} from "../../lib/notebook/display.js";
import {EXAMPLES} from "../../lib/notebook/examples.js";
import {notebookFromMarkdown} from "../../lib/notebook/exportMarkdown.js";
import {addNotebook, currentNotebook, deleteNotebook, listNotebooks, loadNotebook, migrateLegacy, renameNotebook, saveNotebook, setCurrentNotebook, trustNotebook} from "../../lib/notebook/library.js";
import {DEFAULT_TITLE, newNotebook} from "../../lib/notebook/model.js";
import {decodeNotebook, encodedFromHash, notebookFromJson} from "../../lib/notebook/serialize.js";
import {button, el} from "./dom.js";
import {NotebookEngine} from "./engine.js";
import {exporter} from "./exports.js";
import {libraryPanel} from "./libraryPanel.js";
import {NotebookSession} from "./session.js";
import {sidePanel} from "./sidePanel.js";

/** The default notebook of a first visit: one cell, run at once, so the page shows what it does. */
function starterNotebook() {
  const example = EXAMPLES.find((e) => e.title === "Länen det senaste året") ?? /** @type {import("./sidePanel.js").Example} */ (EXAMPLES[0]);
  return newNotebook({title: DEFAULT_TITLE, cells: [{sql: example.sql, title: example.title}]});
}

/**
 * The notebook application. Returns the root element, with dispose().
 * @param {{tables: Record<string, string>, schema: {tables: import("./sidePanel.js").SchemaTable[]}, sandbox: string, boundaries?: string | null,
 *   storage?: import("../../lib/notebook/library.js").Storage}} options
 *   tables: {name: Parquet URL}; schema: data/schema.json; sandbox: the sandbox
 *   page's URL; boundaries: the kommun boundaries' GeoJSON URL (maps).
 */
export function notebookApp({tables, schema, sandbox, boundaries = null, storage = window.localStorage}) {
  const tableNames = Object.keys(tables);
  const schemaTables = schema.tables.filter((t) => tableNames.includes(t.name));
  const descriptions = Object.fromEntries(schema.tables.map((t) => [t.name, {description: t.description, columns: Object.fromEntries(t.columns.map((c) => [c.name, c.description]))}]));
  /** @type {string | null} */
  let currentId = null;
  let disposed = false;
  /** A trusted notebook shown before DuckDB was ready: run it once it is. */
  let runWhenReady = false;

  // ── layout ──────────────────────────────────────────────────────────────
  const notice = el("div", {class: "nb-notice", role: "status", "aria-live": "polite"});
  /** @param {string} message @param {{kind?: string, actions?: [string, () => void, string?][]}} [options] */
  function say(message, {kind = "info", actions = []} = {}) {
    notice.replaceChildren();
    if (!message) return;
    notice.append(
      el("p", {class: `nb-notice-${kind}`}, message, ...actions.map(([label, onclick, action]) => el("button", {type: "button", class: "nb-link", "data-action": action ?? null, onclick}, label)))
    );
  }
  const titleInput = el("input", {
    class: "nb-title-input",
    type: "text",
    "aria-label": "Anteckningsbokens titel",
    maxlength: "120",
    oninput: () => {
      session.notebook.title = titleInput.value.trim() ? titleInput.value : DEFAULT_TITLE;
      session.scheduleSave();
    }
  });
  const dbState = el("span", {class: "nb-db-state", "data-state": "loading"}, "Startar DuckDB och läser in tabellerna…");
  const sharePanel = el("div", {class: "nb-share", hidden: true});
  const fileInput = el("input", {type: "file", accept: ".json,.md,application/json,text/markdown", hidden: true, onchange: () => openFile(fileInput.files?.[0])});
  const cellsNode = el("div", {class: "nb-cells"});
  const library = libraryPanel({
    onOpen: (id) => switchTo(id),
    onRename(id, title) {
      renameNotebook(storage, id, title);
      if (id === currentId) {
        session.notebook.title = title;
        showTitle(title);
      }
      renderLibrary();
    },
    onDelete(id) {
      const entry = listNotebooks(storage).find((e) => e.id === id);
      deleteNotebook(storage, id);
      if (id === currentId) {
        const next = listNotebooks(storage)[0];
        if (next) switchTo(next.id);
        else openNotebook(starterNotebook(), {origin: "egen", message: "Ny anteckningsbok skapad."});
      }
      renderLibrary();
      say(`Anteckningsboken ”${entry?.title ?? ""}” togs bort ur webbläsaren.`);
    },
    onNew: () => openNotebook(starterNotebook(), {origin: "egen", message: "Ny anteckningsbok skapad."})
  });
  const side = sidePanel({
    tables: schemaTables,
    insert: (text) => session.insertIntoActive(text),
    onExample(example) {
      const active = session.views.get(session.activeId ?? "");
      if (active && active.cell.type === "sql" && !active.editor.text().trim()) {
        active.editor.setText(example.sql);
        if (!active.cell.title) active.setTitle(example.title);
        active.run();
      } else {
        const index = active ? session.cellIndex(active.cell.id) + 1 : session.notebook.cells.length;
        session.addCell(index, example.sql, {title: example.title, run: true});
      }
    }
  });
  side.extra.append(library.node);

  const session = new NotebookSession({
    tableNames,
    descriptions,
    catalog: Object.fromEntries(schemaTables.map((t) => [t.name, t.columns.map((c) => ({name: c.name, type: c.type}))])),
    save(notebook) {
      if (currentId) saveNotebook(storage, currentId, notebook);
      renderLibrary();
    },
    cellsNode,
    say,
    sandboxUrl: sandbox,
    boundariesUrl: boundaries,
    onCellsChanged() {
      const results = session.orderedViews().filter((v) => v.result);
      side.renderResults(results.map((v) => ({name: v.cell.name, rowCount: v.result?.rowCount ?? 0, columns: v.result?.columns.length ?? 0})));
      side.renderExamples(results[0]?.cell.name ?? null);
    }
  });
  const exports = exporter({session, tableNames, tables, say});

  const add = (/** @type {"sql" | "js" | "markdown" | "input"} */ type, /** @type {string} */ label) =>
    el("button", {type: "button", class: "nb-add", "data-action": type === "sql" ? "add-cell" : `add-${type}`, onclick: () => session.addCell(session.notebook.cells.length, "", {init: {type}})}, label);
  const adders = el("div", {class: "nb-adders"}, add("sql", "+ SQL"), add("js", "+ JavaScript"), add("markdown", "+ Text"), add("input", "+ Inmatning"));
  const toolbar = el(
    "div",
    {class: "nb-toolbar", role: "toolbar", "aria-label": "Anteckningsboken"},
    button("Kör alla", () => runAll(), {"data-action": "run-all", title: "Kör alla celler uppifrån och ned"}),
    button("Starta om", () => session.restart(), {"data-action": "restart", title: "Starta om DuckDB och kör alla celler igen"}),
    button("Dela länk", () => exports.share(sharePanel), {"data-action": "share", title: "Skapa en länk som innehåller hela anteckningsboken"}),
    button("Spara som fil", () => exports.saveJson(), {"data-action": "save-file", title: "Ladda ner anteckningsboken som .json"}),
    button("Öppna fil", () => fileInput.click(), {"data-action": "open-file", title: "Öppna en sparad anteckningsbok (.json) eller en exporterad rapportsida (.md)"}),
    button("Ladda ned som rapport", () => exports.htmlReport(), {"data-action": "report", title: "En fristående HTML-fil med text, tabeller och diagram, utan kod (skriv ut den som PDF)"}),
    button("Exportera rapportsida", () => exports.markdownPage(), {"data-action": "export", title: "Ladda ner anteckningsboken som en sida (.md) för webbplatsens src/-mapp"}),
    button("Jupyter (.ipynb)", () => exports.notebookFile(), {"data-action": "ipynb", title: "Anteckningsboken för Jupyter med Pythons duckdb över Parquet-filerna"}),
    fileInput
  );
  const root = el(
    "div",
    {class: "nb-app"},
    el("div", {class: "nb-head"}, titleInput, dbState),
    toolbar,
    sharePanel,
    notice,
    el("div", {class: "nb-layout"}, el("div", {class: "nb-main"}, cellsNode, adders), side.node)
  );

  // ── notebooks: open, switch, trust ──────────────────────────────────────
  function renderLibrary() {
    library.render(listNotebooks(storage), currentId);
  }

  /** @param {string} title */
  function showTitle(title) {
    titleInput.value = title === DEFAULT_TITLE ? "" : title;
    titleInput.placeholder = DEFAULT_TITLE;
  }

  /** Runs the whole notebook; a notebook from elsewhere is trusted from then on. */
  async function runAll() {
    runWhenReady = false;
    if (currentId) trustNotebook(storage, currentId);
    renderLibrary();
    return session.runAll();
  }

  /**
   * Shows notebook `id` from the list; it runs if it is trusted, else asks.
   * @param {string} id
   * @param {{message?: string}} [options]
   */
  async function switchTo(id, {message = ""} = {}) {
    let notebook;
    try {
      notebook = loadNotebook(storage, id, {tableNames});
    } catch (error) {
      say(`${/** @type {Error} */ (error).message} Den finns kvar i listan.`, {kind: "error"});
      return;
    }
    if (!notebook) return;
    currentId = id;
    setCurrentNotebook(storage, id);
    showTitle(notebook.title);
    sharePanel.hidden = true;
    await session.replace(notebook);
    renderLibrary();
    const entry = listNotebooks(storage).find((e) => e.id === id);
    runWhenReady = false;
    if (entry?.trusted) {
      say(message);
      if (session.engine) await session.runAll();
      else runWhenReady = true;
      return;
    }
    const from = entry?.origin === "fil" ? "en fil" : "en länk";
    say(
      `${message ? `${message} ` : ""}Anteckningsboken kommer från ${from}. Kör alla celler? Läs igenom frågorna och koden först: ingenting har körts. SQL kan bara läsa webbplatsens tabeller, och JavaScript körs i en isolerad sandlåda utan nätverk.`,
      {kind: "warning", actions: [["Kör alla celler", () => (say(""), runAll()), "trust-run"], ["Inte nu", () => say(""), "trust-later"]]}
    );
  }

  /**
   * Adds a notebook to the list (a new entry, never over another) and shows it.
   * @param {import("../../lib/notebook/model.js").Notebook} notebook
   * @param {{origin: "egen" | "länk" | "fil", message?: string}} options
   */
  async function openNotebook(notebook, {origin, message = ""}) {
    const id = addNotebook(storage, notebook, {origin});
    await switchTo(id, {message});
  }

  /** @param {File | undefined} file */
  async function openFile(file) {
    if (!file) return;
    fileInput.value = "";
    try {
      const text = await file.text();
      const source = `filen ${file.name}`;
      const next = /\.md$/i.test(file.name) ? notebookFromMarkdown(text, {source, tableNames}) : notebookFromJson(text, {source, tableNames});
      await openNotebook(next, {origin: "fil", message: `Öppnade ${file.name} som en ny anteckningsbok.`});
    } catch (error) {
      say(/** @type {Error} */ (error).message, {kind: "error"});
    }
  }

  // ── start ───────────────────────────────────────────────────────────────
  async function start() {
    migrateLegacy(storage);
    const encoded = encodedFromHash(location.hash);
    if (encoded) {
      history.replaceState(null, "", `${location.pathname}${location.search}`);
      try {
        const shared = await decodeNotebook(encoded, {tableNames});
        return openNotebook(shared, {origin: "länk", message: `Öppnade ”${shared.title}” från länken som en ny anteckningsbok; dina egna finns kvar i listan.`});
      } catch (error) {
        say(/** @type {Error} */ (error).message, {kind: "error"});
      }
    }
    const id = currentNotebook(storage) ?? listNotebooks(storage)[0]?.id;
    if (id) return switchTo(id);
    return openNotebook(starterNotebook(), {origin: "egen"});
  }

  (async () => {
    side.renderTables({});
    await start();
    try {
      const engine = await NotebookEngine.open(tables);
      if (disposed) return engine.close();
      session.engine = engine;
      const counts = await engine.tableCounts();
      dbState.dataset.state = "ready";
      dbState.textContent = `DuckDB är klar: ${tableNames.length} tabeller, ${rowsText(Object.values(counts).reduce((a, b) => a + b, 0))}.`;
      side.renderTables(counts);
      await session.refreshCatalog();
      for (const view of session.views.values()) if (!view.result) view.setIdle();
      session.markReady();
      if (runWhenReady) {
        runWhenReady = false;
        await session.runAll();
      }
    } catch (error) {
      dbState.dataset.state = "error";
      dbState.textContent = `DuckDB kunde inte startas: ${/** @type {Error} */ (error).message}`;
      session.markReady();
    }
  })();

  // Edits are saved a moment after typing stops; leaving the page saves at once.
  const onPageHide = () => session.saveNow();
  window.addEventListener("pagehide", onPageHide);

  return Object.assign(root, {
    dispose() {
      disposed = true;
      window.removeEventListener("pagehide", onPageHide);
      session.dispose();
    }
  });
}
