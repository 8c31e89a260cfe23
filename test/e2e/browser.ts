// Shared helpers for the browser tests: Debian's Chromium through playwright-core,
// a page wrapper that records everything that should never happen on this site
// (a request off 127.0.0.1, a console error, an uncaught exception, an HTTP error),
// and `pageTest`, one test per page of the site:
//
//   pageTest("/kommun/0180", async ({page}) => {
//     await expect.poll(() => page.locator("h1").textContent()).toContain("Stockholm");
//   });
//
// pageTest opens the page in a fresh browser context, runs the body, saves a
// full-page screenshot to test/output/screenshots/<name>.png and then fails the
// test if anything was recorded.
import {mkdirSync} from "node:fs";
import {fileURLToPath} from "node:url";
import type {Browser, BrowserContext, Locator, Page} from "playwright-core";
import {afterAll, expect, inject, test} from "vitest";
import {launchBrowser} from "./globalSetup.js";

// The launcher lives with the other vitest-free helpers (the benchmark uses it too).
export {CHROMIUM, CHROMIUM_ARGS, launchBrowser} from "./globalSetup.js";

export const SCREENSHOTS = fileURLToPath(new URL("../output/screenshots/", import.meta.url));

/** Only these hosts may be contacted by a page. */
const LOCAL_HOSTS = new Set(["127.0.0.1"]);

/** True for URLs a page may load: 127.0.0.1, or data:/blob: (no network). */
export function isLocalUrl(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.protocol === "data:" || parsed.protocol === "blob:" || url === "about:blank") return true;
  return (parsed.protocol === "http:" || parsed.protocol === "https:" || parsed.protocol === "ws:") && LOCAL_HOSTS.has(parsed.hostname);
}

export interface Problems {
  /** Requests to anything but 127.0.0.1 (they are also aborted, so nothing leaves the machine). */
  offHost: string[];
  consoleErrors: string[];
  pageErrors: string[];
  /** HTTP responses with status ≥ 400, and local requests that failed outright. */
  failedResponses: string[];
}

export interface OpenedPage {
  page: Page;
  context: BrowserContext;
  /** Absolute URL the page was opened at. */
  url: string;
  problems: Problems;
  /** Every request URL, in order (pages, scripts, workers, data). */
  requests: string[];
  /** Fails if any problem was recorded, listing all of them. */
  expectClean(): void;
  /** Saves a full-page PNG to test/output/screenshots/<name>.png and returns its path. */
  screenshot(name: string): Promise<string>;
  close(): Promise<void>;
}

export function describeProblems(problems: Problems): string {
  const sections: [string, string[]][] = [
    ["requests off 127.0.0.1", problems.offHost],
    ["console errors", problems.consoleErrors],
    ["uncaught page errors", problems.pageErrors],
    ["failed responses", problems.failedResponses]
  ];
  return sections
    .filter(([, list]) => list.length > 0)
    .map(([title, list]) => `${title} (${list.length}):\n${list.map((item) => `  - ${item}`).join("\n")}`)
    .join("\n");
}

/**
 * Opens `path` (e.g. "/" or "/kommun/0180") on `baseUrl` in a new browser context
 * and waits for the load event. Problems are recorded from the first request on;
 * the caller checks them with expectClean() (pageTest does so automatically).
 */
export async function openPage(browser: Browser, baseUrl: string, path: string, options: {viewport?: {width: number; height: number}} = {}): Promise<OpenedPage> {
  const context = await browser.newContext({viewport: options.viewport ?? {width: 1280, height: 900}, serviceWorkers: "block"});
  const problems: Problems = {offHost: [], consoleErrors: [], pageErrors: [], failedResponses: []};
  const requests: string[] = [];

  // Never let a request leave the machine, even in a test that will fail anyway.
  await context.route(
    (url) => !isLocalUrl(url.href),
    (route) => route.abort("blockedbyclient")
  );
  context.on("request", (request) => {
    const url = request.url();
    requests.push(url);
    if (!isLocalUrl(url)) problems.offHost.push(`${request.method()} ${url}`);
  });
  context.on("response", (response) => {
    if (response.status() >= 400) problems.failedResponses.push(`${response.status()} ${response.request().method()} ${response.url()}`);
  });
  context.on("requestfailed", (request) => {
    const error = request.failure()?.errorText ?? "failed";
    // Off-host requests are reported above; ERR_ABORTED is a request the page itself cancelled.
    if (isLocalUrl(request.url()) && !error.includes("ERR_ABORTED")) problems.failedResponses.push(`${error} ${request.method()} ${request.url()}`);
  });

  const page = await context.newPage();
  page.on("console", (message) => {
    if (message.type() === "error") {
      const location = message.location();
      problems.consoleErrors.push(`${message.text()}${location.url ? ` (${location.url}:${location.lineNumber})` : ""}`);
    }
  });
  page.on("pageerror", (error) => problems.pageErrors.push(error.stack ?? String(error)));

  const url = new URL(path, baseUrl.endsWith("/") ? baseUrl : `${baseUrl}/`).href;
  const response = await page.goto(url, {waitUntil: "load"});
  if (!response) problems.failedResponses.push(`no response for GET ${url} (the page itself)`);

  return {
    page,
    context,
    url,
    problems,
    requests,
    expectClean() {
      const report = describeProblems(problems);
      expect(report, `${url} should load without problems:\n${report}`).toBe("");
    },
    async screenshot(name) {
      mkdirSync(SCREENSHOTS, {recursive: true});
      const file = `${SCREENSHOTS}${name}.png`;
      await page.screenshot({path: file, fullPage: true});
      return file;
    },
    async close() {
      await context.close();
    }
  };
}

// Retrying locator assertions in the style of Playwright's, on vitest's expect:
//   await expect(page.locator("tbody tr")).toHaveCount(21);
//   await expect(page.locator("#note")).toContainText("Ej jämförbart");
// They poll until the locator matches or `timeout` (default 30 s) runs out, and work with .not.
export const LOCATOR_TIMEOUT = 30_000;

interface LocatorMatchers<R = unknown> {
  /** The locator matches exactly `count` elements (retries). */
  toHaveCount(count: number, options?: {timeout?: number}): Promise<R>;
  /** The matched elements' textContent (several elements joined by a space, whitespace collapsed) contains `text` (retries). */
  toContainText(text: string | RegExp, options?: {timeout?: number}): Promise<R>;
  /** The matched elements' text (whitespace collapsed) is exactly `text`, or matches the RegExp (retries). */
  toHaveText(text: string | RegExp, options?: {timeout?: number}): Promise<R>;
}

declare module "vitest" {
  interface Assertion<T = any> extends LocatorMatchers<T> {}
}

const collapse = (text: string) => text.replace(/\s+/g, " ").trim();
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function isLocator(value: unknown): value is Locator {
  return typeof value === "object" && value !== null && typeof (value as Locator).count === "function" && typeof (value as Locator).allTextContents === "function";
}

/** Polls `read` until `matches(value) !== isNot` or the timeout passes; returns the last value and whether it matched. */
async function retry<V>(read: () => Promise<V>, matches: (value: V) => boolean, isNot: boolean, timeout: number): Promise<{value: V; pass: boolean}> {
  const deadline = Date.now() + timeout;
  for (;;) {
    const value = await read();
    const pass = matches(value);
    if (pass !== isNot || Date.now() >= deadline) return {value, pass};
    await sleep(100);
  }
}

function textMatcher(exact: boolean) {
  return async function (this: {isNot: boolean}, received: unknown, expected: string | RegExp, options: {timeout?: number} = {}) {
    if (!isLocator(received)) throw new TypeError("expected a playwright Locator");
    const wanted = typeof expected === "string" ? collapse(expected) : expected;
    const {value, pass} = await retry(
      async () => collapse((await received.allTextContents()).join(" ")),
      (text) => (typeof wanted === "string" ? (exact ? text === wanted : text.includes(wanted)) : wanted.test(text)),
      Boolean(this.isNot),
      options.timeout ?? LOCATOR_TIMEOUT
    );
    return {
      pass,
      message: () => `expected ${received} ${this.isNot ? "not " : ""}${exact ? "to have text" : "to contain text"} ${String(expected)}; its text is ${JSON.stringify(value)}`,
      actual: value,
      expected
    };
  };
}

expect.extend({
  async toHaveCount(received: unknown, count: number, options: {timeout?: number} = {}) {
    if (!isLocator(received)) throw new TypeError("toHaveCount: expected a playwright Locator");
    const {value, pass} = await retry(() => received.count(), (n) => n === count, Boolean(this.isNot), options.timeout ?? LOCATOR_TIMEOUT);
    return {pass, message: () => `expected ${received} ${this.isNot ? "not " : ""}to match ${count} element(s), it matches ${value}`, actual: value, expected: count};
  },
  toContainText: textMatcher(false),
  toHaveText: textMatcher(true)
});

/** Selector for the marks of an Observable Plot chart that show data. */
export const PLOT_MARKS = ['g[aria-label="line"] path', 'g[aria-label="dot"] circle', 'g[aria-label="bar"] rect', 'g[aria-label="area"] path', 'g[aria-label="cell"] rect'].join(", ");

/**
 * Waits until `target` is attached, failing at once (instead of at the timeout)
 * if a cell on the page shows an error: Framework renders a failed cell as an
 * inspector with class observablehq--error.
 */
export async function waitForContent(page: Page, target: Locator, timeout = 60_000): Promise<void> {
  const cellError = page.locator(".observablehq--error").first();
  const failed = cellError.waitFor({state: "attached", timeout}).then(
    async () => {
      throw new Error(`a cell failed while waiting for ${target}: ${(await cellError.textContent())?.trim()}`);
    },
    () => {}
  );
  await Promise.race([target.first().waitFor({state: "attached", timeout}), failed]);
}

/**
 * Waits until the first Plot chart (svg) inside `container` has drawn data marks
 * and returns its markup (to compare before/after an input changes).
 */
export async function waitForPlot(page: Page, container: string, timeout = 60_000): Promise<string> {
  const svg = page.locator(`${container} svg`).filter({has: page.locator(PLOT_MARKS)}).first();
  await waitForContent(page, svg, timeout);
  return svg.evaluate((element) => element.outerHTML);
}

/** The rendered <table> whose header row has a cell reading exactly `header` (e.g. an Inputs.table). */
export function tableWithHeader(page: Page, header: string) {
  return page.locator("table").filter({has: page.locator("thead th", {hasText: new RegExp(`^\\s*${header.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}\\s*$`)})});
}

/** "/" → "index", "/kommun/0180" → "kommun-0180". */
export function screenshotName(path: string): string {
  const name = path.replace(/[?#].*$/, "").replace(/^\/+|\/+$/g, "").replace(/[^\w.-]+/g, "-");
  return name === "" ? "index" : name;
}

// One Chromium per test file (files run one after another: fileParallelism is off),
// launched by the first test that needs it and closed after the file's last test.
let shared: Promise<Browser> | undefined;
let closeRegistered = false;

/** Registers (once per test file) an afterAll hook that closes the shared browser. Call at collection time. */
export function closeSharedBrowserAfterAll(): void {
  if (closeRegistered) return;
  closeRegistered = true;
  afterAll(async () => {
    const launched = shared;
    shared = undefined;
    closeRegistered = false;
    if (launched) await (await launched).close();
  });
}

/** The test file's shared Chromium (launched on first use). */
export function sharedBrowser(): Promise<Browser> {
  shared ??= launchBrowser();
  return shared;
}

export interface PageTestOptions {
  /** Test name; default "page <path>". */
  name?: string;
  /** Screenshot file name (no extension); default from the path ("/" → "index"). */
  screenshot?: string | false;
  timeout?: number;
  viewport?: {width: number; height: number};
}

/**
 * Declares one test for one page: opens `path` on the built site, runs `body`,
 * saves a screenshot, and fails on any request off 127.0.0.1, console error,
 * uncaught exception or HTTP error seen while the page was open.
 */
export function pageTest(path: string, body: (opened: OpenedPage) => Promise<void>, options: PageTestOptions = {}): void {
  closeSharedBrowserAfterAll();
  test(
    options.name ?? `page ${path}`,
    async () => {
      const opened = await openPage(await sharedBrowser(), inject("baseUrl"), path, options.viewport ? {viewport: options.viewport} : {});
      try {
        try {
          await body(opened);
        } catch (error) {
          const report = describeProblems(opened.problems);
          if (report) console.error(`Also recorded on ${opened.url}:\n${report}`);
          throw error;
        } finally {
          if (options.screenshot !== false) await opened.screenshot(options.screenshot ?? screenshotName(path)).catch(() => {});
        }
        // Framework shows a failed cell as an inspector with class observablehq--error.
        const cellErrors = await opened.page.locator(".observablehq--error").allTextContents();
        opened.problems.pageErrors.push(...cellErrors.map((text) => `cell error shown on the page: ${text.trim()}`));
        opened.expectClean();
      } finally {
        await opened.close();
      }
    },
    options.timeout
  );
}
