// Markdown cells: live values from the notebook's own expression language,
// formatted the Swedish way, and a tree of plain objects that never holds
// markup from the text.
import {describe, expect, it} from "vitest";
import {evaluate, expressionNames, expressionText, parseExpression} from "../../../../src/lib/notebook/expression.js";
import {escapeHtml, treeToHtml} from "../../../../src/lib/notebook/htmlTree.js";
import {markdownReferences, markdownTree, splitTemplate} from "../../../../src/lib/notebook/markdown.js";

const scope = {
  results: {
    bbic: {
      rows: [{år: 2016, andel: 24.45, antal: 1234}, {år: 2015, andel: 80, antal: 12}],
      columns: [{name: "år", type: "INTEGER"}, {name: "andel", type: "DOUBLE"}, {name: "antal", type: "INTEGER"}],
      styles: {år: "year", andel: "share", antal: "count"}
    }
  },
  inputs: {kommun: "0180", år: 2016},
  inputStyles: {år: "year"}
};

describe("expressions", () => {
  it.each([
    ['value("bbic", "andel")', "24,5 procent"],
    ['value("bbic", "andel", 1)', "80 procent"],
    ['value("bbic", "antal")', "1\u202f234"],
    ['value("bbic", "år")', "2016"],
    ['shareInWords(value("bbic", "andel"))', "var fjärde"],
    ['percent(value("bbic", "andel", 1))', "80 procent"],
    ['number(value("bbic", "antal"))', "1\u202f234"],
    ['rowCount("bbic")', "2"],
    ["bbic.rows[1].antal", "12"],
    ["kommun", "0180"],
    ["år", "2016"],
    ['capitalize("var fjärde")', "Var fjärde"]
  ])("${%s} reads %j", (source, text) => expect(expressionText(source, scope)).toBe(text));

  it.each([
    ["alert(1)", /okänd funktion alert/],
    ["constructor.constructor", /inget resultat eller val som heter constructor/],
    ["bbic.__proto__", /saknar __proto__/],
    ['value("bbic", "saknas")', /ingen kolumn saknas/],
    ['value("bbic", "andel", 7)', /ingen rad 8/],
    ["a = 1", /oväntat =/],
    ["bbic.rows[0](1)", /oväntat \(/]
  ])("refuses ${%s}", (source, message) => expect(() => expressionText(source, scope)).toThrow(message));

  it("parses to data and lists the names it reads", () => {
    expect(parseExpression('percent(value("bbic", "andel"))')).toEqual({type: "call", name: "percent", args: [{type: "call", name: "value", args: [{type: "literal", value: "bbic"}, {type: "literal", value: "andel"}]}]});
    expect(expressionNames('percent(value("bbic", "andel")) ')).toEqual(["bbic"]);
    expect(evaluate({type: "path", root: "kommun", steps: []}, scope)).toMatchObject({raw: "0180", text: "0180"});
  });
});

describe("markdown cells", () => {
  it("fills in values and renders Markdown as a tree", () => {
    const {tree, errors} = markdownTree('## Resultat\n\nAndelen är **${value("bbic", "andel")}** i ${kommun}.', scope);
    expect(errors).toEqual([]);
    expect(treeToHtml(tree)).toBe("<h2>Resultat</h2><p>Andelen är <strong>24,5 procent</strong> i 0180.</p>");
  });

  it("shows markup in the text and in values as text, drops script links and never loads images", () => {
    const hostile = '<script>alert(1)</script> <img src=x onerror=alert(1)> [klick](javascript:alert(1)) ![bild](http://127.0.0.1:9/läcka?d=1) ${"<b>fet</b>"}';
    const html = treeToHtml(markdownTree(hostile, scope).tree);
    expect(html).not.toMatch(/<script|<img|href="javascript/i);
    expect(html).toContain("&lt;img src=x onerror=alert(1)&gt;");
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(html).toContain("[bild: bild]");
    expect(html).toContain("&lt;b&gt;fet&lt;/b&gt;");
  });

  it("keeps safe links, with rel=noopener", () => {
    expect(treeToHtml(markdownTree("[guide](./anvandarguide) [x](https://example.org)").tree)).toBe(
      '<p><a href="./anvandarguide" rel="noopener noreferrer">guide</a> <a href="https://example.org" rel="noopener noreferrer">x</a></p>'
    );
  });

  it("marks a value that cannot be shown, and goes on", () => {
    const {tree, errors} = markdownTree("A ${saknas} B", scope);
    expect(errors).toEqual(["det finns inget resultat eller val som heter saknas ovanför"]);
    expect(treeToHtml(tree)).toBe("<p>A ⚠ det finns inget resultat eller val som heter saknas ovanför B</p>");
  });

  it("splits templates with braces and quotes inside, and lists the names they read", () => {
    expect(splitTemplate('a ${value("x}", "y")} b ${')).toEqual([{text: "a "}, {expression: 'value("x}", "y")'}, {text: " b ${"}]);
    expect([...markdownReferences('${value("bbic", "andel")} ${kommun} ${x.rows[0].y}')]).toEqual(["bbic", "kommun", "x"]);
  });

  it("escapes every text and attribute it writes", () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe("&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;");
    expect(treeToHtml([{tag: "p", attrs: {title: '"><script>', onclick: "x"}, children: [{text: "</p>"}]}])).toBe('<p title="&quot;&gt;&lt;script&gt;">&lt;/p&gt;</p>');
    expect(() => treeToHtml([{tag: "p onload=x", children: []}])).toThrow("ogiltigt elementnamn");
  });
});
