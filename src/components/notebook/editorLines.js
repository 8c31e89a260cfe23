// @ts-check
// What the editor draws on its lines: their numbers, and the mark of an error.
//
// The numbers are part of each line (a data-line attribute shown by a
// ::before in the line's left padding), not CodeMirror's separate gutter
// column. That column is positioned from CodeMirror's measured line heights,
// and CodeMirror measures an editor only once it is on screen: after a reload
// the cells below the fold had estimated heights, so next to a long line that
// wraps the numbers drifted away from the text (on a phone, by several rows).
// A number laid out in its own line cannot: it moves with the line however the
// line wraps and whenever the fonts arrive.
import {RangeSetBuilder, StateEffect, StateField} from "@codemirror/state";
import {Decoration, EditorView, ViewPlugin} from "@codemirror/view";

/** @type {Decoration[]} line decorations by number, made once */
const numbered = [];
const numberOf = (/** @type {number} */ n) => (numbered[n] ??= Decoration.line({attributes: {"data-line": String(n)}}));

/** @param {EditorView} view */
function lineNumberDecorations(view) {
  /** @type {RangeSetBuilder<Decoration>} */
  const builder = new RangeSetBuilder();
  const {doc} = view.state;
  const {from, to} = view.viewport;
  for (let line = doc.lineAt(from); ; line = doc.line(line.number + 1)) {
    builder.add(line.from, line.from, numberOf(line.number));
    if (line.to >= to || line.number === doc.lines) break;
  }
  return builder.finish();
}

const lineNumberPlugin = ViewPlugin.fromClass(
  class {
    /** @param {EditorView} view */
    constructor(view) {
      this.decorations = lineNumberDecorations(view);
    }
    /** @param {import("@codemirror/view").ViewUpdate} update */
    update(update) {
      if (update.docChanged || update.viewportChanged) this.decorations = lineNumberDecorations(update.view);
    }
  },
  {decorations: (plugin) => plugin.decorations}
);

const lineNumberTheme = EditorView.theme({
  // The number column: as wide as the largest number and a margin.
  "&": {"--nb-gutter-width": "calc((var(--nb-line-digits, 1) + 1.6) * 1ch)"},
  ".cm-content": {
    backgroundImage: "linear-gradient(to right, var(--theme-background-alt) var(--nb-gutter-width), transparent var(--nb-gutter-width))"
  },
  ".cm-line": {position: "relative", paddingLeft: "calc(var(--nb-gutter-width) + 0.6ch)"},
  // content is set in notebook.css, which can give a fallback for browsers without alternative text.
  ".cm-line::before": {
    position: "absolute",
    left: "0",
    top: "0",
    bottom: "0",
    width: "var(--nb-gutter-width)",
    boxSizing: "border-box",
    paddingRight: "0.8ch",
    textAlign: "right",
    color: "var(--theme-foreground-faint)",
    fontVariantNumeric: "tabular-nums",
    userSelect: "none",
    pointerEvents: "none"
  },
  ".nb-error-line::before": {backgroundColor: "var(--nb-error-bg)", color: "var(--nb-error-fg)", fontWeight: "700"},
  ".nb-error-token": {
    textDecoration: "underline wavy var(--nb-error-fg)",
    textDecorationSkipInk: "none",
    textUnderlineOffset: "3px",
    backgroundColor: "var(--nb-error-bg)"
  }
});

/** Line numbers laid out with the text, for any editor. */
export const lineNumbersInText = [
  lineNumberPlugin,
  EditorView.editorAttributes.compute(["doc"], (state) => ({style: `--nb-line-digits: ${String(state.doc.lines).length}`})),
  lineNumberTheme
];

/** @typedef {{from: number, to: number, message: string, describedBy: string}} ErrorMark */

/** @type {import("@codemirror/state").StateEffectType<ErrorMark | null>} */
const setErrorMark = StateEffect.define();

/** The error marked in the editor; any edit of the text takes it away. */
const errorMarkField = StateField.define({
  create: () => /** @type {ErrorMark | null} */ (null),
  update(mark, transaction) {
    for (const effect of transaction.effects) if (effect.is(setErrorMark)) return effect.value;
    return transaction.docChanged ? null : mark;
  },
  provide: (field) => [
    EditorView.decorations.compute([field], (state) => {
      const mark = state.field(field);
      if (!mark) return Decoration.none;
      const from = Math.min(mark.from, state.doc.length);
      const to = Math.min(Math.max(mark.to, from), state.doc.length);
      const line = state.doc.lineAt(from);
      const ranges = [Decoration.line({class: "nb-error-line"}).range(line.from)];
      if (to > from) ranges.push(Decoration.mark({class: "nb-error-token", attributes: {title: mark.message}}).range(from, to));
      return Decoration.set(ranges, true);
    }),
    EditorView.contentAttributes.compute([field], (state) => {
      const mark = state.field(field);
      /** @type {Record<string, string>} */
      const attributes = mark ? {"aria-invalid": "true", "aria-describedby": mark.describedBy} : {};
      return attributes;
    })
  ]
});

/** The error mark's state; add it to an editor's extensions. */
export const errorMark = [errorMarkField];

/**
 * Marks an error (the token underlined, its line number highlighted, the text
 * aria-invalid and described by the element with id `describedBy`), or clears
 * the mark when `mark` is null.
 * @param {EditorView} view
 * @param {ErrorMark | null} mark
 */
export function showErrorMark(view, mark) {
  view.dispatch({effects: setErrorMark.of(mark)});
}
