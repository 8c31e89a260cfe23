// @ts-check
// A tree of plain objects (src/lib/notebook/markdown.js) as DOM nodes: tags
// from a fixed list, text as text nodes, only the attributes a tree may hold.
import {SAFE_HREF, TREE_TAGS} from "../../lib/notebook/markdown.js";

const ATTRIBUTES = new Set(["href", "rel", "style", "class", "colspan", "scope"]);

/**
 * @param {import("../../lib/notebook/markdown.js").TreeNode[]} tree
 * @returns {Node[]}
 */
export function treeToDom(tree) {
  return tree.map((node) => {
    if ("text" in node) return document.createTextNode(node.text);
    if (!TREE_TAGS.has(node.tag)) return document.createTextNode("");
    const element = document.createElement(node.tag);
    for (const [name, value] of Object.entries(node.attrs ?? {})) {
      if (!ATTRIBUTES.has(name)) continue;
      if (name === "href" && !SAFE_HREF.test(value)) continue;
      element.setAttribute(name, value);
    }
    if (node.tag === "a") element.setAttribute("target", "_blank");
    element.append(...treeToDom(node.children));
    return element;
  });
}
