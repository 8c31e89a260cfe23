// @ts-check
// Notebooks out of the page and back: a .json file and a link (the notebook
// deflated and base64url-encoded in the URL's hash, so it never reaches a
// server). The browser's list of notebooks is library.js. Pure apart from the platform's
// CompressionStream, which node (≥ 18) and browsers both provide.
import {fromData, NotebookError, toData} from "./model.js";

/** @typedef {import("./model.js").Notebook} Notebook */

export const HASH_KEY = "anteckningsbok";
/** Beyond this many characters a link risks being cut by mail programs and chat tools. */
export const LONG_LINK = 8000;

/**
 * The notebook as a .json file's text (indented: people open these files).
 * @param {Notebook} notebook
 */
export function notebookToJson(notebook) {
  return `${JSON.stringify(toData(notebook), null, 2)}\n`;
}

/**
 * Reads a .json file's text; `source` names it in errors ("filen analys.json").
 * @param {string} text
 * @param {{source?: string, tableNames?: string[]}} [options]
 */
export function notebookFromJson(text, {source = "filen", tableNames = []} = {}) {
  let data;
  try {
    data = JSON.parse(text.replace(/^\ufeff/, ""));
  } catch (error) {
    throw new NotebookError(`${source.charAt(0).toUpperCase()}${source.slice(1)} är inte giltig JSON: ${/** @type {Error} */ (error).message}.`);
  }
  return fromData(data, {source, tableNames});
}

/** @param {Uint8Array} bytes */
export function bytesToBase64url(bytes) {
  let binary = "";
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary).replaceAll("+", "-").replaceAll("/", "_").replace(/=+$/, "");
}

/** @param {string} text */
export function base64urlToBytes(text) {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) throw new Error("tecken som inte hör till base64url");
  const base64 = text.replaceAll("-", "+").replaceAll("_", "/") + "===".slice((text.length + 3) % 4);
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/**
 * @param {Uint8Array} bytes
 * @param {CompressionStream | DecompressionStream} stream
 */
async function pipe(bytes, stream) {
  const source = new Blob([/** @type {BlobPart} */ (bytes)]).stream();
  return new Uint8Array(await new Response(source.pipeThrough(/** @type {any} */ (stream))).arrayBuffer());
}

/**
 * The notebook, deflated and base64url-encoded: the value of the link's hash parameter.
 * @param {Notebook} notebook
 */
export async function encodeNotebook(notebook) {
  const json = JSON.stringify(toData(notebook));
  return bytesToBase64url(await pipe(new TextEncoder().encode(json), new CompressionStream("deflate-raw")));
}

/**
 * @param {string} encoded
 * @param {{source?: string, tableNames?: string[]}} [options]
 */
export async function decodeNotebook(encoded, {source = "länken", tableNames = []} = {}) {
  let json;
  try {
    json = new TextDecoder("utf-8", {fatal: true}).decode(await pipe(base64urlToBytes(encoded), new DecompressionStream("deflate-raw")));
  } catch (error) {
    throw new NotebookError(`${source.charAt(0).toUpperCase()}${source.slice(1)} innehåller ingen läsbar anteckningsbok (den kan ha kortats av när den kopierades): ${/** @type {Error} */ (error).message}.`);
  }
  return notebookFromJson(json, {source, tableNames});
}

/**
 * "#anteckningsbok=…" for a notebook.
 * @param {Notebook} notebook
 */
export async function shareHash(notebook) {
  return `#${HASH_KEY}=${await encodeNotebook(notebook)}`;
}

/**
 * The encoded notebook in a location hash, or null when the hash holds none.
 * @param {string | null | undefined} hash
 * @returns {string | null}
 */
export function encodedFromHash(hash) {
  const params = new URLSearchParams(String(hash ?? "").replace(/^#/, ""));
  const value = params.get(HASH_KEY);
  return value ? value : null;
}

/**
 * A file name for the notebook: "Min analys!" → "min-analys".
 * @param {string} title
 */
export function fileStem(title) {
  const stem = String(title)
    .toLowerCase()
    .replaceAll("å", "a")
    .replaceAll("ä", "a")
    .replaceAll("ö", "o")
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60)
    .replace(/-+$/, "");
  return stem || "anteckningsbok";
}
