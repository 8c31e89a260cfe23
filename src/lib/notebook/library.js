// @ts-check
// The notebooks kept in the browser: a list (id, title, where it came from,
// when it was last saved) and each notebook under a key of its own. An opened
// link or file becomes a new entry; nothing overwrites another notebook.
// Pure: `storage` is anything with getItem/setItem/removeItem (localStorage in
// the page, a Map-backed object in tests).
import {notebookFromJson} from "./serialize.js";
import {toData} from "./model.js";

/** @typedef {import("./model.js").Notebook} Notebook */
/** @typedef {{getItem(key: string): string | null, setItem(key: string, value: string): void, removeItem(key: string): void}} Storage */
/** @typedef {"egen" | "länk" | "fil"} Origin */
/**
 * `trusted`: the user has agreed to run it (always true for their own; a
 * notebook from a link or a file is false until they do).
 * @typedef {{id: string, title: string, origin: Origin, updated: string, trusted: boolean}} Entry
 */

export const INDEX_KEY = "oj-utforska:anteckningsböcker";
export const CURRENT_KEY = "oj-utforska:aktuell";
export const NOTEBOOK_PREFIX = "oj-utforska:anteckningsbok:";
/** Keys of the single-notebook storage this list replaces (read once, then removed). */
export const LEGACY_KEYS = ["oj-utforska:anteckningsbok", "oj-utforska:föregående"];

/** @param {Storage} storage @returns {Entry[]} */
export function listNotebooks(storage) {
  const text = storage.getItem(INDEX_KEY);
  if (!text) return [];
  try {
    const list = JSON.parse(text);
    return Array.isArray(list)
      ? list.filter((e) => e && typeof e.id === "string" && typeof e.title === "string").map((e) => ({...e, trusted: e.trusted === true}))
      : [];
  } catch {
    return [];
  }
}

/** @param {Storage} storage @param {Entry[]} entries */
function writeIndex(storage, entries) {
  storage.setItem(INDEX_KEY, JSON.stringify(entries));
}

/** A new id: time and a counter, unique within one browser. @param {Entry[]} entries */
function newId(entries) {
  const taken = new Set(entries.map((e) => e.id));
  const base = Date.now().toString(36);
  for (let i = 0; ; i++) if (!taken.has(`${base}${i}`)) return `${base}${i}`;
}

/**
 * Adds a notebook as a new entry and returns its id.
 * @param {Storage} storage
 * @param {Notebook} notebook
 * @param {{origin?: Origin, now?: Date}} [options] a notebook from a link or a file starts untrusted
 */
export function addNotebook(storage, notebook, {origin = "egen", now = new Date()} = {}) {
  const entries = listNotebooks(storage);
  const id = newId(entries);
  storage.setItem(`${NOTEBOOK_PREFIX}${id}`, JSON.stringify(toData(notebook)));
  writeIndex(storage, [{id, title: notebook.title, origin, updated: now.toISOString(), trusted: origin === "egen"}, ...entries]);
  return id;
}

/**
 * Records that the user agreed to run entry `id`.
 * @param {Storage} storage
 * @param {string} id
 */
export function trustNotebook(storage, id) {
  const entries = listNotebooks(storage);
  const entry = entries.find((e) => e.id === id);
  if (!entry) return;
  entry.trusted = true;
  writeIndex(storage, entries);
}

/**
 * Saves the notebook of entry `id` (its title in the list follows).
 * @param {Storage} storage
 * @param {string} id
 * @param {Notebook} notebook
 * @param {{now?: Date}} [options]
 */
export function saveNotebook(storage, id, notebook, {now = new Date()} = {}) {
  storage.setItem(`${NOTEBOOK_PREFIX}${id}`, JSON.stringify(toData(notebook)));
  const entries = listNotebooks(storage);
  const entry = entries.find((e) => e.id === id);
  if (entry) Object.assign(entry, {title: notebook.title, updated: now.toISOString()});
  else entries.unshift({id, title: notebook.title, origin: "egen", updated: now.toISOString(), trusted: true});
  writeIndex(storage, entries);
}

/**
 * The notebook of entry `id`, or null if there is none; throws NotebookError when it cannot be read.
 * @param {Storage} storage
 * @param {string} id
 * @param {{tableNames?: string[]}} [options]
 */
export function loadNotebook(storage, id, {tableNames = []} = {}) {
  const text = storage.getItem(`${NOTEBOOK_PREFIX}${id}`);
  if (text === null) return null;
  return notebookFromJson(text, {source: "anteckningsboken som sparats i webbläsaren", tableNames});
}

/**
 * Renames entry `id` (and the title inside the saved notebook).
 * @param {Storage} storage
 * @param {string} id
 * @param {string} title
 */
export function renameNotebook(storage, id, title) {
  const entries = listNotebooks(storage);
  const entry = entries.find((e) => e.id === id);
  if (!entry) return;
  entry.title = title;
  writeIndex(storage, entries);
  const text = storage.getItem(`${NOTEBOOK_PREFIX}${id}`);
  if (text) {
    try {
      storage.setItem(`${NOTEBOOK_PREFIX}${id}`, JSON.stringify({...JSON.parse(text), title}));
    } catch {
      // An unreadable notebook keeps its text; the list has the new title.
    }
  }
}

/** @param {Storage} storage @param {string} id */
export function deleteNotebook(storage, id) {
  storage.removeItem(`${NOTEBOOK_PREFIX}${id}`);
  writeIndex(storage, listNotebooks(storage).filter((e) => e.id !== id));
  if (storage.getItem(CURRENT_KEY) === id) storage.removeItem(CURRENT_KEY);
}

/** @param {Storage} storage @returns {string | null} */
export function currentNotebook(storage) {
  const id = storage.getItem(CURRENT_KEY);
  return id && listNotebooks(storage).some((e) => e.id === id) ? id : null;
}

/** @param {Storage} storage @param {string} id */
export function setCurrentNotebook(storage, id) {
  storage.setItem(CURRENT_KEY, id);
}

/**
 * Moves notebooks kept by earlier versions of the page (one slot and one
 * backup) into the list, each as an entry of its own, and removes the old keys.
 * @param {Storage} storage
 * @param {{now?: Date}} [options]
 * @returns {string[]} ids of the moved notebooks
 */
export function migrateLegacy(storage, {now = new Date()} = {}) {
  /** @type {string[]} */
  const ids = [];
  for (const key of [...LEGACY_KEYS].reverse()) {
    const text = storage.getItem(key);
    if (text === null) continue;
    try {
      const notebook = notebookFromJson(text, {source: "anteckningsboken som sparats i webbläsaren"});
      ids.unshift(addNotebook(storage, notebook, {origin: "egen", now}));
      storage.removeItem(key);
    } catch {
      // Left where it is: an unreadable notebook is not thrown away.
    }
  }
  return ids;
}
