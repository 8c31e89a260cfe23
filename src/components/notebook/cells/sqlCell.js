// @ts-check
// A SQL cell: the editor with completion of the database's tables and
// columns; running it keeps the last query's result as a table named after
// the cell, with the inputs above bound wherever the SQL says $name.
import {completionSchema, createSqlEditor} from "../editor.js";

/** @typedef {import("../cellView.js").CellView} CellView */
/** @typedef {import("./types.js").CellKind} CellKind */

/**
 * @param {CellView} view
 * @returns {CellKind}
 */
export function sqlCell(view) {
  const {session, cell} = view;
  const editor = createSqlEditor(view.editorNode, {
    doc: cell.sql,
    label: `SQL i cellen ${cell.name}`,
    schema: completionSchema(session.catalog, session.descriptions),
    onRun: () => view.run(),
    onRunAndAdvance: () => view.runAndAdvance(),
    onChange: (text) => {
      cell.sql = text;
      session.scheduleSave();
    }
  });
  return {
    editor,
    needsEngine: true,
    async execute() {
      // An empty cell runs to nothing, as in Jupyter (Run all goes on past it).
      if (!editor.text().trim()) {
        await session.engine.drop(cell.name);
        return {kind: "shown", ms: 0, summary: "Tom cell"};
      }
      return session.engine.run(cell.name, editor.text(), session.valuesFor(cell));
    },
    destroy: () => editor.destroy()
  };
}
