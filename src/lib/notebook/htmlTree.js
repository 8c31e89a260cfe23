// @ts-check
// A tree of plain objects ({tag, attrs, children} or {text}) as HTML text,
// every text and attribute escaped: the report's only way to write HTML.

/** @typedef {import("./markdown.js").TreeNode} TreeNode */

const VOID = new Set(["br", "hr", "img", "meta", "link", "col"]);
const ESCAPES = /** @type {Record<string, string>} */ ({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;"});

/** Text safe in HTML content and in a double-quoted attribute. @param {unknown} text */
export function escapeHtml(text) {
  return String(text).replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);
}

/**
 * @param {TreeNode | TreeNode[]} tree
 * @returns {string}
 */
export function treeToHtml(tree) {
  if (Array.isArray(tree)) return tree.map(treeToHtml).join("");
  if ("text" in tree) return escapeHtml(tree.text);
  if (!/^[a-z][a-z0-9]*$/.test(tree.tag)) throw new Error(`ogiltigt elementnamn ${JSON.stringify(tree.tag)}`);
  const attrs = Object.entries(tree.attrs ?? {})
    .filter(([name]) => /^[a-z][a-z-]*$/.test(name) && !name.startsWith("on"))
    .map(([name, value]) => ` ${name}="${escapeHtml(value)}"`)
    .join("");
  if (VOID.has(tree.tag)) return `<${tree.tag}${attrs}>`;
  return `<${tree.tag}${attrs}>${treeToHtml(tree.children)}</${tree.tag}>`;
}

/**
 * Builds a node: h("p", {class: "x"}, "text", child…).
 * @param {string} tag
 * @param {Record<string, string | undefined | null>} [attrs]
 * @param {...(TreeNode | string | null | undefined | false | (TreeNode | string)[])} children
 * @returns {TreeNode}
 */
export function h(tag, attrs = {}, ...children) {
  /** @type {Record<string, string>} */
  const clean = {};
  for (const [k, v] of Object.entries(attrs)) if (v !== undefined && v !== null) clean[k] = v;
  /** @type {TreeNode[]} */
  const kids = [];
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    kids.push(typeof child === "string" ? {text: child} : child);
  }
  return {tag, attrs: clean, children: kids};
}
