// The report pages (src/rapporter/*.md, src/anvandarguide.md): sentences from
// data read exactly as published, charts drawn, no line across a comparability
// break; and `npm run pdf` prints them with the headline text in the PDF.
import {mkdtempSync, statSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {expect, test} from "vitest";
import {writePdfs, REPORTS} from "../../scripts/pdf.mjs";
import {PUBLISHED_2014, PUBLISHED_2016} from "../fixtures/publishedTexts.js";
import {distDir} from "./globalSetup.js";
import {pageTest, PLOT_MARKS, waitForContent, waitForPlot} from "./browser.js";
import {textsOutsideCharts} from "./chartChecks.js";
import type {Page} from "playwright-core";

/** The "Ladda ned" links: both files are served, and are zip containers (xlsx, pptx). */
async function expectDownloads(page: Page, year: number): Promise<void> {
  for (const [text, ext] of [["Excelfil", "xlsx"], ["Presentation", "pptx"]] as const) {
    const link = page.locator("a[download]", {hasText: text});
    expect(await link.getAttribute("download")).toMatch(new RegExp(`^Öppna jämförelser ${year} – .*\\.${ext}$`));
    const response = await page.request.get(await link.evaluate((a) => (a as HTMLAnchorElement).href));
    expect(response.status()).toBe(200);
    const body = await response.body();
    expect(body.length).toBeGreaterThan(10_000);
    expect(body.subarray(0, 2).toString()).toBe("PK");
  }
}

async function sentences(page: Page): Promise<Record<string, string>> {
  const spans = page.locator("[data-sentence]");
  await waitForContent(page, spans);
  await expect.poll(() => spans.evaluateAll((els) => els.every((e) => e.textContent!.trim() !== "")), {timeout: 60_000}).toBe(true);
  return Object.fromEntries(await spans.evaluateAll((els) => els.map((e) => [(e as HTMLElement).dataset.sentence!, e.textContent!.trim()])));
}

pageTest("/rapporter/barnens-behov-allt-mer-i-centrum", async ({page}) => {
  const text = await sentences(page);
  for (const key of ["lead", "involve", "competenceNew", "competence", "bbic", "improvement", "participation"] as const) {
    expect(text[key], key).toBe(PUBLISHED_2014[key]);
  }
  expect(await page.locator("h2", {hasText: PUBLISHED_2014.bbicHeading}).count()).toBe(1);
  expect(await page.locator("h2", {hasText: PUBLISHED_2014.participationHeading}).count()).toBe(1);
  await expectDownloads(page, 2014);
  // Three charts with data: collaboration trend, BBIC by year, competence by län (21 bars).
  await expect.poll(() => page.locator(".card svg").filter({has: page.locator(PLOT_MARKS)}).count(), {timeout: 60_000}).toBe(3);
  expect(await page.locator('#competence-by-lan svg g[aria-label="bar"] rect').count()).toBe(21);

  // The release as published: its date and data, no year selector that would rewrite the figures under a dated headline.
  await expect(page.locator("#release-date")).toHaveText(/^Publicerad 8 april 2014 · .* · Underlag: enkäten till kommunernas och stadsdelarnas socialtjänst, besvarad i november 2013 \(\d+ av \d+ enheter svarade\)$/);
  expect(await page.getByLabel("Enkätår").count()).toBe(0);
  await expect(page.locator("h2", {hasText: "Ladda ned"}).locator("xpath=following-sibling::p[1]")).toContainText("Resultaten från enkäten i november 2013");
  // Every chart has its table.
  expect(await page.locator(".chart-block details.chart-table").count()).toBe(3);
});

pageTest("/rapporter/resultat-i-korthet-2016", async ({page}) => {
  const text = await sentences(page);
  for (const key of ["bbic", "competencePlan", "primaryCare", "school", "comparability"] as const) {
    expect(text[key], key).toBe(PUBLISHED_2016[key]);
  }
  await expectDownloads(page, 2016);
  await expect(page.locator("#release-date")).toHaveText(/^Publicerad 2016 \(förlagan anger inget datum\) · .* besvarad våren 2016 \(\d+ av \d+ enheter svarade\)$/);
  // The callout's label is Swedish, not Framework's "Note".
  const label = await page.locator('.note[data-sentence="comparability"]').evaluate((e) => getComputedStyle(e, "::before").content);
  expect(label).toBe('"Observera"');
  // The BBIC trend: 2010–2015 joined, 2016 a lone dot after the break; no line reaches it.
  await waitForPlot(page, "#bbic-trend");
  const chart = page.locator("#bbic-trend svg").filter({has: page.locator(PLOT_MARKS)});
  const dots = await chart.locator('g[aria-label="dot"] circle').evaluateAll((cs) => cs.map((c) => Number(c.getAttribute("cx"))));
  expect(dots).toHaveLength(7);
  const [x2015, x2016] = dots.sort((a, b) => a - b).slice(-2) as [number, number];
  const breakX = (x2015 + x2016) / 2;
  // Plot draws one path per series (z = comparability group); none may straddle the break.
  const spans = await chart.locator('g[aria-label="line"] path').evaluateAll((ps) => ps.map((p) => (p as SVGPathElement).getBBox()).map((b) => [b.x, b.x + b.width]));
  expect(spans.length).toBeGreaterThan(0);
  for (const [from, to] of spans) expect(from! < breakX && to! > breakX, `a line crosses the break: ${from}–${to}`).toBe(false);
  expect(spans.some(([from, to]) => to! - from! > 0 && to! < breakX)).toBe(true);
  expect(await chart.locator("text", {hasText: "Ej jämförbart"}).count()).toBe(1);
});

/** The 2016 report's charts, whole at any width: bars as wide as the card, no card left half empty, no label cut. */
async function report2016Charts(page: Page, phone: boolean): Promise<void> {
  await sentences(page);
  const headline = page.locator(".card", {has: page.locator("h2", {hasText: "Andel kommuner och stadsdelar"})});
  await waitForPlot(page, ".grid-rows-auto");
  const svg = headline.locator("svg").filter({has: page.locator(PLOT_MARKS)});
  const svgWidth = await svg.evaluate((e) => e.getBoundingClientRect().width);
  const bars = await svg.locator('g[aria-label="bar"] rect').evaluateAll((rects) => rects.map((r) => r.getBoundingClientRect().width));
  expect(bars).toHaveLength(5);
  // The largest share (98 %) spans most of the chart, not a sliver beside a fixed label column.
  expect(Math.max(...bars)).toBeGreaterThan(0.45 * svgWidth);
  // Stacked on a phone, the card ends where its chart ends (Framework's grid made every row as tall as the text card's).
  const {stacked, slack} = await headline.evaluate((card) => ({
    stacked: card.getBoundingClientRect().top >= card.previousElementSibling!.getBoundingClientRect().bottom,
    slack: card.getBoundingClientRect().bottom - card.lastElementChild!.getBoundingClientRect().bottom
  }));
  expect(stacked).toBe(phone);
  if (phone) expect(slack).toBeLessThan(40);
  await waitForPlot(page, "#bbic-trend");
  expect(await textsOutsideCharts(page.locator("#observablehq-main"))).toEqual([]);
}

pageTest("/rapporter/resultat-i-korthet-2016", async ({page}) => report2016Charts(page, false), {name: "page /rapporter/resultat-i-korthet-2016: charts whole (1280 px)", screenshot: "resultat-i-korthet-2016-charts"});
// On a phone the old chart logged "<rect> attribute width: A negative value" five times; pageTest fails on any console error.
pageTest("/rapporter/resultat-i-korthet-2016", async ({page}) => report2016Charts(page, true), {name: "page /rapporter/resultat-i-korthet-2016 at 390 px", viewport: {width: 390, height: 844}, screenshot: "resultat-i-korthet-2016-390"});

pageTest("/rapporter/barnens-behov-allt-mer-i-centrum", async ({page}) => {
  await sentences(page);
  await expect.poll(() => page.locator(".card svg").filter({has: page.locator(PLOT_MARKS)}).count(), {timeout: 60_000}).toBe(3);
  expect(await textsOutsideCharts(page.locator("#observablehq-main"))).toEqual([]);
  // Three series in the collaboration trend, named in a legend above it.
  await expect(page.locator(".chart-with-legend svg.chart-legend")).toContainText("Samverkan BUP");
}, {name: "page /rapporter/barnens-behov-allt-mer-i-centrum at 390 px", viewport: {width: 390, height: 844}, screenshot: "barnens-behov-allt-mer-i-centrum-390"});

pageTest("/anvandarguide", async ({page}) => {
  const cards = page.locator(".indicator");
  await waitForContent(page, cards);
  await expect.poll(() => cards.count(), {timeout: 60_000}).toBe(18);
  expect(await page.locator("#ind-bbic_ordinarie_licens").textContent()).toContain("Ny enkät och nya frågor 2016: resultaten kan inte jämföras med tidigare år.");
  expect(await page.locator("h2", {hasText: "Fyra steg"}).count()).toBe(1);
  await expect.poll(() => page.locator("table").filter({hasText: "november 2013"}).locator("tbody tr").count(), {timeout: 30_000}).toBe(7);
});

test("npm run pdf writes each report as a PDF whose headline is extractable text", async () => {
  const outDir = mkdtempSync(join(tmpdir(), "oj-pdf-"));
  const written = await writePdfs({dist: distDir, outDir});
  expect(written).toHaveLength(REPORTS.length);
  const {getDocument} = await import("pdfjs-dist/legacy/build/pdf.mjs");
  const headlines = ["Barnens behov allt mer i centrum", "Öppna jämförelser 2016 – några resultat i korthet", "Användarguide"];
  for (const [i, path] of written.entries()) {
    expect(statSync(path).size).toBeGreaterThan(10_000);
    const pdf = await getDocument({data: new Uint8Array(await import("node:fs").then((fs) => fs.readFileSync(path))), useSystemFonts: false}).promise;
    const first = await pdf.getPage(1);
    const text = (await first.getTextContent()).items.map((item) => ("str" in item ? item.str : "")).join(" ");
    expect(text.replace(/\s+/g, " ")).toContain(headlines[i]);
    await pdf.destroy();
  }
}, 180_000);
