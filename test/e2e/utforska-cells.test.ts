// Utforska data as a Jupyter-style notebook (issue 16): Markdown with live
// values, an input bound into SQL as a parameter, JavaScript with Arquero in
// the sandbox whose result later SQL queries, a kommun map; changing the
// input re-runs only what depends on it; pivot from the result view; xlsx,
// HTML report and .ipynb downloads opened and checked; Shift+Enter, counters,
// collapsing and restarting.
import {readFileSync} from "node:fs";
import {JSDOM} from "jsdom";
import type {Page} from "playwright-core";
import * as XLSX from "xlsx";
import {expect, inject, test} from "vitest";
import {newNotebook} from "../../src/lib/notebook/model.js";
import {shareHash} from "../../src/lib/notebook/serialize.js";
import {closeSharedBrowserAfterAll, openPage, sharedBrowser, waitForContent} from "./browser.js";

closeSharedBrowserAfterAll();

const cell = (page: Page, name: string) => page.locator(`.nb-cell[data-cell="${name}"]`);
const done = (page: Page, name: string) => page.locator(`.nb-cell[data-cell="${name}"][data-state="done"]`);
const runs = (page: Page) => page.locator(".nb-cell").evaluateAll((cells) => Object.fromEntries(cells.map((c) => [(c as HTMLElement).dataset.cell, Number((c as HTMLElement).dataset.runs ?? 0)])));
const texts = (page: Page, name: string) =>
  cell(page, name).locator("table.nb-result tbody tr").evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll("td")].map((td) => (td.textContent ?? "").replace(/[\s\u00a0\u202f]+/g, ""))));

const analysis = newNotebook({
  title: "Kommunen mot riket",
  cells: [
    {type: "input", name: "kommun", input: {kind: "unit", label: "Kommun", value: "0180"}},
    {name: "varden", title: "Kommunens värden", sql: "SELECT year, indicator_id, value AS procent FROM observations\nWHERE area_code = $kommun AND indicator_id IN ('bbic_ordinarie_licens', 'samlad_kompetensplan') AND value IS NOT NULL\nORDER BY year, indicator_id"},
    {type: "markdown", name: "text1", text: 'Första värdet för ${kommun} är ${value("varden", "procent")}, ${rowCount("varden")} värden i allt.'},
    {type: "js", name: "snitt", code: 'varden.groupby("indicator_id").rollup({medel: aq.op.mean("procent"), antal: aq.op.count()}).orderby("indicator_id")'},
    {name: "fran_js", sql: "SELECT indicator_id, antal FROM snitt ORDER BY indicator_id"},
    {name: "riket", sql: "SELECT year, value AS procent FROM observations WHERE area_code = '00' AND indicator_id = 'bbic_ordinarie_licens' ORDER BY year"},
    {
      name: "karta",
      title: "Kompetensplan 2016",
      sql: "SELECT o.area_code, o.value AS procent FROM observations o JOIN areas a ON a.code = o.area_code\nWHERE a.level = 'kommun' AND o.indicator_id = 'samlad_kompetensplan' AND o.year = 2016",
      chart: {type: "map", x: "area_code", y: "procent", color: null, xKind: "category", yKind: "number", colorKind: null}
    }
  ]
});

test("cells of every kind, an input that re-runs only its dependents, a map, pivot and downloads", async () => {
  const opened = await openPage(await sharedBrowser(), inject("baseUrl"), `/utforska${await shareHash(analysis)}`, {viewport: {width: 1400, height: 1000}});
  const {page} = opened;
  try {
    await page.locator('[data-action="trust-run"]').click();
    await waitForContent(page, done(page, "karta"), 120_000);

    // Markdown with live values, formatted the Swedish way.
    await expect(cell(page, "text1").locator(".nb-markdown")).toContainText(/Första värdet för 0180 är \d+(,\d)? procent, \d+ värden i allt\./);
    // JavaScript (Arquero, in the sandbox) made a table that SQL queries by name.
    const snitt = await texts(page, "snitt");
    expect(snitt.map((r) => r[0])).toEqual(["bbic_ordinarie_licens", "samlad_kompetensplan"]);
    expect(await texts(page, "fran_js")).toEqual(snitt.map((r) => [r[0], r[2]]));
    // Shares with one decimal, counts as integers.
    expect(await cell(page, "varden").locator("th .nb-col-name").evaluateAll((ns) => ns.map((n) => (n as HTMLElement).dataset.style))).toEqual(["year", "text", "share"]);
    // A map of the kommuner, coloured by value.
    // Every kommun drawn, and those with a value coloured on top.
    await expect(cell(page, "karta").locator('.nb-chart svg g[aria-label="geo"]').first().locator("path")).toHaveCount(290);
    expect(await cell(page, "karta").locator('.nb-chart svg g[aria-label="geo"]').nth(1).locator("path").count()).toBeGreaterThan(250);

    // Execution counters: each cell has run once, numbered in order.
    expect(await page.locator(".nb-cell-index").allTextContents()).toEqual(["[1]", "[2]", "[3]", "[4]", "[5]", "[6]", "[7]"]);

    // Change the input: the cells that depend on it run again, the others do not.
    const before = await runs(page);
    await cell(page, "kommun").locator(".nb-unit-search input").fill("Göteborg (1480)");
    await cell(page, "kommun").locator(".nb-unit-search input").press("Tab");
    await expect(cell(page, "text1").locator(".nb-markdown")).toContainText("Första värdet för 1480");
    await waitForContent(page, page.locator(`.nb-cell[data-cell="fran_js"][data-runs="${before.fran_js! + 1}"][data-state="done"]`));
    const after = await runs(page);
    expect(Object.fromEntries(Object.keys(before).map((k) => [k, after[k]! - before[k]!]))).toEqual({kommun: 1, varden: 1, text1: 1, snitt: 1, fran_js: 1, riket: 0, karta: 0});

    // Pivot without code: years as rows, indicators as columns, through an Arquero cell below.
    await cell(page, "varden").locator('[data-action="reshape"]').click();
    await cell(page, "varden").locator('select[data-reshape="rows"]').selectOption("year");
    await cell(page, "varden").locator('select[data-reshape="columns"]').selectOption("indicator_id");
    await cell(page, "varden").locator('select[data-reshape="values"]').selectOption("procent");
    await cell(page, "varden").locator('[data-action="pivot"]').click();
    await waitForContent(page, done(page, "tabell1"));
    expect(await cell(page, "tabell1").locator("thead .nb-col-name").allTextContents()).toEqual(["year", "bbic_ordinarie_licens", "samlad_kompetensplan"]);

    // xlsx: numbers as numbers, codes as text.
    await cell(page, "karta").locator('[data-action="downloads"]').click();
    const [xlsx] = await Promise.all([page.waitForEvent("download"), cell(page, "karta").locator('[data-action="xlsx"]').click()]);
    const sheet = XLSX.read(readFileSync((await xlsx.path())!), {type: "buffer"}).Sheets.karta!;
    expect(sheet.A2).toMatchObject({t: "s"});
    expect(String(sheet.A2!.v)).toMatch(/^\d{4}$/);
    expect(sheet.B2?.t ?? "n").toBe("n");

    // The HTML report: the notebook's text, tables and charts, no code, no script, provenance.
    const [report] = await Promise.all([page.waitForEvent("download"), page.locator('[data-action="report"]').click()]);
    expect(report.suggestedFilename()).toBe("kommunen-mot-riket.html");
    const doc = new JSDOM(readFileSync((await report.path())!, "utf8")).window.document;
    expect(doc.querySelector("h1")!.textContent).toBe("Kommunen mot riket");
    expect(doc.body.textContent).toContain("Första värdet för 1480");
    expect(doc.querySelectorAll("table").length).toBeGreaterThanOrEqual(5);
    expect(doc.querySelectorAll('figure img[src^="data:image/svg+xml;base64,"]').length).toBe(1);
    expect(doc.querySelectorAll("script, iframe")).toHaveLength(0);
    expect(doc.body.textContent).not.toContain("SELECT");
    expect(doc.querySelector("footer")!.textContent).toMatch(/SHA-256\): [0-9a-f]{64}/);
    expect(doc.querySelector(".notice")!.textContent).toContain("Exempeldata");

    // .ipynb for Jupyter.
    const [ipynb] = await Promise.all([page.waitForEvent("download"), page.locator('[data-action="ipynb"]').click()]);
    expect(JSON.parse(readFileSync((await ipynb.path())!, "utf8"))).toMatchObject({nbformat: 4});

    // Collapse a cell's code; Shift+Enter runs a new cell and moves on.
    await cell(page, "varden").locator('[data-action="collapse-code"]').click();
    expect(await cell(page, "varden").locator(".nb-editor").isVisible()).toBe(false);
    await page.locator('[data-action="add-cell"]').click();
    await page.keyboard.type("SELECT 42 AS svar");
    const count = await page.locator(".nb-cell").count();
    await page.keyboard.press("Shift+Enter");
    await waitForContent(page, page.locator('.nb-cell[data-state="done"]').filter({hasText: "42"}).last());
    await expect(page.locator(".nb-cell")).toHaveCount(count + 1);

    // Starta om: DuckDB restarted, every cell run again from the top.
    await page.locator('[data-action="restart"]').click();
    await expect(page.locator(".nb-cell-index").first()).toHaveText("[1]");
    await waitForContent(page, done(page, "karta"), 120_000);
    await expect(cell(page, "fran_js").locator("table.nb-result tbody tr")).toHaveCount(2);
    await opened.screenshot("utforska-celler");
    opened.expectClean();
  } finally {
    await opened.close();
  }
}, 300_000);
