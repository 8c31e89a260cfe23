// @ts-check
// A Markdown cell: prose with live values (`${value("bbic", "andel")}`),
// rendered from a tree of plain objects into DOM nodes (never HTML text). It
// re-renders whenever a cell it reads runs again.
import {markdownTree} from "../../../lib/notebook/markdown.js";
import {createSqlEditor} from "../editor.js";
import {el} from "../dom.js";
import {treeToDom} from "../treeDom.js";

/** @typedef {import("../cellView.js").CellView} CellView */
/** @typedef {import("./types.js").CellKind} CellKind */

/**
 * @param {CellView} view
 * @returns {CellKind}
 */
export function markdownCell(view) {
  const {session, cell} = view;
  const editor = createSqlEditor(view.editorNode, {
    doc: cell.text ?? "",
    language: "markdown",
    label: `Markdown i cellen ${cell.name}`,
    placeholderText: 'Text i Markdown. ${value("resultat1", "procent")} visar ett värde ur ett resultat.',
    onRun: () => view.run(),
    onRunAndAdvance: () => view.runAndAdvance(),
    onChange: (text) => {
      cell.text = text;
      session.scheduleSave();
    }
  });
  const prose = el("div", {class: "nb-markdown"});
  view.displayNode.replaceChildren(prose);
  return {
    editor,
    needsEngine: false,
    async execute() {
      const started = performance.now();
      const {tree, errors} = markdownTree(editor.text(), session.scopeFor(cell));
      prose.replaceChildren(...treeToDom(tree));
      return {kind: "shown", ms: performance.now() - started, summary: errors.length ? `${errors.length} värde${errors.length === 1 ? "" : "n"} kunde inte visas (⚠ i texten)` : "Texten är uppdaterad"};
    },
    reset: () => prose.replaceChildren(),
    destroy: () => editor.destroy()
  };
}
