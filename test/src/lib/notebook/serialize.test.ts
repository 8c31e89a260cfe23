// Notebook serialization: the .json file and the link (the browser's list of
// notebooks is library.test.ts). Round trips
// must give back the same notebook, and bad input must say what is wrong.
import {describe, expect, it} from "vitest";
import {cellNameProblem, DEFAULT_TITLE, fromData, moveCell, newNotebook, nextCellName, NotebookError, toData} from "../../../../src/lib/notebook/model.js";
import {
  base64urlToBytes,
  bytesToBase64url,
  decodeNotebook,
  encodedFromHash,
  encodeNotebook,
  fileStem,
  notebookFromJson,
  notebookToJson,
  shareHash
} from "../../../../src/lib/notebook/serialize.js";
import {EXAMPLES} from "../../../../src/lib/notebook/examples.js";

const TABLES = ["observations", "areas", "population", "indicators", "comparability", "responses", "surveys"];

function sample() {
  return newNotebook({
    title: "Kompetensplaner i länen – ”utkast” 2016",
    cells: [
      {sql: EXAMPLES[2]!.sql, title: "Länen", chart: {type: "bar", x: "procent", y: "län", color: null, xKind: "number", yKind: "category", colorKind: null}},
      {sql: "SELECT count(*) AS n, 'å;ä' AS s -- kommentar\nFROM resultat1", name: "sammanfattning"},
      {sql: "", name: "tom_cell", title: "Emoji 📊 och tab\t"}
    ]
  });
}

describe("cell names", () => {
  it("numbers new cells resultat1, resultat2 … skipping taken names", () => {
    expect(nextCellName([])).toBe("resultat1");
    expect(nextCellName([{name: "resultat1"}, {name: "resultat3"}])).toBe("resultat2");
  });

  it.each([
    ["resultat1", null],
    ["län_2016", null],
    ["", "Cellen behöver ett namn."],
    ["1a", "får inte börja med en siffra"],
    ["Resultat", "små bokstäver"],
    ["med mellanslag", "små bokstäver"],
    ["observations", "redan namnet på en av datatabellerna"],
    ["select", "reserverat ord"],
    ["const", "reserverat ord"],
    ["sql", "reserverat ord"],
    ["x".repeat(41), "högst 40 tecken"],
    ["dubblett", "Cell 1 heter redan dubblett"]
  ])("%j", (name, expected) => {
    const problem = cellNameProblem(name, {cells: [{name: "dubblett"}, {name: "annan"}], index: 1, tableNames: TABLES});
    if (expected === null) expect(problem).toBeNull();
    else expect(problem).toContain(expected);
  });

  it("moves cells and clamps at the ends", () => {
    const cells = [{name: "a"}, {name: "b"}, {name: "c"}];
    expect(moveCell(cells, 0, 1).map((c) => c.name)).toEqual(["b", "a", "c"]);
    expect(moveCell(cells, 2, 5).map((c) => c.name)).toEqual(["a", "b", "c"]);
    expect(moveCell(cells, 1, -3).map((c) => c.name)).toEqual(["b", "a", "c"]);
  });
});

describe(".json file", () => {
  it("round-trips title, names, headings, SQL and charts; runtime ids are not saved", () => {
    const notebook = sample();
    const text = notebookToJson(notebook);
    expect(text).not.toContain("cell-");
    const back = notebookFromJson(text, {source: "filen x.json", tableNames: TABLES});
    expect(toData(back)).toEqual(toData(notebook));
    expect(back.cells.map((c) => c.id)).not.toEqual(notebook.cells.map((c) => c.id));
    expect(JSON.parse(text)).toMatchObject({format: "oj-utforska-anteckningsbok", version: 2});
  });

  it("accepts a byte order mark and defaults an empty title", () => {
    const text = "\ufeff" + JSON.stringify({format: "oj-utforska-anteckningsbok", version: 1, title: " ", cells: []});
    expect(notebookFromJson(text).title).toBe(DEFAULT_TITLE);
  });

  it.each([
    ["{not json", /Filen x\.json är inte giltig JSON/],
    ["[]", /inte ett JSON-objekt/],
    [JSON.stringify({format: "något-annat", version: 1, cells: []}), /fältet format är "något-annat"/],
    [JSON.stringify({version: 3, cells: []}), /version 3 av formatet/],
    [JSON.stringify({version: 1}), /fältet cells saknas/],
    [JSON.stringify({version: 1, cells: [{name: "a", sql: 5}]}), /cells\[0\]\.sql saknas eller är inte text/],
    [JSON.stringify({version: 1, cells: [{name: "a", sql: ""}, {name: "a", sql: ""}]}), /cells\[1\]\.name \("a"\): Cell 1 heter redan a/],
    [JSON.stringify({version: 1, cells: [{name: "areas", sql: ""}]}), /cells\[0\]\.name \("areas"\): areas är redan namnet/],
    [JSON.stringify({version: 1, cells: [{name: "a", sql: "", chart: {type: "pie", x: "a", y: "b"}}]}), /cells\[0\]\.chart: okänd diagramtyp "pie"/],
    [JSON.stringify({version: 1, cells: [{name: "a", sql: "", chart: {type: "bar", x: "a", y: "b", xKind: "number"}}]}), /yKind är undefined/]
  ])("rejects %s", (text, message) => {
    expect(() => notebookFromJson(text, {source: "filen x.json", tableNames: TABLES})).toThrow(NotebookError);
    expect(() => notebookFromJson(text, {source: "filen x.json", tableNames: TABLES})).toThrow(message);
  });
});

describe("link (deflated, base64url, in the hash)", () => {
  it("base64url round-trips every byte value without +, / or =", () => {
    const bytes = new Uint8Array(300).map((_, i) => (i * 37) % 256);
    const text = bytesToBase64url(bytes);
    expect(text).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(base64urlToBytes(text)).toEqual(bytes);
  });

  it("round-trips a notebook through the hash", async () => {
    const notebook = sample();
    const hash = await shareHash(notebook);
    expect(hash).toMatch(/^#anteckningsbok=[A-Za-z0-9_-]+$/);
    const encoded = encodedFromHash(hash);
    expect(encoded).not.toBeNull();
    const back = await decodeNotebook(encoded!, {tableNames: TABLES});
    expect(toData(back)).toEqual(toData(notebook));
  });

  it("is compact: deflate beats plain base64 of the JSON for a notebook of all examples", async () => {
    const notebook = newNotebook({title: "Alla exempel", cells: EXAMPLES.map((e) => ({sql: e.sql, title: e.title}))});
    const encoded = await encodeNotebook(notebook);
    const plain = bytesToBase64url(new TextEncoder().encode(JSON.stringify(toData(notebook))));
    expect(encoded.length).toBeLessThan(plain.length * 0.5);
    expect(encoded.length).toBeLessThan(3000);
  });

  it("says so when the link was cut or altered", async () => {
    const encoded = await encodeNotebook(sample());
    await expect(decodeNotebook(encoded.slice(0, encoded.length - 20))).rejects.toThrow(/Länken innehåller ingen läsbar anteckningsbok/);
    await expect(decodeNotebook("inte+base64")).rejects.toThrow(/base64url/);
  });

  it("reads the notebook parameter among others in the hash", () => {
    expect(encodedFromHash("#a=1&anteckningsbok=abc_-")).toBe("abc_-");
    expect(encodedFromHash("#annat=1")).toBeNull();
    expect(encodedFromHash("")).toBeNull();
  });
});

describe("fromData", () => {
  it("gives every cell a fresh id and a null chart by default", () => {
    const notebook = fromData({version: 1, title: "T", cells: [{name: "a", sql: "SELECT 1"}]});
    expect(notebook.cells[0]).toMatchObject({name: "a", title: "", sql: "SELECT 1", chart: null});
    expect(notebook.cells[0]!.id).toMatch(/^cell-\d+$/);
  });
});

describe("fileStem", () => {
  it.each([
    ["Kompetensplaner i länen – ”utkast” 2016", "kompetensplaner-i-lanen-utkast-2016"],
    ["Öppna jämförelser", "oppna-jamforelser"],
    ["!!!", "anteckningsbok"]
  ])("%s → %s", (title, stem) => expect(fileStem(title)).toBe(stem));
});
