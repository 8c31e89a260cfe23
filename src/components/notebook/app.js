// The notebook page (/utforska): cells of SQL over the project's tables in
// DuckDB-WASM, results as sortable tables and Plot charts, the schema and
// example queries beside them. The notebook is kept in localStorage, shared as
// a link (in the URL's hash, so it never reaches a server), saved and opened
// as a .json file, and exported as a Framework page (.md) for src/.
import * as Plot from "@observablehq/plot";
import {formatNumber} from "../../lib/format.js";
import {CHART_TYPE_LABELS, CHART_TYPES, chartProblem, columnKind, compilePlot, defaultChart} from "../../lib/notebook/chart.js";
import {durationText, formatCell, rowsText} from "../../lib/notebook/display.js";
import {completionSchema, createSqlEditor} from "./editor.js";
import {CHART_LIMIT, NotebookEngine} from "./engine.js";
import {describeError} from "../../lib/notebook/errors.js";
import {EXAMPLES, followUpExample} from "../../lib/notebook/examples.js";
import {notebookFromMarkdown, notebookToMarkdown} from "../../lib/notebook/exportMarkdown.js";
import {cellNameProblem, DEFAULT_TITLE, moveCell, newCell, newNotebook} from "../../lib/notebook/model.js";
import {BACKUP_KEY, decodeNotebook, encodedFromHash, fileStem, LONG_LINK, loadStored, notebookFromJson, notebookToJson, saveStored, shareHash, STORAGE_KEY} from "../../lib/notebook/serialize.js";
import {referencedNames} from "../../lib/notebook/sqlText.js";

const CSV_NOTE =
  "CSV enligt RFC 4180: komma mellan fälten, punkt som decimaltecken, UTF-8 och en rubrikrad. Så läser R, Python, DuckDB och andra program filen utan inställningar; i Excel öppnas den med Data → Från text/CSV. Semikolon och decimalkomma hade passat svensk Excel vid dubbelklick men gör filen svårare att läsa för program.";

/** A DOM element: el("button", {class: "x", onclick}, "text", child…). */
function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attributes)) {
    if (value === undefined || value === null || value === false) continue;
    if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
    else if (key === "class") node.className = value;
    else if (key in node && typeof value !== "string") node[key] = value;
    else node.setAttribute(key, value === true ? "" : value);
  }
  for (const child of children.flat()) if (child !== null && child !== undefined && child !== false) node.append(child);
  return node;
}

function download(filename, content, type) {
  const url = URL.createObjectURL(content instanceof Blob ? content : new Blob([content], {type}));
  const link = el("a", {href: url, download: filename, hidden: true});
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** The default notebook of a first visit: one cell, run at once, so the page shows what it does. */
function starterNotebook() {
  const example = EXAMPLES.find((e) => e.title === "Länen det senaste året") ?? EXAMPLES[0];
  return newNotebook({title: DEFAULT_TITLE, cells: [{sql: example.sql, title: example.title}]});
}

/**
 * The notebook application. Options: tables {name: Parquet URL}; schema (from
 * data/schema.json: {tables: [{name, description, columns}]}); storage
 * (localStorage). Returns the root element, with dispose().
 */
export function notebookApp({tables, schema, storage = window.localStorage}) {
  const tableNames = Object.keys(tables);
  const descriptions = Object.fromEntries(
    schema.tables.map((t) => [t.name, {description: t.description, columns: Object.fromEntries(t.columns.map((c) => [c.name, c.description]))}])
  );
  let engine = null;
  let catalog = Object.fromEntries(schema.tables.filter((t) => tableNames.includes(t.name)).map((t) => [t.name, t.columns.map((c) => ({name: c.name, type: c.type}))]));
  let counts = {};
  let notebook;
  const views = new Map(); // cell id → CellView
  let activeId = null;
  let saveTimer = null;
  let disposed = false;

  // ── layout ──────────────────────────────────────────────────────────────
  const notice = el("div", {class: "nb-notice", role: "status", "aria-live": "polite"});
  const titleInput = el("input", {
    class: "nb-title-input",
    type: "text",
    "aria-label": "Anteckningsbokens titel",
    maxlength: "120",
    oninput: () => {
      notebook.title = titleInput.value.trim() ? titleInput.value : DEFAULT_TITLE;
      scheduleSave();
    }
  });
  const dbState = el("span", {class: "nb-db-state", "data-state": "loading"}, "Startar DuckDB och läser in tabellerna…");
  const sharePanel = el("div", {class: "nb-share", hidden: true});
  const fileInput = el("input", {type: "file", accept: ".json,.md,application/json,text/markdown", hidden: true, onchange: () => openFile(fileInput.files?.[0])});
  const button = (label, onclick, extra = {}) => el("button", {type: "button", onclick, ...extra}, label);
  const toolbar = el(
    "div",
    {class: "nb-toolbar", role: "toolbar", "aria-label": "Anteckningsboken"},
    button("Kör alla", () => runAll(), {"data-action": "run-all", title: "Kör alla celler uppifrån och ned"}),
    button("Dela länk", () => share(), {"data-action": "share", title: "Skapa en länk som innehåller hela anteckningsboken"}),
    button("Spara som fil", () => saveFile(), {"data-action": "save-file", title: "Ladda ner anteckningsboken som .json"}),
    button("Öppna fil", () => fileInput.click(), {"data-action": "open-file", title: "Öppna en sparad anteckningsbok (.json) eller en exporterad rapportsida (.md)"}),
    button("Exportera rapportsida", () => exportPage(), {"data-action": "export", title: "Ladda ner anteckningsboken som en sida (.md) för webbplatsens src/-mapp"}),
    button("Ny anteckningsbok", () => replaceNotebook(starterNotebook(), "Ny anteckningsbok skapad."), {"data-action": "new", title: "Börja om med en ny anteckningsbok"}),
    fileInput
  );
  const cellsNode = el("div", {class: "nb-cells"});
  const addButton = el("button", {type: "button", class: "nb-add", "data-action": "add-cell", onclick: () => addCell(notebook.cells.length, "")}, "+ Ny cell");
  const tablesNode = el("div", {class: "nb-tables"});
  const resultsNode = el("div", {class: "nb-results-list"});
  const examplesNode = el("ul", {class: "nb-examples"});
  const aside = el(
    "aside",
    {class: "nb-aside", "aria-label": "Tabeller och exempel"},
    el("h2", {}, "Tabeller"),
    el("p", {class: "nb-muted"}, "Klicka på ett tabell- eller kolumnnamn för att skriva in det i cellen du arbetar i."),
    tablesNode,
    resultsNode,
    el("h2", {}, "Exempel"),
    el("p", {class: "nb-muted"}, "Ett klick lägger in frågan i en cell och kör den."),
    examplesNode,
    el(
      "details",
      {class: "nb-help"},
      el("summary", {}, "Tangenter och tips"),
      el(
        "ul",
        {},
        el("li", {}, el("kbd", {}, "Ctrl"), "+", el("kbd", {}, "Enter"), " (", el("kbd", {}, "⌘"), "+", el("kbd", {}, "Enter"), " på Mac) kör cellen."),
        el("li", {}, el("kbd", {}, "Ctrl"), "+", el("kbd", {}, "Mellanslag"), " föreslår tabeller, kolumner och ord."),
        el("li", {}, "Varje cells resultat blir en tabell med cellens namn som senare celler kan fråga."),
        el("li", {}, "Frågorna körs av DuckDB i din webbläsare. Inget skickas till någon server."),
        el("li", {}, "Klicka på en kolumnrubrik för att sortera hela resultatet.")
      )
    ),
    el("details", {class: "nb-help"}, el("summary", {}, "Om CSV-filerna"), el("p", {}, CSV_NOTE))
  );
  const root = el(
    "div",
    {class: "nb-app"},
    el("div", {class: "nb-head"}, titleInput, dbState),
    toolbar,
    sharePanel,
    notice,
    el("div", {class: "nb-layout"}, el("div", {class: "nb-main"}, cellsNode, addButton), aside)
  );

  // ── notices and persistence ──────────────────────────────────────────────
  function say(message, {kind = "info", actions = []} = {}) {
    notice.replaceChildren();
    if (!message) return;
    notice.append(el("p", {class: `nb-notice-${kind}`}, message, ...actions.map(([label, onclick]) => el("button", {type: "button", class: "nb-link", onclick}, label))));
  }

  function scheduleSave() {
    clearTimeout(saveTimer);
    saveTimer = setTimeout(saveNow, 250);
  }

  function saveNow() {
    clearTimeout(saveTimer);
    if (!notebook) return;
    try {
      saveStored(storage, notebook);
    } catch (error) {
      say(`Anteckningsboken kunde inte sparas i webbläsaren: ${error.message}. Spara den som fil för att inte förlora den.`, {kind: "error"});
    }
  }

  // ── cells ───────────────────────────────────────────────────────────────
  function cellIndex(id) {
    return notebook.cells.findIndex((c) => c.id === id);
  }

  function renderCells() {
    const wanted = new Set(notebook.cells.map((c) => c.id));
    for (const [id, view] of views) {
      if (!wanted.has(id)) {
        view.destroy();
        views.delete(id);
      }
    }
    notebook.cells.forEach((cell, i) => {
      let view = views.get(cell.id);
      if (!view) views.set(cell.id, (view = new CellView(cell)));
      view.setIndex(i, notebook.cells.length);
    });
    cellsNode.replaceChildren(...notebook.cells.map((c) => views.get(c.id).node));
    renderResultsList();
    renderExamples();
  }

  function addCell(index, sql, {title = "", run = false} = {}) {
    const cell = newCell(notebook.cells, {sql, title});
    notebook.cells.splice(index, 0, cell);
    renderCells();
    scheduleSave();
    const view = views.get(cell.id);
    view.focus();
    if (run) view.run();
    return view;
  }

  async function removeCell(cell) {
    const index = cellIndex(cell.id);
    if (index === -1) return;
    notebook.cells.splice(index, 1);
    renderCells();
    scheduleSave();
    await engine?.drop(cell.name).catch(() => {});
    markDependents(cell.name, "removed");
    refreshCatalog();
    say(`Cellen ${cell.name} togs bort.`, {
      actions: [
        [
          "Ångra",
          () => {
            notebook.cells.splice(Math.min(index, notebook.cells.length), 0, cell);
            renderCells();
            scheduleSave();
            say("");
            views.get(cell.id)?.run();
          }
        ]
      ]
    });
  }

  function move(cell, delta) {
    const index = cellIndex(cell.id);
    notebook.cells = moveCell(notebook.cells, index, index + delta);
    renderCells();
    scheduleSave();
    views.get(cell.id)?.focusButton(delta < 0 ? "up" : "down");
  }

  /** Later cells that query `name` now show results built on an older version of it. */
  function markDependents(name, reason) {
    const index = notebook.cells.findIndex((c) => c.name === name);
    notebook.cells.forEach((cell, i) => {
      if (reason !== "removed" && i <= index) return;
      const view = views.get(cell.id);
      if (view?.hasResult() && referencedNames(cell.sql, [name]).length) view.markStale(name, reason);
    });
  }

  async function refreshCatalog() {
    if (!engine) return;
    try {
      catalog = await engine.catalog();
    } catch {
      return;
    }
    const completion = completionSchema(catalog, descriptions);
    for (const view of views.values()) view.editor.setSchema(completion);
    renderResultsList();
  }

  /**
   * The worker was restarted to stop `cancelled`'s query: every result table is
   * gone. Cells above it are run again (they worked before); cells below it wait.
   */
  async function afterRestart(cancelled) {
    cancelled.showError({
      title: "Frågan avbröts",
      detail: "Den stannade inte av sig själv, så DuckDB startades om. Cellerna ovanför körs om; cellerna nedanför behöver köras igen.",
      cancelled: true
    });
    const index = cellIndex(cancelled.cell.id);
    for (const cell of notebook.cells.slice(index + 1)) views.get(cell.id)?.setWaiting("DuckDB startades om när en fråga avbröts. Kör cellen igen.");
    for (const cell of notebook.cells.slice(0, index)) views.get(cell.id)?.setWaiting("Körs om efter omstarten…");
    renderResultsList();
    for (const cell of notebook.cells.slice(0, index)) {
      if (!(await views.get(cell.id)?.run())) break;
    }
  }

  async function runAll() {
    for (const cell of [...notebook.cells]) {
      const view = views.get(cell.id);
      if (!view) continue;
      if (!(await view.run())) {
        const rest = notebook.cells.slice(cellIndex(cell.id) + 1);
        for (const later of rest) views.get(later.id)?.setWaiting(`Kördes inte: ${cell.name} gav ett fel.`);
        return false;
      }
    }
    return true;
  }

  async function replaceNotebook(next, message, {backup = true} = {}) {
    if (backup && notebook?.cells.some((c) => c.sql.trim())) {
      try {
        storage.setItem(BACKUP_KEY, notebookToJson(notebook));
      } catch {
        // Best effort: the new notebook still opens.
      }
    }
    for (const view of views.values()) view.destroy();
    views.clear();
    const previous = notebook?.cells ?? [];
    notebook = next;
    titleInput.value = notebook.title === DEFAULT_TITLE ? "" : notebook.title;
    titleInput.placeholder = DEFAULT_TITLE;
    renderCells();
    saveNow();
    sharePanel.hidden = true;
    const restore = backup && storage.getItem(BACKUP_KEY) !== null;
    say(message, {actions: restore ? [["Återställ den tidigare anteckningsboken", restoreBackup]] : []});
    if (!engine) return;
    // The old notebook's result tables go first: a new cell may have the same name.
    for (const cell of previous) await engine.drop(cell.name).catch(() => {});
    await runAll();
  }

  function restoreBackup() {
    try {
      const previous = loadStored(storage, {key: BACKUP_KEY, tableNames});
      if (previous) replaceNotebook(previous, "Den tidigare anteckningsboken är återställd.", {backup: true});
    } catch (error) {
      say(error.message, {kind: "error"});
    }
  }

  // ── toolbar actions ─────────────────────────────────────────────────────
  async function share() {
    const hash = await shareHash(notebook);
    const url = `${location.origin}${location.pathname}${hash}`;
    const input = el("input", {type: "text", readonly: true, value: url, class: "nb-share-url", "aria-label": "Länk till anteckningsboken", onfocus: (e) => e.target.select()});
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
    download(`${fileStem(notebook.title)}.json`, notebookToJson(notebook), "application/json");
    say(`Anteckningsboken har laddats ner som ${fileStem(notebook.title)}.json.`);
  }

  async function openFile(file) {
    if (!file) return;
    fileInput.value = "";
    try {
      const text = await file.text();
      const source = `filen ${file.name}`;
      const next = /\.md$/i.test(file.name) ? notebookFromMarkdown(text, {source, tableNames}) : notebookFromJson(text, {source, tableNames});
      replaceNotebook(next, `Öppnade ${file.name}.`);
    } catch (error) {
      say(error.message, {kind: "error"});
    }
  }

  function columnKinds() {
    const kinds = {};
    for (const cell of notebook.cells) {
      const result = views.get(cell.id)?.result;
      if (result?.kind === "table") kinds[cell.name] = Object.fromEntries(result.columns.map((c) => [c.name, columnKind(c, result.rows)]));
    }
    return kinds;
  }

  /**
   * Downloads the notebook as a page for src/. Only cells whose last run
   * succeeded go in: a failing query would show as an error on the published page.
   */
  function exportPage() {
    const stem = fileStem(notebook.title);
    const ok = notebook.cells.filter((c) => views.get(c.id)?.result);
    const left = notebook.cells.filter((c) => !views.get(c.id)?.result).map((c) => c.name);
    if (ok.length === 0) {
      say("Ingen cell har ett resultat ännu. Kör cellerna först: rapportsidan tar med de celler som har körts utan fel.", {kind: "error"});
      return;
    }
    const markdown = notebookToMarkdown({title: notebook.title, cells: ok}, {tables: tableNames, kinds: columnKinds()});
    download(`${stem}.md`, markdown, "text/markdown");
    say(
      `Rapportsidan ${stem}.md har laddats ner. Lägg filen i projektets src/-mapp och bygg webbplatsen (npm run build): sidan blir /${stem}, med samma frågor, tabeller och diagram som här. Lägg till den i observablehq.config.ts om den ska synas i sidomenyn.${
        left.length ? ` Utan resultat, och därför inte med: ${left.join(", ")}.` : ""
      }`
    );
  }

  // ── aside: tables, results, examples ────────────────────────────────────
  function insertIntoActive(text) {
    const view = views.get(activeId) ?? views.get(notebook.cells.at(-1)?.id);
    if (view) view.editor.insert(text);
    else addCell(0, text);
  }

  function renderTables() {
    tablesNode.replaceChildren(
      ...schema.tables
        .filter((t) => tableNames.includes(t.name))
        .map((t) =>
          el(
            "details",
            {class: "nb-table-info", "data-table": t.name},
            el(
              "summary",
              {},
              el("code", {}, t.name),
              " ",
              el("span", {class: "nb-muted nb-count"}, counts[t.name] === undefined ? "" : rowsText(counts[t.name]))
            ),
            el("p", {class: "nb-table-description"}, t.description, " ", el("button", {type: "button", class: "nb-link", onclick: () => insertIntoActive(t.name)}, "Infoga namnet")),
            el(
              "dl",
              {class: "nb-columns"},
              ...t.columns.flatMap((c) => [
                el("dt", {}, el("button", {type: "button", class: "nb-column-name", title: "Infoga kolumnnamnet", onclick: () => insertIntoActive(c.name)}, c.name), " ", el("span", {class: "nb-type"}, c.type)),
                el("dd", {}, c.description)
              ])
            )
          )
        )
    );
  }

  function renderResultsList() {
    const results = notebook.cells.map((c) => ({cell: c, result: views.get(c.id)?.result})).filter((r) => r.result?.kind === "table");
    resultsNode.replaceChildren();
    if (!results.length) return;
    resultsNode.append(
      el("h3", {}, "Resultat i anteckningsboken"),
      el(
        "ul",
        {},
        ...results.map(({cell, result}) =>
          el(
            "li",
            {},
            el("button", {type: "button", class: "nb-column-name", onclick: () => insertIntoActive(cell.name), title: "Infoga namnet"}, cell.name),
            " ",
            el("span", {class: "nb-muted"}, `${rowsText(result.rowCount)}, ${result.columns.length} kolumner`)
          )
        )
      )
    );
  }

  function renderExamples() {
    const firstResult = notebook.cells.find((c) => views.get(c.id)?.result?.kind === "table");
    const examples = firstResult ? [...EXAMPLES, followUpExample(firstResult.name)] : EXAMPLES;
    examplesNode.replaceChildren(
      ...examples.map((example) =>
        el(
          "li",
          {},
          el(
            "button",
            {
              type: "button",
              class: "nb-example",
              onclick: () => {
                const active = views.get(activeId);
                if (active && !active.editor.text().trim()) {
                  active.editor.setText(example.sql);
                  if (!active.cell.title) active.setTitle(example.title);
                  active.run();
                } else {
                  const index = active ? cellIndex(active.cell.id) + 1 : notebook.cells.length;
                  addCell(index, example.sql, {title: example.title, run: true});
                }
              }
            },
            el("strong", {}, example.title),
            el("span", {}, example.description)
          )
        )
      )
    );
  }

  // ── one cell ────────────────────────────────────────────────────────────
  class CellView {
    constructor(cell) {
      this.cell = cell;
      this.result = null;
      this.chartRows = null;
      this.sort = null;
      this.descending = false;
      this.timer = null;
      this.chartObserver = null;
      this.indexLabel = el("span", {class: "nb-cell-index"});
      this.nameInput = el("input", {
        class: "nb-name",
        type: "text",
        value: cell.name,
        spellcheck: "false",
        "aria-label": "Cellens namn: resultatet blir en tabell med det namnet",
        title: "Cellens namn: resultatet blir en tabell med det namnet, som senare celler kan fråga",
        onchange: () => this.rename(this.nameInput.value.trim()),
        onkeydown: (e) => e.key === "Enter" && this.nameInput.blur()
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
          scheduleSave();
        }
      });
      this.runButton = el("button", {type: "button", class: "nb-run", "data-action": "run", onclick: () => this.run(), title: "Kör cellen (Ctrl+Enter)"}, "▶ Kör");
      this.cancelButton = el("button", {type: "button", class: "nb-cancel", "data-action": "cancel", hidden: true, onclick: () => this.cancel()}, "Avbryt");
      this.upButton = el("button", {type: "button", class: "nb-icon", "data-action": "up", "aria-label": "Flytta upp", title: "Flytta upp", onclick: () => move(cell, -1)}, "↑");
      this.downButton = el("button", {type: "button", class: "nb-icon", "data-action": "down", "aria-label": "Flytta ned", title: "Flytta ned", onclick: () => move(cell, 1)}, "↓");
      this.deleteButton = el("button", {type: "button", class: "nb-icon", "data-action": "delete", "aria-label": "Ta bort cellen", title: "Ta bort cellen", onclick: () => removeCell(cell)}, "✕");
      this.nameProblem = el("p", {class: "nb-name-problem", role: "alert", hidden: true});
      this.editorNode = el("div", {class: "nb-editor"});
      this.statusNode = el("div", {class: "nb-status", role: "status"});
      this.outputNode = el("div", {class: "nb-output"});
      this.node = el(
        "section",
        {class: "nb-cell", "data-cell": cell.name, onfocusin: () => (activeId = cell.id)},
        el("div", {class: "nb-cell-head"}, this.indexLabel, this.nameInput, this.titleInput, el("div", {class: "nb-cell-actions"}, this.runButton, this.cancelButton, this.upButton, this.downButton, this.deleteButton)),
        this.nameProblem,
        this.editorNode,
        this.statusNode,
        this.outputNode
      );
      this.editor = createSqlEditor(this.editorNode, {
        doc: cell.sql,
        label: `SQL i cellen ${cell.name}`,
        schema: completionSchema(catalog, descriptions),
        onRun: () => this.run(),
        onChange: (text) => {
          cell.sql = text;
          scheduleSave();
        }
      });
      this.setIdle();
    }

    setIndex(i, n) {
      this.indexLabel.textContent = `[${i + 1}]`;
      this.upButton.disabled = i === 0;
      this.downButton.disabled = i === n - 1;
    }

    focus() {
      this.editor.focus();
      this.node.scrollIntoView({block: "nearest"});
    }

    focusButton(which) {
      const target = which === "up" ? this.upButton : this.downButton;
      (target.disabled ? this.editor : target).focus();
    }

    setTitle(title) {
      this.cell.title = title;
      this.titleInput.value = title;
      scheduleSave();
    }

    hasResult() {
      return this.result !== null;
    }

    setIdle() {
      this.statusNode.replaceChildren(el("span", {class: "nb-muted"}, engine ? "Inte körd. Tryck Ctrl+Enter eller Kör." : "Väntar på att databasen ska bli klar…"));
    }

    setWaiting(message) {
      this.result = null;
      this.outputNode.replaceChildren();
      this.node.dataset.state = "idle";
      this.statusNode.replaceChildren(el("span", {class: "nb-muted"}, message));
    }

    markStale(name, reason) {
      this.node.dataset.stale = "true";
      const text =
        reason === "removed"
          ? `Bygger på ${name}, som har tagits bort. Resultatet nedan är från förra körningen.`
          : `Bygger på ${name}, som har körts om eller bytt innehåll sedan den här cellen kördes. Kör cellen igen för aktuella värden.`;
      this.statusNode.querySelector(".nb-stale")?.remove();
      this.statusNode.append(el("span", {class: "nb-stale"}, text, " ", el("button", {type: "button", class: "nb-link", onclick: () => this.run()}, "Kör igen")));
    }

    async rename(next) {
      const old = this.cell.name;
      if (next === old) {
        this.nameProblem.hidden = true;
        return;
      }
      const problem = cellNameProblem(next, {cells: notebook.cells, index: cellIndex(this.cell.id), tableNames});
      if (problem) {
        this.nameProblem.textContent = `${problem} Cellen heter fortfarande ${old}.`;
        this.nameProblem.hidden = false;
        this.nameInput.setAttribute("aria-invalid", "true");
        return;
      }
      this.nameProblem.hidden = true;
      this.nameInput.removeAttribute("aria-invalid");
      this.cell.name = next;
      this.node.dataset.cell = next;
      scheduleSave();
      try {
        await engine?.rename(old, next);
      } catch (error) {
        say(`Resultatet kunde inte döpas om: ${describeError(error).detail}`, {kind: "error"});
      }
      if (this.result?.kind === "table") this.result.name = next;
      markDependents(old, "removed");
      refreshCatalog();
      renderExamples();
    }

    async run() {
      if (!engine) {
        this.statusNode.replaceChildren(el("span", {class: "nb-muted"}, "Väntar på att databasen ska bli klar…"));
        await ready;
        if (!engine) return false;
      }
      const problem = cellNameProblem(this.cell.name, {cells: notebook.cells, index: cellIndex(this.cell.id), tableNames});
      if (problem) {
        this.showError({title: "Cellens namn går inte att använda", detail: problem});
        return false;
      }
      if (engine.running) {
        say("En annan cell körs redan. Vänta tills den är klar eller avbryt den.", {kind: "error"});
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
        const result = await engine.run(this.cell.name, this.editor.text());
        if (result.kind === "table") {
          result.rows = await engine.page(result.name);
          this.sort = null;
          this.descending = false;
          this.chartRows = null;
          if (this.cell.chart) await this.loadChartRows(result);
        }
        this.result = result;
        this.renderResult();
        // Set last, once the result is on screen: tests and the benchmark wait for these.
        this.node.dataset.runs = String(Number(this.node.dataset.runs ?? 0) + 1);
        this.node.dataset.state = "done";
        markDependents(this.cell.name, "rerun");
        refreshCatalog();
        renderExamples();
        return true;
      } catch (error) {
        this.result = null;
        const info = error?.restarting
          ? {title: "Frågan avbröts", detail: "Den stannade inte när den avbröts, så DuckDB startas om…", cancelled: true}
          : describeError(error);
        this.showError(info);
        if (!info.cancelled) markDependents(this.cell.name, "rerun");
        renderResultsList();
        return false;
      } finally {
        clearInterval(this.timer);
        this.runButton.disabled = false;
        this.cancelButton.hidden = true;
      }
    }

    async cancel() {
      this.cancelButton.disabled = true;
      this.statusNode.append(el("span", {class: "nb-muted nb-cancelling"}, " Avbryter…"));
      let outcome;
      try {
        outcome = await engine?.cancel();
      } finally {
        this.cancelButton.disabled = false;
      }
      if (outcome === "restarted") afterRestart(this);
    }

    showError({title, detail, cancelled}) {
      this.node.dataset.state = cancelled ? "cancelled" : "error";
      this.statusNode.replaceChildren();
      this.outputNode.replaceChildren(el("div", {class: cancelled ? "nb-cancelled" : "nb-error", role: "alert"}, el("strong", {}, title), el("pre", {}, detail)));
    }

    async loadChartRows(result = this.result) {
      this.chartRows = result.rowCount <= result.rows.length ? result.rows : await engine.page(result.name, {limit: CHART_LIMIT});
    }

    kinds() {
      const rows = this.chartRows ?? this.result?.rows ?? [];
      return Object.fromEntries((this.result?.columns ?? []).map((c) => [c.name, columnKind(c, rows)]));
    }

    renderResult() {
      const result = this.result;
      // data-ms: the query's own time, unrounded (bench/explore.ts reads it).
      const summary = el("span", {class: "nb-summary", "data-ms": String(result.ms), "data-rows": String(result.rowCount)}, `${rowsText(result.rowCount)} · ${durationText(result.ms)}`);
      if (result.kind === "statement") {
        this.statusNode.replaceChildren(summary, el("span", {class: "nb-muted"}, " · Satsen kördes. Resultatet sparas inte som tabell, eftersom den sista satsen inte är en fråga."));
        this.outputNode.replaceChildren(result.columns.length ? this.table(result.rows, result.columns, {sortable: false}) : "");
        return;
      }
      const actions = el(
        "span",
        {class: "nb-result-actions"},
        this.cell.chart ? null : el("button", {type: "button", "data-action": "chart", onclick: () => this.addChart()}, "Visa som diagram"),
        el("button", {type: "button", "data-action": "csv", title: CSV_NOTE, onclick: () => this.downloadCsv()}, "Ladda ner CSV")
      );
      this.statusNode.replaceChildren(summary, el("span", {class: "nb-muted"}, ` · tabellen ${result.name}`), actions);
      const capped = result.rowCount > result.rows.length;
      this.outputNode.replaceChildren(
        this.cell.chart ? this.chartPanel() : "",
        this.table(result.rows, result.columns, {sortable: true}),
        capped
          ? el(
              "p",
              {class: "nb-cap-note"},
              `Visar de första ${formatNumber(result.rows.length)} av ${formatNumber(result.rowCount)} raderna${this.sort ? `, sorterade efter ${this.sort}` : ""}. Ladda ner CSV för alla rader, eller fråga tabellen ${result.name} i en ny cell.`
            )
          : ""
      );
    }

    table(rows, columns, {sortable}) {
      const kinds = Object.fromEntries(columns.map((c) => [c.name, columnKind(c, rows)]));
      const head = el(
        "tr",
        {},
        ...columns.map((c) => {
          const kind = kinds[c.name];
          const numeric = kind === "number" || kind === "year";
          const sorted = this.sort === c.name ? (this.descending ? "descending" : "ascending") : "none";
          const label = el("span", {class: "nb-col-name"}, c.name);
          const type = el("span", {class: "nb-type"}, c.type);
          return el(
            "th",
            {scope: "col", class: numeric ? "nb-num" : "", "aria-sort": sortable ? sorted : null},
            sortable
              ? el(
                  "button",
                  {type: "button", class: "nb-sort", title: "Sortera hela resultatet efter kolumnen", onclick: () => this.sortBy(c.name)},
                  label,
                  el("span", {class: "nb-sort-mark", "aria-hidden": "true"}, sorted === "ascending" ? "▲" : sorted === "descending" ? "▼" : ""),
                  type
                )
              : [label, type]
          );
        })
      );
      const body = rows.map((row) =>
        el(
          "tr",
          {},
          ...columns.map((c) => {
            const text = formatCell(row[c.name], kinds[c.name]);
            const numeric = kinds[c.name] === "number" || kinds[c.name] === "year";
            return text === null ? el("td", {class: `nb-null${numeric ? " nb-num" : ""}`, title: "NULL (värde saknas)"}, "–") : el("td", {class: numeric ? "nb-num" : ""}, text);
          })
        )
      );
      return el("div", {class: "nb-table-wrap", tabindex: "0", role: "region", "aria-label": `Resultatet av ${this.cell.name}`}, el("table", {class: "nb-result"}, el("thead", {}, head), el("tbody", {}, ...body)));
    }

    async sortBy(column) {
      // Ascending, then descending, then the query's own order.
      if (this.sort !== column) [this.sort, this.descending] = [column, false];
      else if (!this.descending) this.descending = true;
      else [this.sort, this.descending] = [null, false];
      try {
        this.result.rows = await engine.page(this.result.name, {sort: this.sort, descending: this.descending});
        this.renderResult();
        this.outputNode.querySelector(`th[aria-sort="${this.descending ? "descending" : "ascending"}"] button`)?.focus();
      } catch (error) {
        this.showError(describeError(error));
      }
    }

    async downloadCsv() {
      try {
        const bytes = await engine.csv(this.result.name);
        download(`${this.result.name}.csv`, new Blob([bytes], {type: "text/csv;charset=utf-8"}));
      } catch (error) {
        say(`CSV-filen kunde inte skapas: ${describeError(error).detail}`, {kind: "error"});
      }
    }

    async addChart() {
      if (!this.chartRows) await this.loadChartRows();
      const spec = defaultChart(this.result.columns, this.chartRows);
      if (!spec) {
        say(`${this.cell.name} har ingen numerisk kolumn att rita. Ett diagram behöver minst en kolumn med tal.`, {kind: "error"});
        return;
      }
      this.cell.chart = spec;
      scheduleSave();
      this.renderResult();
    }

    updateChart(change) {
      const kinds = this.kinds();
      const next = {...this.cell.chart, ...change};
      next.xKind = kinds[next.x] ?? next.xKind;
      next.yKind = kinds[next.y] ?? next.yKind;
      next.colorKind = next.color ? kinds[next.color] ?? "category" : null;
      this.cell.chart = next;
      scheduleSave();
      this.renderResult();
    }

    chartPanel() {
      const spec = this.cell.chart;
      const columns = this.result.columns;
      const select = (label, channel, options, value) =>
        el(
          "label",
          {},
          label,
          el(
            "select",
            {"data-channel": channel, onchange: (e) => this.updateChart({[channel]: e.target.value === "" ? null : e.target.value})},
            ...options.map(([v, text]) => el("option", {value: v ?? "", selected: (v ?? "") === (value ?? "")}, text))
          )
        );
      const names = columns.map((c) => [c.name, c.name]);
      const controls = el(
        "div",
        {class: "nb-chart-controls"},
        select("Typ", "type", CHART_TYPES.map((t) => [t, CHART_TYPE_LABELS[t]]), spec.type),
        select("x", "x", names, spec.x),
        select("y", "y", names, spec.y),
        select("Färg", "color", [[null, "ingen"], ...names], spec.color),
        el(
          "button",
          {
            type: "button",
            class: "nb-link",
            "data-action": "remove-chart",
            onclick: () => {
              this.cell.chart = null;
              scheduleSave();
              this.renderResult();
            }
          },
          "Ta bort diagrammet"
        )
      );
      const figure = el("div", {class: "nb-chart"});
      const draw = () => {
        const problem = chartProblem(spec, columns);
        if (problem) return figure.replaceChildren(el("p", {class: "nb-error"}, problem));
        try {
          const width = Math.max(320, Math.min(figure.clientWidth || 720, 1100));
          figure.replaceChildren(compilePlot(spec)(Plot, formatNumber, this.chartRows ?? this.result.rows, width));
        } catch (error) {
          figure.replaceChildren(el("p", {class: "nb-error"}, `Diagrammet kunde inte ritas: ${error.message}`));
        }
      };
      this.chartObserver?.disconnect();
      let lastWidth = 0;
      this.chartObserver = new ResizeObserver(([entry]) => {
        const width = Math.round(entry.contentRect.width);
        if (width && Math.abs(width - lastWidth) > 8) {
          lastWidth = width;
          draw();
        }
      });
      this.chartObserver.observe(figure);
      const capped = this.result.rowCount > CHART_LIMIT;
      return el(
        "div",
        {class: "nb-chart-panel"},
        controls,
        figure,
        capped ? el("p", {class: "nb-cap-note"}, `Diagrammet visar de första ${formatNumber(CHART_LIMIT)} av ${formatNumber(this.result.rowCount)} raderna.`) : ""
      );
    }

    destroy() {
      clearInterval(this.timer);
      this.chartObserver?.disconnect();
      this.editor.destroy();
      this.node.remove();
    }
  }

  // ── start ───────────────────────────────────────────────────────────────
  async function initialNotebook() {
    const encoded = encodedFromHash(location.hash);
    let stored = null;
    let storedProblem = null;
    try {
      stored = loadStored(storage, {tableNames});
    } catch (error) {
      storedProblem = error.message;
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
        return {
          notebook: shared,
          message: `Öppnade anteckningsboken ”${shared.title}” från länken.${hasBackup ? " Din tidigare anteckningsbok finns kvar." : ""}`,
          restore: hasBackup
        };
      } catch (error) {
        return {notebook: stored ?? starterNotebook(), message: error.message, kind: "error"};
      }
    }
    if (storedProblem) return {notebook: starterNotebook(), message: `${storedProblem} En ny anteckningsbok har skapats; den oläsbara finns kvar i webbläsarens lagring.`, kind: "error"};
    return {notebook: stored ?? starterNotebook(), message: ""};
  }

  let resolveReady;
  const ready = new Promise((resolve) => (resolveReady = resolve));

  (async () => {
    const start = await initialNotebook();
    notebook = start.notebook;
    titleInput.value = notebook.title === DEFAULT_TITLE ? "" : notebook.title;
    titleInput.placeholder = DEFAULT_TITLE;
    renderTables();
    renderCells();
    saveNow();
    say(start.message, {kind: start.kind ?? "info", actions: start.restore ? [["Återställ den tidigare anteckningsboken", restoreBackup]] : []});
    try {
      engine = await NotebookEngine.open(tables);
      if (disposed) return engine.close();
      counts = await engine.tableCounts();
      dbState.dataset.state = "ready";
      dbState.textContent = `DuckDB är klar: ${tableNames.length} tabeller, ${rowsText(Object.values(counts).reduce((a, b) => a + b, 0))}.`;
      renderTables();
      await refreshCatalog();
      for (const view of views.values()) if (!view.result) view.setIdle();
      resolveReady();
      await runAll();
    } catch (error) {
      dbState.dataset.state = "error";
      dbState.textContent = `DuckDB kunde inte startas: ${error.message}`;
      resolveReady();
    }
  })();

  // Edits are saved a moment after typing stops; leaving the page saves at once.
  const onPageHide = () => saveNow();
  window.addEventListener("pagehide", onPageHide);

  root.dispose = () => {
    disposed = true;
    window.removeEventListener("pagehide", onPageHide);
    saveNow();
    for (const view of views.values()) view.destroy();
    engine?.close();
  };
  return root;
}
