// @ts-check
// The SQL editor of a cell: CodeMirror 6 with SQL highlighting, completion of
// the database's tables and columns (the project's tables and earlier cells'
// results), and Ctrl/Cmd+Enter to run. Colours come from CSS variables so the
// editor follows the site's light and dark themes.
import {autocompletion, closeBrackets, closeBracketsKeymap, closeCompletion, completionKeymap} from "@codemirror/autocomplete";
import {defaultKeymap, history, historyKeymap} from "@codemirror/commands";
import {bracketMatching, HighlightStyle, indentOnInput, syntaxHighlighting} from "@codemirror/language";
import {PostgreSQL, sql} from "@codemirror/lang-sql";
import {Compartment, EditorState} from "@codemirror/state";
import {drawSelection, EditorView, highlightActiveLine, keymap, placeholder} from "@codemirror/view";
import {tags} from "@lezer/highlight";
import {errorMark, lineNumbersInText, showErrorMark} from "./editorLines.js";

const highlight = HighlightStyle.define([
  {tag: tags.keyword, color: "var(--nb-code-keyword)", fontWeight: "600"},
  {tag: [tags.string, tags.special(tags.string)], color: "var(--nb-code-string)"},
  {tag: [tags.number, tags.bool, tags.null], color: "var(--nb-code-number)"},
  {tag: [tags.lineComment, tags.blockComment, tags.comment], color: "var(--nb-code-comment)", fontStyle: "italic"},
  {tag: [tags.operator, tags.punctuation], color: "var(--nb-code-punct)"},
  {tag: [tags.typeName, tags.standard(tags.name)], color: "var(--nb-code-type)"},
  {tag: tags.special(tags.name), color: "var(--nb-code-type)"}
]);

const theme = EditorView.theme({
  "&": {fontSize: "14px", backgroundColor: "var(--theme-background)", color: "var(--theme-foreground)"},
  "&.cm-focused": {outline: "2px solid var(--theme-foreground-focus)", outlineOffset: "-1px"},
  ".cm-content": {fontFamily: "var(--monospace)", padding: "6px 0", minHeight: "3.6em"},
  ".cm-activeLine": {backgroundColor: "var(--nb-active-line)"},
  ".cm-activeLineGutter": {backgroundColor: "var(--nb-active-line)"},
  ".cm-cursor": {borderLeftColor: "var(--theme-foreground)"},
  "&.cm-focused .cm-selectionBackground, .cm-selectionBackground, ::selection": {backgroundColor: "var(--nb-selection) !important"},
  ".cm-placeholder": {color: "var(--theme-foreground-faint)"},
  ".cm-tooltip": {backgroundColor: "var(--theme-background)", border: "1px solid var(--theme-foreground-faintest)"},
  ".cm-tooltip-autocomplete > ul > li[aria-selected]": {backgroundColor: "var(--theme-foreground-focus)", color: "var(--theme-background)"},
  ".cm-completionDetail": {color: "var(--theme-foreground-muted)", fontStyle: "normal", marginLeft: "0.8em"}
});

/**
 * CodeMirror's completion namespace from a catalog {table: [{name, type}]} and
 * the schema's descriptions ({table: {description, columns: {name: text}}}).
 */
/**
 * @param {Record<string, {name: string, type: string}[]>} catalog
 * @param {Record<string, {description?: string, columns?: Record<string, string>}>} [descriptions]
 */
export function completionSchema(catalog, descriptions = {}) {
  /** @type {Record<string, any>} */
  const schema = {};
  for (const [table, columns] of Object.entries(catalog)) {
    const about = descriptions[table];
    schema[table] = {
      self: {label: table, type: "type", detail: about ? "tabell" : "resultat", info: about?.description},
      children: columns.map((c) => ({label: c.name, type: "property", detail: c.type, info: about?.columns?.[c.name]}))
    };
  }
  return schema;
}

/** @typedef {ReturnType<typeof createSqlEditor>} Editor */

/**
 * An editor in `parent`: SQL (highlighting, completion of `schema`), or plain
 * text for JavaScript and Markdown cells (`language`). onRun() on
 * Ctrl/Cmd+Enter, onRunAndAdvance() on Shift+Enter, onChange(text) on edits.
 * Returns {view, text(), setText(), insert(), focus(), setSchema(), markError(), destroy()}.
 * @param {HTMLElement} parent
 * @param {{doc?: string, onRun?: () => void, onRunAndAdvance?: () => void, onChange?: (text: string) => void, schema?: Record<string, any>, label?: string, language?: "sql" | "js" | "markdown", placeholderText?: string}} [options]
 */
export function createSqlEditor(parent, {doc = "", onRun, onRunAndAdvance, onChange, schema = {}, label = "SQL", language: kind = "sql", placeholderText = "SELECT * FROM indicators"} = {}) {
  const language = new Compartment();
  const advanceKey = (/** @type {EditorView} */ target) => {
    closeCompletion(target);
    (onRunAndAdvance ?? onRun)?.();
    return true;
  };
  const runKey = (/** @type {EditorView} */ target) => {
    // The completion list would otherwise stay open over the result.
    closeCompletion(target);
    onRun?.();
    return true;
  };
  const view = new EditorView({
    parent,
    state: EditorState.create({
      doc,
      extensions: [
        lineNumbersInText,
        errorMark,
        history(),
        drawSelection(),
        indentOnInput(),
        bracketMatching(),
        closeBrackets(),
        autocompletion({icons: false}),
        highlightActiveLine(),
        placeholder(placeholderText),
        syntaxHighlighting(highlight),
        language.of(kind === "sql" ? sql({dialect: PostgreSQL, schema, upperCaseKeywords: true}) : []),
        keymap.of([{key: "Mod-Enter", run: runKey, preventDefault: true}, {key: "Shift-Enter", run: advanceKey, preventDefault: true}, ...closeBracketsKeymap, ...defaultKeymap, ...historyKeymap, ...completionKeymap]),
        EditorView.lineWrapping,
        EditorView.contentAttributes.of({"aria-label": label}),
        EditorView.updateListener.of((update) => {
          if (update.docChanged) onChange?.(update.state.doc.toString());
        }),
        theme
      ]
    })
  });
  return {
    view,
    text: () => view.state.doc.toString(),
    /** @param {string} text */
    setText(text) {
      view.dispatch({changes: {from: 0, to: view.state.doc.length, insert: text}});
    },
    /** Inserts text at the cursor (replacing the selection) and focuses the editor. */
    /** @param {string} text */
    insert(text) {
      const {from, to} = view.state.selection.main;
      view.dispatch({changes: {from, to, insert: text}, selection: {anchor: from + text.length}, scrollIntoView: true});
      view.focus();
    },
    focus: () => view.focus(),
    /** @param {Record<string, any>} next */
    setSchema(next) {
      if (kind !== "sql") return;
      view.dispatch({effects: language.reconfigure(sql({dialect: PostgreSQL, schema: next, upperCaseKeywords: true}))});
    },
    /**
     * Marks where an error is (or clears the mark with null) until the text is edited.
     * @param {import("./editorLines.js").ErrorMark | null} mark
     */
    markError: (mark) => showErrorMark(view, mark),
    destroy: () => view.destroy()
  };
}
