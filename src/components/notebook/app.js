// The notebook page (/utforska): cells of SQL over the project's tables in
// DuckDB-WASM, results as sortable tables and Plot charts, the schema and
// example queries beside them. The notebook is kept in localStorage, shared as
// a link (in the URL's hash, so it never reaches a server), saved and opened
// as a .json file, and exported as a Framework page (.md) for src/.
// This module lays the page out and wires the toolbar; the notebook itself is
// a NotebookSession (session.js), each cell a CellView (cellView.js).
import {formatNumber} from "../../lib/format.js";
import {columnKind} from "../../lib/notebook/chart.js";
import {rowsText} from "../../lib/notebook/display.js";
import {EXAMPLES} from "../../lib/notebook/examples.js";
import {notebookFromMarkdown, notebookToMarkdown} from "../../lib/notebook/exportMarkdown.js";
import {DEFAULT_TITLE, newNotebook} from "../../lib/notebook/model.js";
import {BACKUP_KEY, decodeNotebook, encodedFromHash, fileStem, LONG_LINK, loadStored, notebookFromJson, notebookToJson, shareHash, STORAGE_KEY} from "../../lib/notebook/serialize.js";
import {button, download, el} from "./dom.js";
import {NotebookEngine} from "./engine.js";
import {NotebookSession} from "./session.js";
import {sidePanel} from "./sidePanel.js";

/** The default notebook of a first visit: one cell, run at once, so the page shows what it does. */
function starterNotebook() {
  const example = EXAMPLES.find((e) => e.title === "Länen det senaste året") ?? EXAMPLES[0];
  return newNotebook({title: DEFAULT_TITLE, cells: [{sql: example.sql, title: example.title}]});
}

/**
 * The notebook application. Options: tables {name: Parquet URL}; schema (from
 * data/schema.json: {tables: [{name, description, columns}]}); storage
 * (localStorage). Returns the root element, with dispose().
 * @param {{tables: Record<string, string>, schema: {tables: import("./sidePanel.js").SchemaTable[]}, storage?: Storage}} options
 */
export function notebookApp({tables, schema, storage = window.localStorage}) {
  const tableNames = Object.keys(tables);
  const schemaTables = schema.tables.filter((t) => tableNames.includes(t.name));
  const descriptions = Object.fromEntries(schema.tables.map((t) => [t.name, {description: t.description, columns: Object.fromEntries(t.columns.map((c) => [c.name, c.description]))}]));
  let counts = {};
  let disposed = false;

  // ── layout ──────────────────────────────────────────────────────────────
  const notice = el("div", {class: "nb-notice", role: "status", "aria-live": "polite"});
  /** @param {string} message @param {{kind?: string, actions?: [string, () => void][]}} [options] */
  function say(message, {kind = "info", actions = []} = {}) {
    notice.replaceChildren();
    if (!message) return;
    notice.append(el("p", {class: `nb-notice-${kind}`}, message, ...actions.map(([label, onclick]) => el("button", {type: "button", class: "nb-link", onclick}, label))));
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
  const toolbar = el(
    "div",
    {class: "nb-toolbar", role: "toolbar", "aria-label": "Anteckningsboken"},
    button("Kör alla", () => session.runAll(), {"data-action": "run-all", title: "Kör alla celler uppifrån och ned"}),
    button("Dela länk", () => share(), {"data-action": "share", title: "Skapa en länk som innehåller hela anteckningsboken"}),
    button("Spara som fil", () => saveFile(), {"data-action": "save-file", title: "Ladda ner anteckningsboken som .json"}),
    button("Öppna fil", () => fileInput.click(), {"data-action": "open-file", title: "Öppna en sparad anteckningsbok (.json) eller en exporterad rapportsida (.md)"}),
    button("Exportera rapportsida", () => exportPage(), {"data-action": "export", title: "Ladda ner anteckningsboken som en sida (.md) för webbplatsens src/-mapp"}),
    button("Ny anteckningsbok", () => replaceNotebook(starterNotebook(), "Ny anteckningsbok skapad."), {"data-action": "new", title: "Börja om med en ny anteckningsbok"}),
    fileInput
  );
  const cellsNode = el("div", {class: "nb-cells"});
  const addButton = el("button", {type: "button", class: "nb-add", "data-action": "add-cell", onclick: () => session.addCell(session.notebook.cells.length, "")}, "+ Ny cell");
  const side = sidePanel({
    tables: schemaTables,
    insert: (text) => session.insertIntoActive(text),
    onExample(example) {
      const active = session.views.get(session.activeId ?? "");
      if (active && !active.editor.text().trim()) {
        active.editor.setText(example.sql);
        if (!active.cell.title) active.setTitle(example.title);
        active.run();
      } else {
        const index = active ? session.cellIndex(active.cell.id) + 1 : session.notebook.cells.length;
        session.addCell(index, example.sql, {title: example.title, run: true});
      }
    }
  });
  const root = el(
    "div",
    {class: "nb-app"},
    el("div", {class: "nb-head"}, titleInput, dbState),
    toolbar,
    sharePanel,
    notice,
    el("div", {class: "nb-layout"}, el("div", {class: "nb-main"}, cellsNode, addButton), side.node)
  );

  const session = new NotebookSession({
    tableNames,
    descriptions,
    catalog: Object.fromEntries(schemaTables.map((t) => [t.name, t.columns.map((c) => ({name: c.name, type: c.type}))])),
    storage,
    cellsNode,
    say,
    onCellsChanged() {
      const results = session.orderedViews().filter((v) => v.result);
      side.renderResults(results.map((v) => ({name: v.cell.name, rowCount: v.result?.rowCount ?? 0, columns: v.result?.columns.length ?? 0})));
      side.renderExamples(results[0]?.cell.name ?? null);
    }
  });

  /** @param {any} next @param {string} message @param {{backup?: boolean}} [options] */
  async function replaceNotebook(next, message, {backup = true} = {}) {
    const current = session.notebook;
    if (backup && current.cells.some((c) => c.sql.trim())) {
      try {
        storage.setItem(BACKUP_KEY, notebookToJson(current));
      } catch {
        // Best effort: the new notebook still opens.
      }
    }
    showTitle(next.title);
    sharePanel.hidden = true;
    const restore = backup && storage.getItem(BACKUP_KEY) !== null;
    say(message, {actions: restore ? [["Återställ den tidigare anteckningsboken", restoreBackup]] : []});
    await session.replace(next);
    if (session.engine) await session.runAll();
  }

  function restoreBackup() {
    try {
      const previous = loadStored(storage, {key: BACKUP_KEY, tableNames});
      if (previous) replaceNotebook(previous, "Den tidigare anteckningsboken är återställd.", {backup: true});
    } catch (error) {
      say(/** @type {Error} */ (error).message, {kind: "error"});
    }
  }

  /** @param {string} title */
  function showTitle(title) {
    titleInput.value = title === DEFAULT_TITLE ? "" : title;
    titleInput.placeholder = DEFAULT_TITLE;
  }

  // ── toolbar actions ─────────────────────────────────────────────────────
  async function share() {
    const hash = await shareHash(session.notebook);
    const url = `${location.origin}${location.pathname}${hash}`;
    const input = el("input", {type: "text", readonly: true, value: url, class: "nb-share-url", "aria-label": "Länk till anteckningsboken", onfocus: (/** @type {Event} */ e) => /** @type {HTMLInputElement} */ (e.target).select()});
    let copied = false;
    try {
      await navigator.clipboard.writeText(url);
      copied = true;
    } catch {
      // Clipboard access can be refused; the link is shown to copy by hand.
    }
    sharePanel.replaceChildren(
      el("label", {}, "Länk till anteckningsboken", input),
      el(
        "p",
        {class: "nb-muted"},
        `${copied ? "Länken är kopierad. " : "Markera och kopiera länken. "}Den innehåller frågorna, inte resultaten: den som öppnar den kör frågorna mot samma data i sin egen webbläsare. ${formatNumber(url.length)} tecken.`,
        url.length > LONG_LINK ? " Länken är lång och kan kortas av i e-post; spara anteckningsboken som fil i stället." : ""
      ),
      el("button", {type: "button", onclick: () => (sharePanel.hidden = true)}, "Stäng")
    );
    sharePanel.hidden = false;
    input.focus();
  }

  function saveFile() {
    const stem = fileStem(session.notebook.title);
    download(`${stem}.json`, notebookToJson(session.notebook), "application/json");
    say(`Anteckningsboken har laddats ner som ${stem}.json.`);
  }

  /** @param {File | undefined} file */
  async function openFile(file) {
    if (!file) return;
    fileInput.value = "";
    try {
      const text = await file.text();
      const source = `filen ${file.name}`;
      const next = /\.md$/i.test(file.name) ? notebookFromMarkdown(text, {source, tableNames}) : notebookFromJson(text, {source, tableNames});
      replaceNotebook(next, `Öppnade ${file.name}.`);
    } catch (error) {
      say(/** @type {Error} */ (error).message, {kind: "error"});
    }
  }

  function columnKinds() {
    /** @type {Record<string, Record<string, string>>} */
    const kinds = {};
    for (const view of session.orderedViews()) {
      const result = view.result;
      if (result) kinds[view.cell.name] = Object.fromEntries(result.columns.map((c) => [c.name, columnKind(c, result.rows)]));
    }
    return kinds;
  }

  /**
   * Downloads the notebook as a page for src/. Only cells whose last run
   * succeeded go in: a failing query would show as an error on the published page.
   */
  function exportPage() {
    const stem = fileStem(session.notebook.title);
    const views = session.orderedViews();
    const ok = views.filter((v) => v.result).map((v) => v.cell);
    const left = views.filter((v) => !v.result).map((v) => v.cell.name);
    if (ok.length === 0) {
      say("Ingen cell har ett resultat ännu. Kör cellerna först: rapportsidan tar med de celler som har körts utan fel.", {kind: "error"});
      return;
    }
    const markdown = notebookToMarkdown({title: session.notebook.title, cells: ok}, {tables: tableNames, kinds: columnKinds()});
    download(`${stem}.md`, markdown, "text/markdown");
    say(
      `Rapportsidan ${stem}.md har laddats ner. Lägg filen i projektets src/-mapp och bygg webbplatsen (npm run build): sidan blir /${stem}, med samma frågor, tabeller och diagram som här. Lägg till den i observablehq.config.ts om den ska synas i sidomenyn.${
        left.length ? ` Utan resultat, och därför inte med: ${left.join(", ")}.` : ""
      }`
    );
  }

  // ── start ───────────────────────────────────────────────────────────────
  async function initialNotebook() {
    const encoded = encodedFromHash(location.hash);
    let stored = null;
    let storedProblem = null;
    try {
      stored = loadStored(storage, {tableNames});
    } catch (error) {
      storedProblem = /** @type {Error} */ (error).message;
      try {
        storage.setItem(`${STORAGE_KEY}:oläsbar`, storage.getItem(STORAGE_KEY) ?? "");
      } catch {
        // Keeping the unreadable copy is best effort.
      }
    }
    if (encoded) {
      history.replaceState(null, "", `${location.pathname}${location.search}`);
      try {
        const shared = await decodeNotebook(encoded, {tableNames});
        if (stored?.cells.some((c) => c.sql.trim())) storage.setItem(BACKUP_KEY, notebookToJson(stored));
        const hasBackup = storage.getItem(BACKUP_KEY) !== null && stored !== null;
        return {notebook: shared, message: `Öppnade anteckningsboken ”${shared.title}” från länken.${hasBackup ? " Din tidigare anteckningsbok finns kvar." : ""}`, restore: hasBackup};
      } catch (error) {
        return {notebook: stored ?? starterNotebook(), message: /** @type {Error} */ (error).message, kind: "error"};
      }
    }
    if (storedProblem) return {notebook: starterNotebook(), message: `${storedProblem} En ny anteckningsbok har skapats; den oläsbara finns kvar i webbläsarens lagring.`, kind: "error"};
    return {notebook: stored ?? starterNotebook(), message: ""};
  }

  (async () => {
    const start = await initialNotebook();
    showTitle(start.notebook.title);
    side.renderTables(counts);
    await session.replace(start.notebook);
    say(start.message, {kind: start.kind ?? "info", actions: start.restore ? [["Återställ den tidigare anteckningsboken", restoreBackup]] : []});
    try {
      const engine = await NotebookEngine.open(tables);
      if (disposed) return engine.close();
      session.engine = engine;
      counts = await engine.tableCounts();
      dbState.dataset.state = "ready";
      dbState.textContent = `DuckDB är klar: ${tableNames.length} tabeller, ${rowsText(Object.values(counts).reduce((a, b) => a + b, 0))}.`;
      side.renderTables(counts);
      await session.refreshCatalog();
      for (const view of session.views.values()) if (!view.result) view.setIdle();
      session.markReady();
      await session.runAll();
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
