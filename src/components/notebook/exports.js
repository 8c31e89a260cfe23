// @ts-check
// What the notebook can be turned into: a link, a .json file, a page for the
// site (.md), a standalone HTML report (print it for a PDF) and a Jupyter
// notebook. The report and the page are made from the same cells by the same
// rules (reportBlocks below and report.js): the cells that ran, prose from
// its tree, results with their columns' number formats, charts from their plans.
import {formatNumber} from "../../lib/format.js";
import {columnKind} from "../../lib/notebook/chart.js";
import {columnFormatter, columnStyle} from "../../lib/notebook/display.js";
import {notebookToMarkdown, swedishDate} from "../../lib/notebook/exportMarkdown.js";
import {notebookToIpynb} from "../../lib/notebook/ipynb.js";
import {markdownTree} from "../../lib/notebook/markdown.js";
import {reportHtml} from "../../lib/notebook/reportHtml.js";
import {fileStem, LONG_LINK, notebookToJson, shareHash} from "../../lib/notebook/serialize.js";
import {download, el} from "./dom.js";

/** Rows of a table the HTML report holds at most. */
export const REPORT_ROWS = 500;

/** @typedef {import("./session.js").NotebookSession} NotebookSession */
/** @typedef {import("../../lib/notebook/reportHtml.js").ReportBlock} ReportBlock */

/**
 * The report's blocks from the notebook as it is on screen: only cells whose
 * last run succeeded, code never.
 * @param {NotebookSession} session
 * @returns {ReportBlock[]}
 */
export function reportBlocks(session) {
  /** @type {ReportBlock[]} */
  const blocks = [];
  for (const view of session.orderedViews()) {
    const {cell} = view;
    if (view.node.dataset.state !== "done") continue;
    if (cell.title?.trim()) blocks.push({kind: "heading", text: cell.title.trim()});
    if (cell.type === "markdown") blocks.push({kind: "prose", tree: markdownTree(cell.text ?? "", session.scopeFor(cell)).tree});
    if (cell.type === "input") blocks.push({kind: "input", label: cell.input?.label || cell.name, value: String(cell.input?.value ?? "–")});
    if (cell.type === "js" && !view.result) blocks.push({kind: "note", text: `Cellen ${cell.name} visar sitt resultat i anteckningsboken.`});
    const svg = view.outputNode.querySelector(".nb-chart svg");
    if (svg && cell.chart) {
      const copy = /** @type {SVGElement} */ (svg.cloneNode(true));
      copy.setAttribute("xmlns", "http://www.w3.org/2000/svg");
      copy.querySelectorAll('g[aria-label="tip"]').forEach((g) => g.remove());
      blocks.push({kind: "chart", svg: new XMLSerializer().serializeToString(copy), title: cell.chart.title ?? cell.title ?? cell.name});
    }
    const result = view.result;
    if (result) {
      const rows = result.rows.slice(0, REPORT_ROWS);
      const columns = result.columns.map((c) => {
        const kind = columnKind(c, result.rows);
        const style = columnStyle(c, result.rows, kind);
        return {name: c.name, numeric: style.style !== "text", format: columnFormatter(style, kind)};
      });
      blocks.push({kind: "table", name: result.name, columns: columns.map(({name, numeric}) => ({name, numeric})), rows: rows.map((row) => columns.map((c) => c.format(row[c.name]))), rowCount: result.rowCount});
    }
  }
  return blocks;
}

/**
 * SHA-256 (hex) over the tables' Parquet files in name order: the same tables give the same sum.
 * @param {Record<string, string>} tables
 */
async function tablesHash(tables) {
  const parts = [];
  for (const name of Object.keys(tables).sort()) parts.push(new Uint8Array(await (await fetch(tables[name] ?? "")).arrayBuffer()));
  const all = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const part of parts) {
    all.set(part, at);
    at += part.length;
  }
  return [...new Uint8Array(await crypto.subtle.digest("SHA-256", all))].map((b) => b.toString(16).padStart(2, "0")).join("");
}

/**
 * @param {{session: NotebookSession, tableNames: string[], tables?: Record<string, string>, say: (message: string, options?: any) => void, boundaries?: string | null}} options
 */
export function exporter({session, tableNames, tables = {}, say}) {
  const stem = () => fileStem(session.notebook.title);
  const link = async () => `${location.origin}${location.pathname}${await shareHash(session.notebook)}`;
  const ran = () => session.orderedViews().filter((v) => v.node.dataset.state === "done");

  return {
    /** @param {HTMLElement} panel */
    async share(panel) {
      const url = await link();
      const input = el("input", {type: "text", readonly: true, value: url, class: "nb-share-url", "aria-label": "Länk till anteckningsboken", onfocus: (/** @type {Event} */ e) => /** @type {HTMLInputElement} */ (e.target).select()});
      let copied = false;
      try {
        await navigator.clipboard.writeText(url);
        copied = true;
      } catch {
        // Clipboard access can be refused; the link is shown to copy by hand.
      }
      panel.replaceChildren(
        el("label", {}, "Länk till anteckningsboken", input),
        el(
          "p",
          {class: "nb-muted"},
          `${copied ? "Länken är kopierad. " : "Markera och kopiera länken. "}Den innehåller cellerna, inte resultaten: den som öppnar den ser cellerna och väljer själv att köra dem mot samma data i sin egen webbläsare. ${formatNumber(url.length)} tecken.`,
          url.length > LONG_LINK ? " Länken är lång och kan kortas av i e-post; spara anteckningsboken som fil i stället." : ""
        ),
        el("button", {type: "button", onclick: () => (panel.hidden = true)}, "Stäng")
      );
      panel.hidden = false;
      input.focus();
    },

    saveJson() {
      download(`${stem()}.json`, notebookToJson(session.notebook), "application/json");
      say(`Anteckningsboken har laddats ner som ${stem()}.json.`);
    },

    /** The page for src/: only cells whose last run succeeded (a failing one would show as an error). */
    markdownPage() {
      const ok = ran().map((v) => v.cell);
      const left = session.orderedViews().filter((v) => v.node.dataset.state !== "done").map((v) => v.cell.name);
      if (ok.length === 0) {
        say("Ingen cell har körts ännu. Kör cellerna först: rapportsidan tar med de celler som har körts utan fel.", {kind: "error"});
        return;
      }
      download(`${stem()}.md`, notebookToMarkdown({title: session.notebook.title, cells: ok}, {tables: tableNames}), "text/markdown");
      say(
        `Rapportsidan ${stem()}.md har laddats ner. Lägg filen i projektets src/-mapp och bygg webbplatsen (npm run build): sidan blir /${stem()}, med samma text, tabeller och diagram som här. Lägg till den i observablehq.config.ts om den ska synas i sidomenyn.${
          left.length ? ` Inte körda, och därför inte med: ${left.join(", ")}.` : ""
        }`
      );
    },

    async htmlReport() {
      if (ran().length === 0) {
        say("Ingen cell har körts ännu. Kör cellerna först: rapporten visar det som cellerna har räknat fram.", {kind: "error"});
        return;
      }
      const now = new Date();
      const built = new Date(document.lastModified);
      const html = reportHtml({
        title: session.notebook.title,
        blocks: reportBlocks(session),
        provenance: {
          tablesHash: Object.keys(tables).length ? await tablesHash(tables) : "–",
          built: Number.isNaN(built.getTime()) ? "okänt" : swedishDate(built),
          exported: `${swedishDate(now)} ${String(now.getHours()).padStart(2, "0")}:${String(now.getMinutes()).padStart(2, "0")}`,
          link: await link()
        }
      });
      download(`${stem()}.html`, html, "text/html");
      say(`Rapporten ${stem()}.html har laddats ner. Den öppnas i vilken webbläsare som helst; skriv ut den som PDF för en pdf-fil.`);
    },

    notebookFile() {
      download(`${stem()}.ipynb`, notebookToIpynb(session.notebook, {tables: tableNames}), "application/x-ipynb+json");
      say(`${stem()}.ipynb har laddats ner: öppna den i Jupyter med Python-paketet duckdb och lägg webbplatsens Parquet-filer i mappen data/ bredvid.`);
    }
  };
}
