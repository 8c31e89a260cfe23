// The dependency graph: which cells read which, and what to re-run when one
// changes (only what is downstream, in notebook order).
import {describe, expect, it} from "vitest";
import {cellReferences, dependencyGraph, dependentsOf, jsIdentifiers} from "../../../../src/lib/notebook/graph.js";
import {newNotebook} from "../../../../src/lib/notebook/model.js";

const notebook = newNotebook({
  cells: [
    {type: "input", name: "kommun", input: {kind: "unit", label: "Kommun", value: "0180"}},
    {type: "input", name: "år", input: {kind: "year", label: "År", value: 2016}},
    {name: "värden", sql: "SELECT * FROM observations WHERE area_code = $kommun"},
    {name: "riket", sql: "SELECT * FROM observations WHERE area_code = '00' AND year = $år"},
    {type: "js", name: "bred", code: "värden.groupby('year').pivot('indicator_id', 'value') // riket nämns bara här"},
    {type: "markdown", name: "text1", text: 'Andelen är ${value("värden", "value")} i ${kommun}.'},
    {name: "jämför", sql: "SELECT * FROM bred JOIN riket USING (year)"},
    {name: "fristående", sql: "SELECT 1"}
  ]
});

describe("dependency graph", () => {
  it("reads SQL names and $parameters, JavaScript variables and Markdown values", () => {
    expect(Object.fromEntries(dependencyGraph(notebook.cells))).toEqual({
      kommun: [],
      år: [],
      värden: ["kommun"],
      riket: ["år"],
      bred: ["värden"],
      text1: ["kommun", "värden"],
      jämför: ["riket", "bred"],
      fristående: []
    });
  });

  it("re-runs only what is downstream of a change, in order", () => {
    expect(dependentsOf(notebook.cells, "kommun")).toEqual(["värden", "bred", "text1", "jämför"]);
    expect(dependentsOf(notebook.cells, "år")).toEqual(["riket", "jämför"]);
    expect(dependentsOf(notebook.cells, "fristående")).toEqual([]);
  });

  it("ignores names in JavaScript strings, comments and property access, and later cells", () => {
    const names = jsIdentifiers("a.b + c // d\n'e' + \"f\" + `${g}`");
    expect(["a", "c", "g"].every((n) => names.has(n))).toBe(true);
    expect(["b", "d", "e", "f"].some((n) => names.has(n))).toBe(false);
    expect(cellReferences({type: "sql", name: "x", sql: "SELECT * FROM Värden"}, ["värden"])).toEqual(["värden"]);
    expect(cellReferences({type: "js", name: "x", sql: "", code: "riket.x"}, [])).toEqual([]);
  });
});
