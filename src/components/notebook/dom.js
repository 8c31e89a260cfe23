// @ts-check
// Small DOM helpers for the notebook: elements built with properties and text
// nodes only (never HTML from strings), and downloads through a temporary link.

/**
 * A DOM element: el("button", {class: "x", onclick}, "text", child…). Text
 * children become text nodes, so data never becomes markup.
 * @param {string} tag
 * @param {Record<string, any>} [attributes]
 * @param {...any} children
 * @returns {HTMLElement & Record<string, any>}
 */
export function el(tag, attributes = {}, ...children) {
  const node = /** @type {HTMLElement & Record<string, any>} */ (document.createElement(tag));
  for (const [key, value] of Object.entries(attributes)) {
    if (value === undefined || value === null || value === false) continue;
    if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
    else if (key === "class") node.className = value;
    else if (key in node && typeof value !== "string") node[key] = value;
    else node.setAttribute(key, value === true ? "" : value);
  }
  for (const child of children.flat()) if (child !== null && child !== undefined && child !== false && child !== "") node.append(child);
  return node;
}

/**
 * A button of type "button".
 * @param {string} label
 * @param {(event: Event) => void} onclick
 * @param {Record<string, any>} [extra]
 */
export const button = (label, onclick, extra = {}) => el("button", {type: "button", onclick, ...extra}, label);

/**
 * Saves content under `filename` through a temporary link.
 * @param {string} filename
 * @param {Blob | string | ArrayBuffer | Uint8Array} content
 * @param {string} [type]
 */
export function download(filename, content, type = "application/octet-stream") {
  const blob = content instanceof Blob ? content : new Blob([/** @type {BlobPart} */ (content)], {type});
  const url = URL.createObjectURL(blob);
  const link = el("a", {href: url, download: filename, hidden: true});
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
