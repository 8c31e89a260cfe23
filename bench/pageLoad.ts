// Cold page loads in headless Chromium (same launch flags as the browser tests).
// Each navigation gets a new browser context: empty HTTP cache, no compiled-wasm
// cache, no service worker. Times are read in the page with performance.now(),
// which counts from navigation start; a MutationObserver installed before any
// page script notes the first moment each milestone is in the DOM.
import type {Browser} from "playwright-core";
import {launchBrowser} from "../test/e2e/globalSetup.js";
import {fixed, median, type BenchRow, type BenchSection} from "./types.js";
import {keepLocal} from "./localOnly.js";

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const TIMEOUT = 60_000;

/** A milestone: a name and a DOM test, evaluated in the page after every mutation. */
export interface Milestone {
  key: string;
  label: string;
  /** Source of a function `() => boolean` run in the page. */
  test: string;
}

export const INDEX_MILESTONES: Milestone[] = [
  {
    key: "select",
    label: "first SQL result: Indikator options filled",
    test: `() => [...document.querySelectorAll("label")].some((l) => l.textContent.trim() === "Indikator" && l.parentElement?.querySelector("select option"))`
  },
  {
    key: "chart",
    label: "first chart drawn (#trend-card svg with marks)",
    test: `() => !!document.querySelector('#trend-card svg g[aria-label="line"] path, #trend-card svg g[aria-label="dot"] circle')`
  },
  {
    key: "table",
    label: "lan table rows present (SQL per län)",
    test: `() => [...document.querySelectorAll("table")].some((t) => [...t.querySelectorAll("thead th")].some((th) => th.textContent.trim() === "Län") && t.querySelector("tbody tr td + td"))`
  }
];

/** Script run in the page before its own scripts: records performance.now() per milestone in window.__bench. */
function milestoneScript(milestones: Milestone[]): string {
  return `(() => {
    const tests = {${milestones.map((m) => `${JSON.stringify(m.key)}: (${m.test})`).join(",")}};
    const seen = (window.__bench = {});
    const check = () => {
      for (const key in tests) if (!(key in seen)) { try { if (tests[key]()) seen[key] = performance.now(); } catch {} }
      if (Object.keys(seen).length === Object.keys(tests).length) observer.disconnect();
    };
    const observer = new MutationObserver(check);
    observer.observe(document, {childList: true, subtree: true, characterData: true});
  })();`;
}

export interface Transfer {
  url: string;
  status: number;
  /** Body as sent (compressed when the server compressed it) plus headers. */
  bytes: number;
}

export interface Sample {
  marks: Record<string, number>;
  domContentLoaded: number;
  load: number;
  /** CPU time of the page's main thread until the milestones (CDP ThreadTime): the work, whatever else the machine runs. */
  cpuMs: number;
  requests: number;
  bytes: number;
  transfers: Transfer[];
}

/** One cold load of `url` in a new browser context, until every milestone is on screen. */
export async function coldLoad(browser: Browser, url: string, milestones: Milestone[]): Promise<Sample> {
  const context = await browser.newContext({viewport: {width: 1280, height: 900}, serviceWorkers: "block"});
  const errors: string[] = [];
  try {
    // Nothing may leave the machine during a measurement either.
    await keepLocal(context);
    const finished: Promise<Transfer>[] = [];
    context.on("requestfinished", (request) => {
      finished.push(
        Promise.all([request.sizes(), request.response()]).then(
          ([s, response]) => ({url: request.url(), status: response?.status() ?? 0, bytes: s.responseBodySize + s.responseHeadersSize}),
          () => ({url: request.url(), status: 0, bytes: 0})
        )
      );
    });
    context.on("response", (response) => {
      if (response.status() >= 400) errors.push(`${response.status()} ${response.url()}`);
    });
    await context.addInitScript({content: milestoneScript(milestones)});
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send("Performance.enable");
    page.on("pageerror", (error) => errors.push(error.message));
    page.on("console", (message) => {
      if (message.type() === "error") errors.push(message.text());
    });
    await page.goto(url, {waitUntil: "load", timeout: TIMEOUT});
    const seen = () => page.evaluate(() => (window as unknown as {__bench: Record<string, number>}).__bench);
    try {
      await page.waitForFunction((n) => Object.keys((window as unknown as {__bench: object}).__bench).length === n, milestones.length, {timeout: TIMEOUT, polling: 100});
    } catch (error) {
      const reached = Object.keys(await seen().catch(() => ({})));
      throw new Error(`milestones not reached in ${TIMEOUT / 1000} s (reached: ${reached.join(", ") || "none"})${errors.length ? `; page errors: ${errors.slice(0, 5).join(" | ")}` : ""}`, {cause: error});
    }
    const marks = await seen();
    const {metrics} = await cdp.send("Performance.getMetrics");
    const cpuMs = 1000 * (metrics.find((m) => m.name === "ThreadTime")?.value ?? NaN);
    const nav = await page.evaluate(() => {
      const [entry] = performance.getEntriesByType("navigation") as PerformanceNavigationTiming[];
      return {domContentLoaded: entry?.domContentLoadedEventEnd ?? NaN, load: entry?.loadEventEnd ?? NaN};
    });
    const transfers = await Promise.all(finished);
    return {marks, ...nav, cpuMs, requests: transfers.length, bytes: transfers.reduce((a, t) => a + t.bytes, 0), transfers};
  } finally {
    await context.close();
  }
}

/** A cold-load section for one page; add more pages with their own milestones. */
export function pageLoadSection(path: string, milestones: Milestone[], name = `page${path === "/" ? "" : path.replace(/\W+/g, "-")}`): BenchSection {
  return {
    name,
    title: `Cold loads of ${path} in headless Chromium (median of ${RUNS}, new browser context each; ms from navigation start, performance.now() in the page)`,
    async run({baseUrl, ensureBuilt, onCleanup, log}) {
      await ensureBuilt();
      const url = new URL(path, `${await baseUrl()}/`).href;
      const browser = await launchBrowser();
      onCleanup(() => browser.close());
      const samples: Sample[] = [];
      const failures: string[] = [];
      for (let i = 0; i < RUNS; i++) {
        try {
          const sample = await coldLoad(browser, url, milestones);
          log(`${name}: run ${i + 1}/${RUNS}: ${milestones.map((m) => `${m.key} ${fixed(sample.marks[m.key]!, 0)} ms`).join(", ")}`);
          samples.push(sample);
        } catch (error) {
          const message = error instanceof Error ? error.message : String(error);
          log(`${name}: run ${i + 1}/${RUNS} failed: ${message}`);
          failures.push(message);
        }
      }
      if (samples.length === 0) throw new Error(`every cold load failed; first: ${failures[0]}`);
      const spread = (values: number[]) => `min ${fixed(Math.min(...values), 0)}, max ${fixed(Math.max(...values), 0)}`;
      const rows: BenchRow[] = [
        {metric: "DOMContentLoaded", value: fixed(median(samples.map((s) => s.domContentLoaded)), 0), unit: "ms", note: spread(samples.map((s) => s.domContentLoaded))},
        ...milestones.map((m) => {
          const values = samples.map((s) => s.marks[m.key]!);
          return {metric: m.label, value: fixed(median(values), 0), unit: "ms", note: spread(values)};
        }),
        {metric: "transferred per cold load", value: fixed(median(samples.map((s) => s.bytes)) / 1024 / 1024), unit: "MB", note: `${median(samples.map((s) => s.requests))} requests (page and workers)`}
      ];
      if (failures.length) rows.push({metric: "failed runs (left out of the medians)", value: failures.length, note: failures[0]!.slice(0, 120)});
      return rows;
    }
  };
}

export const sections = [pageLoadSection("/", INDEX_MILESTONES, "page-index")];
