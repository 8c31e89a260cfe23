// The notebooks kept in the browser: a list of entries, each notebook under a
// key of its own; an opened link or file is a new entry, never written over
// another, and untrusted until the user runs it.
import {describe, expect, it} from "vitest";
import {
  addNotebook,
  currentNotebook,
  deleteNotebook,
  INDEX_KEY,
  LEGACY_KEYS,
  listNotebooks,
  loadNotebook,
  migrateLegacy,
  renameNotebook,
  saveNotebook,
  setCurrentNotebook,
  trustNotebook
} from "../../../../src/lib/notebook/library.js";
import {newNotebook, toData} from "../../../../src/lib/notebook/model.js";
import {notebookToJson} from "../../../../src/lib/notebook/serialize.js";

class MemoryStorage {
  items = new Map<string, string>();
  getItem(key: string) {
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string) {
    this.items.set(key, value);
  }
  removeItem(key: string) {
    this.items.delete(key);
  }
}

const mine = () => newNotebook({title: "Min analys", cells: [{sql: "SELECT 1 AS x"}]});
const theirs = () => newNotebook({title: "Från en kollega", cells: [{sql: "SELECT 2 AS y"}]});
const NOW = new Date(Date.UTC(2026, 10, 30, 9, 0));

describe("the list of notebooks", () => {
  it("keeps the user's notebook when two links are opened after it", () => {
    const storage = new MemoryStorage();
    const own = addNotebook(storage, mine(), {now: NOW});
    const first = addNotebook(storage, theirs(), {origin: "länk", now: NOW});
    const second = addNotebook(storage, newNotebook({title: "Ännu en länk", cells: []}), {origin: "länk", now: NOW});
    expect(new Set([own, first, second]).size).toBe(3);
    expect(listNotebooks(storage).map((e) => [e.title, e.origin, e.trusted])).toEqual([
      ["Ännu en länk", "länk", false],
      ["Från en kollega", "länk", false],
      ["Min analys", "egen", true]
    ]);
    expect(toData(loadNotebook(storage, own)!)).toEqual(toData(mine()));
  });

  it("saves, renames, trusts, remembers the open one and deletes", () => {
    const storage = new MemoryStorage();
    const id = addNotebook(storage, theirs(), {origin: "fil", now: NOW});
    const edited = {...theirs(), title: "Ändrad"};
    saveNotebook(storage, id, edited, {now: NOW});
    expect(loadNotebook(storage, id)!.title).toBe("Ändrad");
    renameNotebook(storage, id, "Nytt namn");
    expect([listNotebooks(storage)[0]!.title, loadNotebook(storage, id)!.title]).toEqual(["Nytt namn", "Nytt namn"]);
    trustNotebook(storage, id);
    expect(listNotebooks(storage)[0]!.trusted).toBe(true);
    setCurrentNotebook(storage, id);
    expect(currentNotebook(storage)).toBe(id);
    deleteNotebook(storage, id);
    expect([listNotebooks(storage), currentNotebook(storage), loadNotebook(storage, id)]).toEqual([[], null, null]);
  });

  it("moves the single notebook and backup of earlier versions into the list", () => {
    const storage = new MemoryStorage();
    storage.setItem(LEGACY_KEYS[0]!, notebookToJson(mine()));
    storage.setItem(LEGACY_KEYS[1]!, notebookToJson(theirs()));
    migrateLegacy(storage, {now: NOW});
    expect(listNotebooks(storage).map((e) => e.title)).toEqual(["Min analys", "Från en kollega"]);
    expect(LEGACY_KEYS.map((k) => storage.getItem(k))).toEqual([null, null]);
  });

  it("keeps an unreadable old notebook where it is, and survives a damaged list", () => {
    const storage = new MemoryStorage();
    storage.setItem(LEGACY_KEYS[0]!, "{");
    migrateLegacy(storage);
    expect(storage.getItem(LEGACY_KEYS[0]!)).toBe("{");
    storage.setItem(INDEX_KEY, "inte json");
    expect(listNotebooks(storage)).toEqual([]);
  });
});
