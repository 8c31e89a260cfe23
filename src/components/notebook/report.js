// @ts-check
// A notebook as a read-only report: what an exported page (exportMarkdown.js)
// shows. It is the notebook itself (NotebookSession and its cell views) with
// the code, names and buttons hidden, so a report page computes and draws
// exactly what the notebook did: SQL in a locked-down DuckDB-WASM with
// inputs bound as parameters, JavaScript in the sandbox, Markdown from its
// tree, charts from their plans. Inputs stay live: changing one re-runs the
// cells that use it.
import {fromData} from "../../lib/notebook/model.js";
import {el} from "./dom.js";
import {NotebookEngine} from "./engine.js";
import {NotebookSession} from "./session.js";

/**
 * @param {{notebook: any, tables: Record<string, string>, sandbox?: string | null, boundaries?: string | null}} options
 *   notebook: the saved notebook (model.js toData), checked again here.
 */
export function notebookReport({notebook, tables, sandbox = null, boundaries = null}) {
  const tableNames = Object.keys(tables);
  const notice = el("div", {class: "nb-notice", role: "status"});
  const cellsNode = el("div", {class: "nb-cells"});
  const root = el("div", {class: "nb-app nb-report-view"}, notice, cellsNode);
  const say = (/** @type {string} */ message, /** @type {{kind?: string}} */ {kind = "info"} = {}) =>
    notice.replaceChildren(...(message ? [el("p", {class: `nb-notice-${kind}`}, message)] : []));
  const session = new NotebookSession({
    tableNames,
    descriptions: {},
    catalog: {},
    save() {},
    cellsNode,
    say,
    sandboxUrl: sandbox ?? "about:blank",
    boundariesUrl: boundaries,
    onCellsChanged() {}
  });
  let disposed = false;
  (async () => {
    try {
      await session.replace(fromData(notebook, {source: "rapportsidan", tableNames}));
      const engine = await NotebookEngine.open(tables);
      if (disposed) return engine.close();
      session.engine = engine;
      session.markReady();
      await session.runAll();
      root.dataset.state = "done";
    } catch (error) {
      session.markReady();
      say(`Rapporten kunde inte visas: ${/** @type {Error} */ (error).message}`, {kind: "error"});
      root.dataset.state = "error";
    }
  })();
  return Object.assign(root, {
    dispose() {
      disposed = true;
      session.dispose();
    }
  });
}
