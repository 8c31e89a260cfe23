// Issue 12's attacks, performed in Chromium against the built site (cases in
// test/fixtures/hostile/, see its README). A server on another port of
// 127.0.0.1 stands for "another host": every test asserts that it saw no
// request, besides what the page shows. Console errors are expected here (the
// browser reports what its Content-Security-Policy blocked); only those are
// tolerated, everything else the harness records still fails a test.
import {readFileSync} from "node:fs";
import {createServer, type Server} from "node:http";
import type {Page} from "playwright-core";
import {afterAll, beforeAll, expect, inject, test} from "vitest";
import {OUTSIDE_TITLE} from "../../src/lib/notebook/errors.js";
import {notebookToMarkdown} from "../../src/lib/notebook/exportMarkdown.js";
import {fromData, newNotebook} from "../../src/lib/notebook/model.js";
import {shareHash} from "../../src/lib/notebook/serialize.js";
import {closeSharedBrowserAfterAll, openPage, sharedBrowser, waitForContent, type OpenedPage} from "./browser.js";
import {buildSiteWith} from "./exportedSite.js";
import {loadServe} from "./globalSetup.js";

closeSharedBrowserAfterAll();

const TABLES = ["observations", "areas", "population", "indicators", "comparability", "responses", "surveys"];
let listener: Server;
let LISTENER = "";
const seen: string[] = [];

beforeAll(async () => {
  listener = createServer((req, res) => {
    seen.push(`${req.method} ${req.url}`);
    res.writeHead(200, {"Access-Control-Allow-Origin": "*", "Content-Type": "text/plain"}).end("a,b\n1,2\n");
  });
  await new Promise<void>((ok) => listener.listen(0, "127.0.0.1", ok));
  LISTENER = `http://127.0.0.1:${(listener.address() as {port: number}).port}`;
});
afterAll(() => new Promise<void>((ok) => listener.close(() => ok())));

const hostile = (name: string) =>
  fromData(JSON.parse(readFileSync(new URL(`../fixtures/hostile/${name}`, import.meta.url), "utf8").replaceAll("{{LISTENER}}", LISTENER)), {tableNames: TABLES});

/** What the browser logs when its CSP or the sandbox stops something: expected in these tests. */
const BLOCKED = /Content Security Policy|Refused to|sandboxed|SecurityError|Blocked|ERR_BLOCKED|net::ERR|Failed to load resource|Not allowed to load|is not a function|is not a constructor|Unsafe attempt/i;

async function openShared(name: string): Promise<OpenedPage> {
  const opened = await openPage(await sharedBrowser(), inject("baseUrl"), `/utforska${await shareHash(hostile(name))}`, {viewport: {width: 1300, height: 1000}});
  await opened.page.evaluate(() => localStorage.setItem("hemlighet", "SECRET-TOKEN-123"));
  return opened;
}

/** Fails on what the harness recorded, except the browser's reports of blocked attempts; and on anything the listener saw. */
function expectContained(opened: OpenedPage) {
  opened.problems.consoleErrors = opened.problems.consoleErrors.filter((message) => !BLOCKED.test(message));
  opened.problems.failedResponses = opened.problems.failedResponses.filter((message) => !message.includes(LISTENER));
  opened.expectClean();
  expect(seen, "requests that reached the other port").toEqual([]);
}

const cell = (page: Page, name: string) => page.locator(`.nb-cell[data-cell="${name}"]`);
const hacked = (page: Page) => page.evaluate(() => ({hacked: (window as {__hacked?: unknown}).__hacked ?? null, title: document.title}));

test("a shared notebook is shown, not run, until the user agrees; chart specs never become code", async () => {
  seen.length = 0;
  const opened = await openShared("chart-code.json");
  const {page} = opened;
  try {
    await expect(page.locator(".nb-notice")).toContainText("Anteckningsboken kommer från en länk. Kör alla celler?");
    await page.waitForTimeout(1500);
    expect(await cell(page, "resultat1").getAttribute("data-state")).toBeNull();
    await page.locator('[data-action="trust-run"]').click();
    await waitForContent(page, page.locator('.nb-cell[data-cell="resultat1"][data-state="done"] .nb-chart svg'));
    // The hostile column names are labels in the chart and headers in the table, nothing more.
    await expect(cell(page, "resultat1").locator("thead")).toContainText("a,b:(fetch(");
    expect(await hacked(page)).toEqual({hacked: null, title: expect.stringContaining("Utforska data")});
    await page.waitForTimeout(500);
    expectContained(opened);
  } finally {
    await opened.close();
  }
}, 120_000);

test("notebook SQL cannot reach the network: read_csv, read_json, INSTALL, LOAD, ATTACH, COPY, SET each fail in Swedish", async () => {
  seen.length = 0;
  const opened = await openShared("network-sql.json");
  const {page} = opened;
  try {
    await page.locator('[data-action="trust-run"]').click();
    // Run all stops at the first failure; run each cell to see each refusal.
    for (const name of ["las_csv", "las_json", "installera", "ladda", "koppla", "skriv", "slå_på", "parquet"]) {
      await cell(page, name).locator('[data-action="run"]').click();
      await expect(cell(page, name).locator(".nb-error")).toContainText(OUTSIDE_TITLE);
    }
    await expect(cell(page, "las_csv").locator(".nb-error")).toContainText("file system operations are disabled");
    expectContained(opened);
  } finally {
    await opened.close();
  }
}, 120_000);

test("JavaScript runs only in the sandbox: it cannot read the page's storage or send anything anywhere", async () => {
  seen.length = 0;
  const opened = await openShared("js-exfiltration.json");
  const {page} = opened;
  try {
    await page.locator('[data-action="trust-run"]').click();
    const before = page.url();
    await waitForContent(page, page.locator('.nb-cell[data-cell="stjal"][data-state="done"] table.nb-result'), 90_000);
    const rows = await cell(page, "stjal").locator("table.nb-result tbody tr").evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll("td")].map((td) => td.textContent ?? "")));
    const outcome = Object.fromEntries(rows.map(([attempt, result]) => [attempt, result]));
    for (const attempt of ["localStorage", "document.cookie", "parent.document", "top.localStorage", "fetch", "xhr", "image", "WebSocket", "RTCPeerConnection", "window.open", "import()", "worker"]) {
      expect(outcome[attempt!], attempt).toMatch(/^stoppad/);
    }
    expect(JSON.stringify(rows)).not.toContain("SECRET-TOKEN-123");
    // The second cell tries to navigate itself and the page away, and to post a form.
    await waitForContent(page, page.locator('.nb-cell[data-cell="flytta"][data-state="done"]'), 60_000);
    await page.waitForTimeout(1500);
    expect(page.url()).toBe(before);
    expect(await page.evaluate(() => localStorage.getItem("hemlighet"))).toBe("SECRET-TOKEN-123");
    expectContained(opened);
  } finally {
    await opened.close();
  }
}, 180_000);

test("Markdown shows markup as text, loads no image and runs no expression as JavaScript", async () => {
  seen.length = 0;
  const opened = await openShared("markdown.json");
  const {page} = opened;
  try {
    await page.locator('[data-action="trust-run"]').click();
    await waitForContent(page, page.locator('.nb-cell[data-cell="text1"][data-state="done"]'));
    const prose = cell(page, "text1").locator(".nb-markdown");
    await expect(prose).toContainText("24,5 procent");
    await expect(prose).toContainText("<script>window.__hacked='md-script'</script>");
    expect(await prose.locator("script, img, iframe, a[href^='javascript']").count()).toBe(0);
    expect((await hacked(page)).hacked).toBeNull();
    expectContained(opened);
  } finally {
    await opened.close();
  }
}, 120_000);

test("every page carries a CSP that refuses injected inline scripts and handlers, and connections elsewhere", async () => {
  seen.length = 0;
  const opened = await openPage(await sharedBrowser(), inject("baseUrl"), "/utforska");
  const {page} = opened;
  try {
    const policy = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute("content");
    expect(policy).toMatch(/script-src 'self' 'wasm-unsafe-eval' 'sha256-/);
    expect(policy).toContain("connect-src 'self'");
    const result = await page.evaluate(async (target) => {
      const script = document.createElement("script");
      script.textContent = "window.__inline = 1";
      document.head.append(script);
      const div = document.createElement("div");
      div.innerHTML = '<img src="data:," onerror="window.__handler = 1">';
      document.body.append(div);
      let fetched = "sent";
      await fetch(`${target}/csp`).catch(() => (fetched = "blocked"));
      await new Promise((ok) => setTimeout(ok, 300));
      const w = window as {__inline?: number; __handler?: number};
      return {inline: w.__inline ?? null, handler: w.__handler ?? null, fetched};
    }, LISTENER);
    expect(result).toEqual({inline: null, handler: null, fetched: "blocked"});
    expectContained(opened);
  } finally {
    await opened.close();
  }
}, 60_000);

test("opening shared links never overwrites the user's own notebook", async () => {
  const opened = await openPage(await sharedBrowser(), inject("baseUrl"), "/utforska");
  const {page} = opened;
  try {
    await waitForContent(page, page.locator('.nb-cell[data-cell="resultat1"][data-state="done"]'));
    await page.locator(".nb-title-input").fill("Min egen analys");
    await page.waitForTimeout(400);
    for (const title of ["Första länken", "Andra länken"]) {
      await page.goto("about:blank");
      await page.goto(`${new URL("/utforska", inject("baseUrl")).href}${await shareHash(newNotebook({title, cells: [{sql: "SELECT 1 AS x"}]}))}`);
      await expect(page.locator(".nb-notice")).toContainText("kommer från en länk");
    }
    await expect(page.locator(".nb-library-list li")).toHaveCount(3);
    expect(await page.locator(".nb-library-open").allTextContents()).toEqual(["Andra länken", "Första länken", "Min egen analys"]);
    await page.locator(".nb-library-open", {hasText: "Min egen analys"}).click();
    await waitForContent(page, page.locator('.nb-cell[data-cell="resultat1"][data-state="done"]'));
    expect(await page.locator(".nb-title-input").inputValue()).toBe("Min egen analys");
    opened.expectClean();
  } finally {
    await opened.close();
  }
}, 120_000);

test("an exported page built from a hostile notebook runs no injected script and still works", async () => {
  seen.length = 0;
  const notebook = hostile("script-breakout.json");
  const site = await buildSiteWith({"fientlig.md": notebookToMarkdown(notebook, {tables: TABLES})});
  const server = await (await loadServe())(site.dist, {port: 0, host: "127.0.0.1"});
  try {
    const opened = await openPage(await sharedBrowser(), server.url, "/fientlig");
    const {page} = opened;
    try {
      await waitForContent(page, page.locator('.nb-report-view[data-state="done"]'), 90_000);
      expect(await page.evaluate(() => (window as {__hacked?: unknown}).__hacked ?? null)).toBeNull();
      expect(await page.title()).toContain("</title><script>window.__hacked='title'</script><!--");
      await expect(page.locator("h1")).toHaveText(notebook.title);
      await expect(page.locator("table.nb-result td").first()).toHaveText("</script><script>window.__hacked=\"sql\"</script>");
      await expect(page.locator(".nb-markdown")).toContainText("Svaret är 42");
      expect(await page.locator("main script").count()).toBe(0);
      expectContained(opened);
    } finally {
      await opened.close();
    }
  } finally {
    await server.close();
    site.cleanup();
  }
}, 300_000);
