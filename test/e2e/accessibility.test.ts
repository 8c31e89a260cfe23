// WCAG 2.1 A and AA, checked by axe-core in the real browser on every page of
// the site (the unit pages through four of them: a kommun, a storstad, a
// stadsdel and a kommun that never answered the survey; all 319 share one
// template), at 1280 and at 390 px, once the page has drawn its charts and
// tables. A serious or critical violation fails the test; every result is
// written to test/output/axe/<page>-<width>.json for review.
//
// What axe cannot judge is tested where it matters: the language of the built
// HTML, the skip link, the charts' names and table alternatives (below), the
// map's keyboard alternative (jamfor.test.ts).
import {mkdirSync, readFileSync, writeFileSync} from "node:fs";
import {createRequire} from "node:module";
import {fileURLToPath} from "node:url";
import type {Page} from "playwright-core";
import {expect, inject, test} from "vitest";
import {pageTest, PLOT_MARKS, screenshotName, waitForContent} from "./browser.js";

const AXE = createRequire(import.meta.url).resolve("axe-core/axe.min.js");
const OUTPUT = fileURLToPath(new URL("../output/axe/", import.meta.url));
/** The WCAG 2.1 A and AA rules (axe tags). */
const WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];
const BLOCKING = new Set(["serious", "critical"]);

interface AxeNode {
  target: string[];
  failureSummary?: string;
}
interface AxeResult {
  id: string;
  impact: string | null;
  help: string;
  nodes: AxeNode[];
}
interface AxeResults {
  violations: AxeResult[];
  incomplete: AxeResult[];
  passes: AxeResult[];
}

/** Runs axe-core on the page as it is now. */
async function runAxe(page: Page): Promise<AxeResults> {
  // Evaluated through the DevTools protocol, not as a <script>: the pages' Content-Security-Policy refuses inline scripts.
  await page.evaluate(readFileSync(AXE, "utf8"));
  return page.evaluate(async (tags) => {
    const axe = (window as unknown as {axe: {run: (context: Document, options: object) => Promise<AxeResults>}}).axe;
    const result = await axe.run(document, {runOnly: {type: "tag", values: tags}, resultTypes: ["violations", "incomplete"]});
    const slim = (list: AxeResult[]) => list.map((r) => ({id: r.id, impact: r.impact, help: r.help, nodes: r.nodes.map((n) => ({target: n.target, failureSummary: n.failureSummary}))}));
    return {violations: slim(result.violations), incomplete: slim(result.incomplete), passes: result.passes.map((r) => ({id: r.id, impact: r.impact, help: r.help, nodes: []}))};
  }, WCAG_TAGS);
}

/** What a page must have drawn before it is checked: its charts and tables, not a loading state. */
const PAGES: {path: string; ready: string}[] = [
  {path: "/", ready: "#trend-card svg"},
  {path: "/jamfor", ready: "#map-card svg"},
  {path: "/kommun/", ready: "#unit-table tbody tr"},
  {path: "/kommun/0115", ready: "#indikator-bbic_ordinarie_licens svg"},
  {path: "/kommun/1480", ready: "#indikator-bbic_ordinarie_licens svg"},
  {path: "/kommun/1480-01", ready: "#indikator-bbic_ordinarie_licens svg"},
  {path: "/kommun/0428", ready: "#indikator-heldygnsinsats_per_1000 svg"},
  {path: "/rapporter/barnens-behov-allt-mer-i-centrum", ready: "#competence-by-lan svg"},
  {path: "/rapporter/resultat-i-korthet-2016", ready: "#bbic-trend svg"},
  {path: "/utforska", ready: ".cm-editor"},
  {path: "/anvandarguide", ready: ".indicator"}
];

const VIEWPORTS = [
  {width: 1280, height: 900},
  {width: 390, height: 844}
];

for (const {path, ready} of PAGES) {
  for (const viewport of VIEWPORTS) {
    const name = `${screenshotName(path)}-${viewport.width}`;
    pageTest(
      path,
      async ({page}) => {
        await waitForContent(page, page.locator(ready));
        // Charts drawn from DuckDB-WASM queries: wait until no Framework cell is still pending.
        await expect.poll(() => page.locator("observablehq-loading").count(), {timeout: 60_000}).toBe(0);
        // Framework's callouts are labelled in English by its stylesheet; the site's in Swedish.
        const labels = await page.locator(".note, .tip, .warning, .caution").evaluateAll((els) => els.map((e) => getComputedStyle(e, "::before").content));
        for (const label of labels) expect(label).not.toMatch(/^"(Note|Tip|Warning|Caution)"$/);
        const results = await runAxe(page);
        mkdirSync(OUTPUT, {recursive: true});
        writeFileSync(`${OUTPUT}${name}.json`, `${JSON.stringify({path, viewport, ...results}, null, 1)}\n`);
        const blocking = results.violations.filter((v) => BLOCKING.has(v.impact ?? ""));
        const report = blocking.map((v) => `${v.impact} ${v.id}: ${v.help}\n${v.nodes.slice(0, 5).map((n) => `    ${n.target.join(" ")}: ${n.failureSummary?.split("\n").slice(1, 3).join(" ")}`).join("\n")}`);
        expect(report, `axe on ${path} at ${viewport.width} px`).toEqual([]);
      },
      {name: `axe: ${path} at ${viewport.width} px has no serious or critical WCAG 2.1 AA violation`, viewport, screenshot: `axe-${name}`}
    );
  }
}

test("every built page declares its language, Swedish, in <html lang>", async () => {
  for (const {path} of PAGES) {
    const html = await (await fetch(`${inject("baseUrl")}${path}`)).text();
    expect(html, path).toMatch(/^<!DOCTYPE html>\s*<html lang="sv">/);
  }
});

pageTest("/kommun/0115", async ({page}) => {
  // The first Tab reaches the skip link, which leads past the sidebar to the page's content.
  await page.keyboard.press("Tab");
  const focused = page.locator(":focus");
  await expect(focused).toHaveText("Hoppa till innehållet");
  expect(await focused.isVisible()).toBe(true);
  await page.keyboard.press("Enter");
  await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe("observablehq-main");
}, {name: "a skip link is the first stop of the keyboard and leads to the content", screenshot: false});

pageTest("/kommun/0115", async ({page}) => {
  await waitForContent(page, page.locator(`#unit-results svg`).filter({has: page.locator(PLOT_MARKS)}));
  // Every chart is an image with a name and a description, and has a table beside it.
  const charts = page.locator("svg.chart-main");
  expect(await charts.count()).toBeGreaterThan(10);
  const described = await charts.evaluateAll((svgs) =>
    svgs.map((svg) => ({role: svg.getAttribute("role"), label: svg.getAttribute("aria-label") ?? "", description: svg.querySelector(":scope > desc")?.textContent ?? ""}))
  );
  for (const d of described) {
    expect(d.role).toBe("img");
    expect(d.label.length).toBeGreaterThan(5);
    expect(d.description.length).toBeGreaterThan(20);
  }
  const figures = page.locator("figure.compare-chart");
  expect(await figures.locator("details.chart-table").count()).toBe(await figures.count());
}, {name: "charts on a unit page: role img, a name, a description and a table", screenshot: false});
