// Every page shows its first view before DuckDB-WASM is even fetched: the
// browser's request for the engine's .wasm is held, unanswered, for the whole
// check. Report sentences and charts for the default year, Översikt's chart
// and län table, the guide's indicator list, Jämför's default view and a
// kommun page come from the built HTML and their build-time files; only the
// notebook asks for the engine on opening (its first cell runs), and it shows
// its editor meanwhile. Then the engine is let through and takes over when the
// reader asks for something new (another year or unit in Jämför).
import type {BrowserContext, Page, Route} from "playwright-core";
import {afterAll, describe, expect, inject, it} from "vitest";
import {PUBLISHED_2014, PUBLISHED_2016} from "../fixtures/publishedTexts.js";
import {isLocalUrl, PLOT_MARKS, sharedBrowser, closeSharedBrowserAfterAll} from "./browser.js";

closeSharedBrowserAfterAll();

interface Held {
  page: Page;
  context: BrowserContext;
  /** URLs of .wasm requests seen (held, not answered). */
  wasm: string[];
  /** Every request URL, in order. */
  requests: string[];
  errors: string[];
  /** Lets the held and any later .wasm requests through. */
  release(): Promise<void>;
}

/** Opens `path` with every .wasm request held until release(). */
async function openHeld(path: string): Promise<Held> {
  const context = await (await sharedBrowser()).newContext({viewport: {width: 1280, height: 900}, serviceWorkers: "block"});
  await context.route((url) => !isLocalUrl(url.href), (route) => route.abort("blockedbyclient"));
  const wasm: string[] = [];
  const held: Route[] = [];
  let released = false;
  await context.route(/\.wasm(\?|$)/, (route) => {
    wasm.push(route.request().url());
    if (released) return route.continue();
    held.push(route);
  });
  const requests: string[] = [];
  context.on("request", (request) => void requests.push(request.url()));
  const page = await context.newPage();
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  page.on("console", (m) => void (m.type() === "error" && errors.push(m.text())));
  await page.goto(new URL(path, `${inject("baseUrl")}/`).href, {waitUntil: "domcontentloaded"});
  return {
    page,
    context,
    wasm,
    requests,
    errors,
    async release() {
      released = true;
      await Promise.all(held.splice(0).map((r) => r.continue()));
    }
  };
}

/** Waits (up to 20 s) until `selector` matches at least `count` elements on screen. */
const onScreen = (page: Page, selector: string, count = 1) =>
  expect.poll(() => page.locator(selector).evaluateAll((els) => els.filter((e) => (e as HTMLElement).getClientRects().length > 0).length), {timeout: 20_000}).toBeGreaterThanOrEqual(count);

const sentence = (page: Page, key: string) => page.locator(`[data-sentence="${key}"]`).textContent().then((t) => t?.trim());

let opened: Held[] = [];
afterAll(async () => Promise.all(opened.map((o) => o.context.close())));

describe("first view with the engine's wasm held back", () => {
  const pages: [string, (page: Page) => Promise<void>][] = [
    [
      "/",
      async (page) => {
        await onScreen(page, `#trend-card svg :is(${PLOT_MARKS})`);
        await onScreen(page, "#lan-table tbody tr", 21);
      }
    ],
    ["/anvandarguide", async (page) => onScreen(page, ".card.indicator h4", 18)],
    [
      "/rapporter/resultat-i-korthet-2016",
      async (page) => {
        await expect.poll(() => sentence(page, "bbic"), {timeout: 20_000}).toBe(PUBLISHED_2016.bbic);
        await onScreen(page, `#bbic-trend svg :is(${PLOT_MARKS})`);
      }
    ],
    [
      "/rapporter/barnens-behov-allt-mer-i-centrum",
      async (page) => {
        await expect.poll(() => sentence(page, "lead"), {timeout: 20_000}).toBe(PUBLISHED_2014.lead);
        await onScreen(page, '#competence-by-lan svg g[aria-label="bar"] rect', 21);
      }
    ],
    [
      "/jamfor",
      async (page) => {
        await onScreen(page, "#compare-results .indicator-card svg", 3);
        await onScreen(page, "#map-card svg path", 200);
      }
    ],
    ["/kommun/0180", async (page) => onScreen(page, "#narrative li", 2)],
    ["/om-data", async (page) => onScreen(page, "table tbody tr", 7)]
  ];

  it.each(pages)("%s: drawn while no engine is fetched", async (path, check) => {
    const held = await openHeld(path);
    opened.push(held);
    await check(held.page);
    await held.page.waitForTimeout(300);
    expect(held.wasm, "the page asked for DuckDB-WASM before anything was asked of it").toEqual([]);
    expect(held.errors).toEqual([]);
  }, 60_000);

  it("/utforska: the notebook is on screen while its engine is still on its way", async () => {
    const held = await openHeld("/utforska");
    opened.push(held);
    await onScreen(held.page, ".nb-cell .cm-editor");
    await expect.poll(() => held.wasm.length, {timeout: 20_000}).toBeGreaterThan(0);
    expect(await held.page.locator('.nb-cell[data-state="done"]').count()).toBe(0);
    await held.release();
    await onScreen(held.page, '.nb-cell[data-state="done"] table.nb-result tbody tr');
    // The notebook reads the site's tables from the serving file, not by decoding Parquet in the page.
    const data = held.requests.map((u) => new URL(u).pathname).filter((p) => p.startsWith("/_file/data/"));
    expect(data.filter((p) => p.endsWith(".duckdb"))).toHaveLength(1);
    expect(data.filter((p) => p.endsWith(".parquet"))).toEqual([]);
    expect(held.errors).toEqual([]);
  }, 90_000);
});

describe("the engine takes over when the reader asks for something new", () => {
  it("Jämför, another year: the engine is fetched then, the build-time view stays until it answers, and the page keeps its shape", async () => {
    const held = await openHeld("/jamfor");
    opened.push(held);
    const {page} = held;
    await onScreen(page, "#compare-results .indicator-card svg", 3);
    const state = await page.locator("#compare-results").getAttribute("data-state");
    const cards = await page.locator("#compare-results .indicator-card").count();
    const year = page.getByLabel("År", {exact: true});
    const other = (await year.locator("option").evaluateAll((list) => list.map((o) => (o as HTMLOptionElement).value)))[0]!;
    await year.selectOption(other);
    await expect.poll(() => held.wasm.length, {timeout: 20_000}).toBeGreaterThan(0);
    expect(await page.locator("#compare-results").getAttribute("data-state")).toBe(state);
    await held.release();
    await expect.poll(() => page.locator("#compare-results").getAttribute("data-state"), {timeout: 60_000}).not.toBe(state);
    expect(await page.locator("#compare-results .indicator-card").count()).toBe(cards);
    expect(held.errors).toEqual([]);
  }, 90_000);

  it("Jämför, another unit: answered by the engine", async () => {
    const jamfor = await openHeld("/jamfor");
    opened.push(jamfor);
    await onScreen(jamfor.page, "#compare-results .indicator-card svg", 3);
    await jamfor.release();
    await jamfor.page.goto(new URL("/jamfor?enhet=1480&tema=bbic", `${inject("baseUrl")}/`).href);
    await expect.poll(() => jamfor.page.locator("#compare-results").getAttribute("data-state"), {timeout: 60_000}).toMatch(/^1480\|bbic\|/);
    expect(jamfor.wasm.length).toBeGreaterThan(0);
    expect(jamfor.errors).toEqual([]);
  }, 90_000);
});
