// @ts-check
// Markdown cells: text with live values. `${…}` parts are evaluated by the
// notebook's own small expression language (expression.js), their text is
// escaped for Markdown, and markdown-it (raw HTML off) parses the whole into
// tokens, which become a tree of plain objects: {tag, attrs, children} or
// {text}. The page turns the tree into DOM nodes and the report into escaped
// HTML, so no HTML from a notebook is ever parsed. Images are not loaded (an
// image URL could carry data to another host): their alt text is shown.
import MarkdownIt from "markdown-it";
import {expressionNames, expressionText} from "./expression.js";

/** @typedef {{tag: string, attrs?: Record<string, string>, children: TreeNode[]} | {text: string}} TreeNode */
/** @typedef {import("./expression.js").Scope} Scope */

const markdown = new MarkdownIt({html: false, linkify: false, typographer: false});

/** Tags a tree may hold: everything markdown-it makes with raw HTML off, less images. */
export const TREE_TAGS = new Set(["p", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "blockquote", "pre", "code", "em", "strong", "s", "a", "hr", "br", "table", "thead", "tbody", "tr", "th", "td"]);
/** Link targets a tree may hold. */
export const SAFE_HREF = /^(https?:\/\/|mailto:|#|\.{0,2}\/(?!\/))/i;

/**
 * The Markdown split into literal text and `${…}` expressions (braces inside
 * quotes and nested braces are kept in the expression).
 * @param {string} text
 * @returns {({text: string} | {expression: string})[]}
 */
export function splitTemplate(text) {
  /** @type {({text: string} | {expression: string})[]} */
  const parts = [];
  let at = 0;
  for (let i = 0; i < text.length; i++) {
    if (text[i] !== "$" || text[i + 1] !== "{") continue;
    let depth = 0;
    /** @type {string | null} */
    let quote = null;
    let end = -1;
    for (let j = i + 2; j < text.length; j++) {
      const c = text[j];
      if (quote) {
        if (c === "\\") j++;
        else if (c === quote) quote = null;
      } else if (c === '"' || c === "'") quote = c;
      else if (c === "{") depth++;
      else if (c === "}") {
        if (depth === 0) {
          end = j;
          break;
        }
        depth--;
      }
    }
    if (end === -1) break;
    if (i > at) parts.push({text: text.slice(at, i)});
    parts.push({expression: text.slice(i + 2, end)});
    at = end + 1;
    i = end;
  }
  if (at < text.length) parts.push({text: text.slice(at)});
  return parts;
}

/**
 * The names a Markdown cell's expressions read.
 * @param {string} text
 * @returns {Set<string>}
 */
export function markdownReferences(text) {
  const names = new Set();
  for (const part of splitTemplate(text)) if ("expression" in part) for (const name of expressionNames(part.expression)) names.add(name);
  return names;
}

/** Text that Markdown shows as it is. @param {string} text */
export function escapeMarkdown(text) {
  return String(text).replace(/[\\`*_[\]{}()<>#+\-.!|~&$]/g, (c) => `\\${c}`);
}

/**
 * Markdown with its expressions replaced by their (escaped) text. An
 * expression that fails shows its error in place, marked ⚠.
 * @param {string} text
 * @param {Scope} scope
 * @returns {{markdown: string, errors: string[]}}
 */
export function resolveTemplate(text, scope) {
  /** @type {string[]} */
  const errors = [];
  const out = splitTemplate(text).map((part) => {
    if ("text" in part) return part.text;
    try {
      return escapeMarkdown(expressionText(part.expression, scope));
    } catch (error) {
      const message = /** @type {Error} */ (error).message;
      errors.push(message);
      return escapeMarkdown(`⚠ ${message}`);
    }
  });
  return {markdown: out.join(""), errors};
}

/**
 * markdown-it's tokens as a tree.
 * @param {any[]} tokens
 * @returns {TreeNode[]}
 */
function tokensToTree(tokens) {
  /** @type {TreeNode[]} */
  const root = [];
  /** @type {TreeNode[][]} */
  const stack = [root];
  const top = () => /** @type {TreeNode[]} */ (stack[stack.length - 1]);
  for (const token of tokens) {
    if (token.type === "inline") {
      top().push(...tokensToTree(token.children ?? []));
    } else if (token.type === "text") {
      top().push({text: token.content});
    } else if (token.type === "softbreak") {
      top().push({text: "\n"});
    } else if (token.type === "hardbreak") {
      top().push({tag: "br", children: []});
    } else if (token.type === "code_inline") {
      top().push({tag: "code", children: [{text: token.content}]});
    } else if (token.type === "code_block" || token.type === "fence") {
      top().push({tag: "pre", children: [{tag: "code", children: [{text: token.content}]}]});
    } else if (token.type === "image") {
      top().push({text: `[bild: ${token.content || "utan text"}]`});
    } else if (token.type === "hr") {
      top().push({tag: "hr", children: []});
    } else if (token.nesting === 1 && TREE_TAGS.has(token.tag)) {
      /** @type {Record<string, string>} */
      const attrs = {};
      if (token.tag === "a") {
        const href = token.attrGet("href") ?? "";
        if (SAFE_HREF.test(href)) Object.assign(attrs, {href, rel: "noopener noreferrer"});
      }
      const style = token.attrGet?.("style");
      if (style && /^text-align:(left|right|center)$/.test(style)) attrs.style = style;
      /** @type {TreeNode} */
      const node = {tag: token.tag, attrs, children: []};
      top().push(node);
      stack.push(node.children);
    } else if (token.nesting === -1 && TREE_TAGS.has(token.tag)) {
      if (stack.length > 1) stack.pop();
    }
  }
  return root;
}

/**
 * A Markdown cell as a tree, its values filled in from `scope`.
 * @param {string} text
 * @param {Scope} [scope]
 * @returns {{tree: TreeNode[], errors: string[]}}
 */
export function markdownTree(text, scope = {results: {}, inputs: {}}) {
  const {markdown: resolved, errors} = resolveTemplate(text, scope);
  return {tree: tokensToTree(markdown.parse(resolved, {})), errors};
}
