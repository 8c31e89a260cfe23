// @ts-check
// A JavaScript cell. Its code runs only in the sandbox frame (sandbox.js),
// never in the page, with `aq`, `Plot`, `d3` and the format and narrative
// helpers in scope, each earlier result it names as an Arquero table and each
// input as its value. What it displays shows in the frame; an Arquero table
// or an array of objects it returns comes back as Arrow and becomes a table
// named after the cell, which later SQL can query and the table and chart
// views show like any other result.
import {cellReferences} from "../../../lib/notebook/graph.js";
import {createSqlEditor} from "../editor.js";
import {SandboxFrame} from "../sandbox.js";

/** @typedef {import("../cellView.js").CellView} CellView */
/** @typedef {import("./types.js").CellKind} CellKind */

/**
 * @param {CellView} view
 * @returns {CellKind}
 */
export function jsCell(view) {
  const {session, cell} = view;
  const editor = createSqlEditor(view.editorNode, {
    doc: cell.code ?? "",
    language: "js",
    label: `JavaScript i cellen ${cell.name}`,
    placeholderText: "aq.from(resultat1).groupby(\"län\").rollup({n: aq.op.count()})",
    onRun: () => view.run(),
    onRunAndAdvance: () => view.runAndAdvance(),
    onChange: (text) => {
      cell.code = text;
      session.scheduleSave();
    }
  });
  const frame = new SandboxFrame(session.sandboxUrl);
  view.displayNode.replaceChildren(frame.node);
  return {
    editor,
    needsEngine: true,
    async execute() {
      const started = performance.now();
      const code = editor.text();
      if (!code.trim()) {
        await session.engine.drop(cell.name);
        return {kind: "shown", ms: 0, summary: "Tom cell"};
      }
      const earlier = session.notebook.cells.slice(0, session.cellIndex(/** @type {string} */ (cell.id))).map((c) => c.name);
      const used = cellReferences({...cell, code}, earlier);
      /** @type {Record<string, Uint8Array>} */
      const tables = {};
      for (const name of used) if (session.hasTable(name)) tables[name] = await session.engine.arrowIPC(name);
      const values = Object.fromEntries(Object.entries(session.valuesFor(cell)).filter(([name]) => used.includes(name)));
      const result = await frame.run({code, tables, values});
      if (result.kind === "table") {
        const registered = await session.engine.registerIPC(cell.name, result.ipc);
        return {...registered, ms: performance.now() - started};
      }
      await session.engine.drop(cell.name);
      return {kind: "shown", ms: performance.now() - started, summary: "Koden kördes i sandlådan"};
    },
    reset: () => {
      frame.node.style.height = "0px";
    },
    destroy() {
      frame.dispose();
      editor.destroy();
    }
  };
}
