// Utforska data (src/utforska.md): a notebook of SQL cells over the project's
// tables in DuckDB-WASM. A query, its chart, a cell that refers to it, the
// notebook kept over a reload and shared as a link, the CSV download,
// cancelling a long query, and the exported report page built into a site of
// its own and compared row by row with the notebook.
import {readFileSync} from "node:fs";
import type {Locator, Page} from "playwright-core";
import {expect, inject, test} from "vitest";
import {newNotebook} from "../../src/lib/notebook/model.js";
import {shareHash} from "../../src/lib/notebook/serialize.js";
import {EXAMPLES} from "../../src/lib/notebook/examples.js";
import {closeSharedBrowserAfterAll, openPage, PLOT_MARKS, sharedBrowser, waitForContent, type OpenedPage} from "./browser.js";
import {buildSiteWith} from "./exportedSite.js";
import {loadServe} from "./globalSetup.js";

closeSharedBrowserAfterAll();

const cell = (page: Page, name: string) => page.locator(`.nb-cell[data-cell="${name}"]`);
const done = (page: Page, name: string) => page.locator(`.nb-cell[data-cell="${name}"][data-state="done"]`);

/** The texts of a table's body cells, whitespace (thin spaces, no-break spaces) removed. */
function tableTexts(table: Locator, {skipFirstColumn = false} = {}): Promise<string[][]> {
  return table.locator("tbody tr").evaluateAll(
    (trs, skip) => trs.map((tr) => [...tr.querySelectorAll("td")].slice(skip ? 1 : 0).map((td) => (td.textContent ?? "").replace(/[\s\u00a0\u202f]+/g, ""))),
    skipFirstColumn
  );
}

/** "66,667" → 66.667, "−3" → -3 */
const swedishNumber = (text: string) => Number(text.replace(/[\s\u00a0\u202f]/g, "").replace("\u2212", "-").replace(",", "."));

/**
 * Types into the focused editor as a person would. The editor closes brackets
 * and quotes itself; typing the closing one steps over it, so the text ends up as given.
 */
async function typeSql(page: Page, sql: string) {
  await page.keyboard.type(sql);
}

async function editorText(page: Page, name: string) {
  return cell(page, name).locator(".cm-content").evaluate((el) => [...el.querySelectorAll(".cm-line")].map((l) => l.textContent).join("\n"));
}

async function open(path: string): Promise<OpenedPage> {
  return openPage(await sharedBrowser(), inject("baseUrl"), path, {viewport: {width: 1400, height: 1000}});
}

async function finish(opened: OpenedPage, screenshot: string) {
  await screenshotOf(opened, screenshot);
  const cellErrors = await opened.page.locator(".observablehq--error").allTextContents();
  opened.problems.pageErrors.push(...cellErrors.map((text) => `cell error shown on the page: ${text.trim()}`));
  opened.expectClean();
}

test("utforska: a query and its chart, a cell that refers to it, kept over a reload, shared as a link, downloaded as CSV", async () => {
  const opened = await open("/utforska");
  const {page} = opened;
  try {
    // First visit: one example cell (the län, latest year), run as soon as DuckDB has the tables.
    await waitForContent(page, done(page, "resultat1"));
    await expect(cell(page, "resultat1").locator(".nb-summary")).toContainText("21 rader");
    await expect(page.locator(".nb-db-state")).toContainText("DuckDB är klar: 7 tabeller");
    const table1 = cell(page, "resultat1").locator("table.nb-result");
    const rows1 = await tableTexts(table1);
    expect(rows1).toHaveLength(21);
    const procent = rows1.map((r) => swedishNumber(r[1]!));
    expect(procent).toEqual([...procent].sort((a, b) => b - a)); // ORDER BY value DESC

    // Sorting a column sorts the whole result in DuckDB: ascending, descending, back to the query's order.
    await cell(page, "resultat1").locator("th", {hasText: "län"}).locator("button").click();
    await expect(cell(page, "resultat1").locator('th[aria-sort="ascending"]')).toContainText("län");
    const names = (await tableTexts(table1)).map((r) => r[0]!);
    expect(names).toEqual([...names].sort(new Intl.Collator("sv").compare));
    await cell(page, "resultat1").locator("th", {hasText: "län"}).locator("button").click();
    await expect(cell(page, "resultat1").locator('th[aria-sort="descending"]')).toContainText("län");
    await cell(page, "resultat1").locator("th", {hasText: "län"}).locator("button").click();
    await expect(cell(page, "resultat1").locator('th[aria-sort="ascending"], th[aria-sort="descending"]')).toHaveCount(0);
    expect(await tableTexts(table1)).toEqual(rows1);

    // One click: a category and a number make horizontal bars, one per län.
    await cell(page, "resultat1").locator('[data-action="chart"]').click();
    await expect(cell(page, "resultat1").locator('.nb-chart svg g[aria-label="bar"] rect')).toHaveCount(21);
    expect(await cell(page, "resultat1").locator('select[data-channel="type"]').inputValue()).toBe("bar");
    expect(await cell(page, "resultat1").locator('select[data-channel="y"]').inputValue()).toBe("län");

    // A second cell queries the first by name.
    await page.locator('[data-action="add-cell"]').click();
    const second = "SELECT count(*) AS antal, round(avg(procent), 3) AS medel FROM resultat1";
    await typeSql(page, second.slice(0, -4));
    // Completion offers the tables, the first cell's result among them.
    await expect(page.locator(".cm-tooltip-autocomplete")).toContainText("resultat1");
    await typeSql(page, second.slice(-4));
    await page.keyboard.press("Control+Enter");
    await waitForContent(page, done(page, "resultat2"));
    const [[antal, medel]] = (await tableTexts(cell(page, "resultat2").locator("table.nb-result"))) as [[string, string]];
    expect(antal).toBe("21");
    const mean = procent.reduce((a, b) => a + b, 0) / procent.length;
    // The table shows shares with one decimal; the mean was computed from the full values.
    expect(swedishNumber(medel)).toBeCloseTo(mean, 1);

    // An error is shown in the cell, in Swedish, with DuckDB's message.
    await page.locator('[data-action="add-cell"]').click();
    await typeSql(page, "SELECT saknas FROM resultat1");
    await page.keyboard.press("Control+Enter");
    const error = cell(page, "resultat3").locator(".nb-error");
    await expect(error).toContainText("Frågan hänger inte ihop");
    await expect(error.locator(".nb-error-message")).toHaveText(/^Kolumnen "saknas" finns inte \(rad 1, kolumn 8\)\./);
    await expect(error).toContainText('Referenced column "saknas" not found');
    await expect(error).toContainText("LINE 1: SELECT saknas FROM resultat1");
    await screenshotOf(opened, "utforska-fel");

    // Reorder and delete.
    await cell(page, "resultat3").locator('[data-action="up"]').click();
    expect(await page.locator(".nb-cell").evaluateAll((cs) => cs.map((c) => (c as HTMLElement).dataset.cell))).toEqual(["resultat1", "resultat3", "resultat2"]);
    await cell(page, "resultat3").locator('[data-action="delete"]').click();
    await expect(page.locator(".nb-cell")).toHaveCount(2);
    await expect(page.locator(".nb-notice")).toContainText("Cellen resultat3 togs bort");

    // CSV of the whole result for programs: RFC 4180, comma, dot decimals, CRLF.
    await cell(page, "resultat1").locator('[data-action="downloads"]').click();
    const [csv] = await Promise.all([page.waitForEvent("download"), cell(page, "resultat1").locator('[data-action="csv"]').click()]);
    expect(csv.suggestedFilename()).toBe("resultat1.csv");
    const lines = readFileSync((await csv.path())!, "utf8").trimEnd().split("\r\n");
    expect(lines[0]).toBe("län,procent,ja,svarande");
    expect(lines).toHaveLength(22);
    expect(lines.slice(1).map((l) => Number(l.split(",")[1]))).toEqual(procent.map((p) => expect.closeTo(p, 1)));
    // …and for Swedish Excel: semicolons, decimal comma, a BOM.
    await cell(page, "resultat1").locator('[data-action="downloads"]').click();
    const [excelCsv] = await Promise.all([page.waitForEvent("download"), cell(page, "resultat1").locator('[data-action="csv-excel"]').click()]);
    const excelText = readFileSync((await excelCsv.path())!, "utf8");
    expect(excelText.startsWith("\ufefflän;procent;ja;svarande\r\n")).toBe(true);
    expect(excelText.split("\r\n")[1]).toMatch(/^[^;]+;\d+(,\d+)?;\d+;\d+$/);

    // The link holds the whole notebook.
    await page.locator('[data-action="share"]').click();
    const link = await page.locator(".nb-share-url").inputValue();
    expect(link).toMatch(/\/utforska#anteckningsbok=[A-Za-z0-9_-]+$/);
    await screenshotOf(opened, "utforska");

    // Reload: the notebook is kept in localStorage and runs again.
    await page.reload({waitUntil: "load"});
    await waitForContent(page, done(page, "resultat2"));
    expect(await page.locator(".nb-cell").evaluateAll((cs) => cs.map((c) => (c as HTMLElement).dataset.cell))).toEqual(["resultat1", "resultat2"]);
    expect(await editorText(page, "resultat2")).toBe(second);
    await expect(cell(page, "resultat1").locator('.nb-chart svg g[aria-label="bar"] rect')).toHaveCount(21);
    expect(await tableTexts(cell(page, "resultat2").locator("table.nb-result"))).toEqual([[antal, medel]]);

    // Saved as a .json file, replaced by a new notebook, then opened again from the file.
    const [saved] = await Promise.all([page.waitForEvent("download"), page.locator('[data-action="save-file"]').click()]);
    expect(saved.suggestedFilename()).toBe("namnlos-anteckningsbok.json");
    const savedPath = (await saved.path())!;
    expect(JSON.parse(readFileSync(savedPath, "utf8"))).toMatchObject({format: "oj-utforska-anteckningsbok", version: 2, cells: [{name: "resultat1"}, {name: "resultat2", sql: second}]});
    await page.locator('[data-action="library-new"]').click();
    await expect(page.locator(".nb-cell")).toHaveCount(1);
    await waitForContent(page, done(page, "resultat1"));
    // The opened file becomes a notebook of its own in the list, shown but not run until asked.
    await page.locator('input[type="file"]').setInputFiles(savedPath);
    await expect(page.locator(".nb-notice")).toContainText("Anteckningsboken kommer från en fil. Kör alla celler?");
    await expect(page.locator(".nb-library-list li")).toHaveCount(3);
    expect(await cell(page, "resultat2").getAttribute("data-state")).toBeNull();
    await page.locator('[data-action="trust-run"]').click();
    await waitForContent(page, done(page, "resultat2"));
    expect(await editorText(page, "resultat2")).toBe(second);
    await expect(cell(page, "resultat1").locator('.nb-chart svg g[aria-label="bar"] rect')).toHaveCount(21);
    await finish(opened, "utforska-efter-omladdning");

    // Opened elsewhere (a new browser context: empty localStorage), the link gives the same notebook.
    const elsewhere = await open(link.replace(/^https?:\/\/[^/]+/, ""));
    try {
      await expect(elsewhere.page.locator(".nb-notice")).toContainText("Anteckningsboken kommer från en länk. Kör alla celler?");
      await elsewhere.page.locator('[data-action="trust-run"]').click();
      await waitForContent(elsewhere.page, done(elsewhere.page, "resultat2"));
      expect(await editorText(elsewhere.page, "resultat2")).toBe(second);
      expect(await tableTexts(elsewhere.page.locator('.nb-cell[data-cell="resultat2"] table.nb-result'))).toEqual([[antal, medel]]);
      // The hash is dropped once read, so a reload keeps later edits instead of reopening the link.
      expect(new URL(elsewhere.page.url()).hash).toBe("");
      await finish(elsewhere, "utforska-fran-lank");
    } finally {
      await elsewhere.close();
    }
  } finally {
    await opened.close();
  }
}, 240_000);

/** A full-page screenshot from the top (scrolled, the sticky header and sidebar would be drawn mid-page). */
async function screenshotOf(opened: OpenedPage, name: string) {
  await opened.page.evaluate(() => window.scrollTo(0, 0));
  await opened.screenshot(name);
}

test("utforska: long results are capped on screen, cells renamed, long queries cancelled", async () => {
  const opened = await open("/utforska");
  const {page} = opened;
  try {
    await waitForContent(page, done(page, "resultat1"));

    // A name of one's own; later cells query the result by it.
    await cell(page, "resultat1").locator(".nb-name").fill("1fel");
    await cell(page, "resultat1").locator(".nb-name").press("Enter");
    await expect(cell(page, "resultat1").locator(".nb-name-problem")).toContainText("får inte börja med en siffra");
    await cell(page, "resultat1").locator(".nb-name").fill("län_urval");
    await cell(page, "resultat1").locator(".nb-name").press("Enter");
    await expect(cell(page, "län_urval")).toHaveCount(1);
    await expect(page.locator(".nb-results-list")).toContainText("län_urval");

    // 31 721 rows: the first 1 000 on screen, all of them in the CSV.
    await page.locator('[data-action="add-cell"]').click();
    await typeSql(page, "SELECT * FROM observations");
    await page.keyboard.press("Control+Enter");
    await waitForContent(page, done(page, "resultat1"));
    await expect(cell(page, "resultat1").locator(".nb-summary")).toContainText("31 721 rader");
    await expect(cell(page, "resultat1").locator("table.nb-result tbody tr")).toHaveCount(1000);
    await expect(cell(page, "resultat1").locator(".nb-cap-note")).toContainText("Visar de första 1 000 av 31 721 raderna");
    await cell(page, "resultat1").locator('[data-action="downloads"]').click();
    const [csv] = await Promise.all([page.waitForEvent("download"), cell(page, "resultat1").locator('[data-action="csv"]').click()]);
    expect(readFileSync((await csv.path())!, "utf8").trimEnd().split("\r\n")).toHaveLength(31_722);
    await cell(page, "resultat1").locator('[data-action="delete"]').click();
    await expect(page.locator(".nb-cell")).toHaveCount(1);

    // A scan of 10^10 rows: DuckDB checks for the cancel between its small steps.
    await page.locator('[data-action="add-cell"]').click();
    // A deleted cell's name is free again: the new cell is resultat1.
    expect(await page.locator(".nb-cell").last().getAttribute("data-cell")).toBe("resultat1");
    await typeSql(page, "SELECT sum(hash(i)) AS s FROM range(10000000000) t(i)");
    await page.keyboard.press("Control+Enter");
    await expect(cell(page, "resultat1").locator(".nb-status")).toContainText("Kör…");
    await page.waitForTimeout(1000);
    let started = Date.now();
    await cell(page, "resultat1").locator('[data-action="cancel"]').click();
    await expect(cell(page, "resultat1").locator(".nb-cancelled")).toContainText("Den avbröts innan den var klar", {timeout: 10_000});
    console.log(`utforska: scan cancelled after ${Date.now() - started} ms`);
    // No restart was needed: the first cell's result table is still there.
    await expect(done(page, "län_urval")).toHaveCount(1);
    await cell(page, "resultat1").locator('[data-action="delete"]').click();
    await expect(page.locator(".nb-cell")).toHaveCount(1);

    await page.locator('[data-action="add-cell"]').click();
    // 10^10 pairs in a nested loop join: one step of it can run for seconds.
    await typeSql(page, "SELECT count(*) AS n FROM range(100000) a(i), range(100000) b(j) WHERE i + j < 0");
    await page.keyboard.press("Control+Enter");
    await expect(cell(page, "resultat1").locator(".nb-status")).toContainText("Kör…");
    await page.waitForTimeout(1000);
    started = Date.now();
    await cell(page, "resultat1").locator('[data-action="cancel"]').click();
    // Either DuckDB stops between steps, or (a step of this join can run long) the worker is restarted.
    await expect(cell(page, "resultat1").locator(".nb-cancelled")).toContainText(/Frågan avbröts.*(innan den var klar|DuckDB startades om)/, {timeout: 30_000});
    const stoppedAfter = Date.now() - started;
    expect(stoppedAfter).toBeLessThan(30_000);
    const restarted = (await cell(page, "resultat1").locator(".nb-cancelled").textContent())!.includes("startades om");
    console.log(`utforska: cancelled after ${stoppedAfter} ms${restarted ? " (worker restarted)" : ""}`);
    // The cell above keeps (or, after a restart, gets back) its result, and a new query runs.
    await waitForContent(page, done(page, "län_urval"));
    await cell(page, "resultat1").locator(".cm-content").click();
    await page.keyboard.press("Control+a");
    await typeSql(page, "SELECT 42 AS svar, count(*) AS län FROM län_urval");
    await page.keyboard.press("Control+Enter");
    await waitForContent(page, done(page, "resultat1"));
    expect(await tableTexts(cell(page, "resultat1").locator("table.nb-result"))).toEqual([["42", "21"]]);
    await finish(opened, "utforska-avbruten");
  } finally {
    await opened.close();
  }
}, 180_000);

test("utforska: the exported report page builds and shows the notebook's rows and charts", async () => {
  const trend = EXAMPLES.find((e) => e.title === "En indikator i riket över tid")!;
  const notebook = newNotebook({
    title: "Exporttest från Utforska",
    cells: [
      {sql: trend.sql, title: "BBIC i riket", name: "bbic"},
      {sql: EXAMPLES.find((e) => e.title === "Länen det senaste året")!.sql, title: "Kompetensplan per län", name: "lan"},
      {sql: "SELECT count(*) AS län, round(avg(procent), 1) AS medel, sum(svarande)::INTEGER AS svarande FROM lan", title: "Sammanfattning", name: "sammanfattning"}
    ]
  });
  const opened = await open(`/utforska${await shareHash(notebook)}`);
  const {page} = opened;
  let site: {dist: string; cleanup: () => void} | undefined;
  let server: {url: string; close: () => Promise<void>} | undefined;
  try {
    await page.locator('[data-action="trust-run"]').click();
    await waitForContent(page, done(page, "sammanfattning"));
    // Charts from the defaults one click picks: a line over years, bars per län.
    await cell(page, "bbic").locator('[data-action="chart"]').click();
    await cell(page, "lan").locator('[data-action="chart"]').click();
    await expect(cell(page, "bbic").locator('.nb-chart svg g[aria-label="line"] path')).toHaveCount(1);
    await expect(cell(page, "lan").locator('.nb-chart svg g[aria-label="bar"] rect')).toHaveCount(21);
    const notebookRows = {
      bbic: await tableTexts(cell(page, "bbic").locator("table.nb-result")),
      lan: await tableTexts(cell(page, "lan").locator("table.nb-result")),
      sammanfattning: await tableTexts(cell(page, "sammanfattning").locator("table.nb-result"))
    };
    const notebookDots = await cell(page, "bbic").locator('.nb-chart svg g[aria-label="dot"] circle').count();
    expect(notebookRows.bbic.map((r) => r[0])).toEqual(["2010", "2011", "2012", "2013", "2014", "2015", "2016"]);

    const [download] = await Promise.all([page.waitForEvent("download"), page.locator('[data-action="export"]').click()]);
    expect(download.suggestedFilename()).toBe("exporttest-fran-utforska.md");
    const markdown = readFileSync((await download.path())!, "utf8");
    expect(markdown).toContain('import {notebookReport} from "./components/notebook/report.js";');
    await finish(opened, "utforska-export");

    const started = performance.now();
    site = await buildSiteWith({"exporttest-fran-utforska.md": markdown});
    console.log(`utforska: exported page built in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    server = await (await loadServe())(site.dist, {port: 0, host: "127.0.0.1"});
    const exported = await openPage(await sharedBrowser(), server.url, "/exporttest-fran-utforska", {viewport: {width: 1200, height: 1000}});
    try {
      const p = exported.page;
      await expect(p.locator("h1")).toHaveText("Exporttest från Utforska");
      await waitForContent(p, p.locator('.nb-report-view[data-state="done"]'), 90_000);
      expect((await p.locator(".nb-cell-heading").allTextContents()).map((t) => t.trim())).toEqual(["BBIC i riket", "Kompetensplan per län", "Sammanfattning"]);
      // The code is not shown; the results are, computed again on the page.
      expect(await p.locator(".nb-editor").evaluateAll((nodes) => nodes.every((n) => (n as HTMLElement).offsetParent === null))).toBe(true);
      const tables = p.locator("table.nb-result");
      await expect(tables).toHaveCount(3);
      expect(await tableTexts(tables.nth(0))).toEqual(notebookRows.bbic);
      expect(await tableTexts(tables.nth(1))).toEqual(notebookRows.lan);
      expect(await tableTexts(tables.nth(2))).toEqual(notebookRows.sammanfattning);
      // The same charts, drawn from the same plans.
      const charts = p.locator(".nb-chart svg").filter({has: p.locator(PLOT_MARKS)});
      await expect(charts).toHaveCount(2, {timeout: 60_000});
      expect(await charts.nth(0).locator('g[aria-label="dot"] circle').count()).toBe(notebookDots);
      expect(await charts.nth(1).locator('g[aria-label="bar"] rect').count()).toBe(21);
      expect(exported.requests.every((u) => u.startsWith(server!.url) || u.startsWith("data:") || u.startsWith("blob:"))).toBe(true);
      await finish(exported, "utforska-exporterad-sida");
    } finally {
      await exported.close();
    }
  } finally {
    await opened.close();
    await server?.close();
    site?.cleanup();
  }
}, 300_000);
