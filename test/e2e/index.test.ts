// Översikt (src/index.md): national trend chart, indicator picker, table per län.
import type {Page} from "playwright-core";
import {expect} from "vitest";
import {pageTest, tableWithHeader, waitForPlot} from "./browser.js";
import {textsOutsideCharts} from "./chartChecks.js";

pageTest("/", async ({page, screenshot}) => {
  // The chart is drawn from a DuckDB-WASM query once the Parquet tables are loaded.
  const before = await waitForPlot(page, "#trend-card");
  const heading = page.locator("#trend-card h2");
  const headingBefore = (await heading.textContent())?.trim();
  expect(headingBefore).toMatch(/, riket$/);

  // Inputs.table (per län, latest year): one row per län.
  const rows = tableWithHeader(page, "Län").locator("tbody tr");
  await expect.poll(() => rows.count(), {timeout: 60_000}).toBe(21);
  const codes = await rows.evaluateAll((trs) => trs.map((tr) => tr.querySelector("td:nth-child(2)")?.textContent?.trim()));
  expect(new Set(codes).size).toBe(21);

  await screenshot("index-initial");

  // The selector: full titles, grouped by theme, the survey's themes first, then the register's; Swedish order.
  const groups = await page.getByLabel("Indikator").locator("optgroup").evaluateAll((list) => list.map((g) => (g as HTMLOptGroupElement).label));
  expect(groups[0]).toBe("BBIC");
  expect(groups.at(-1)).toBe("Barn och insatser (register)");
  expect(groups.slice(0, -1)).toEqual([...groups.slice(0, -1)].sort(new Intl.Collator("sv").compare));
  const samverkan = await page.getByLabel("Indikator").locator('optgroup[label="Samverkan"] option').allTextContents();
  expect(samverkan).toContain("Överenskommelse om samverkan med primärvården");
  expect(samverkan).toEqual([...samverkan].sort(new Intl.Collator("sv").compare));
  // The chart is an image named by its title, with its numbers a click away.
  await expect(page.locator("#trend-card svg[role='img']")).toHaveCount(1);
  await page.locator("#trend-card details.chart-table summary").click();
  await expect(page.locator("#trend-card details.chart-table tbody tr").first()).toContainText("2010");

  // Another indicator redraws the chart and retitles the card.
  const select = page.getByLabel("Indikator");
  const options = await select.locator("option").evaluateAll((list) => list.map((o) => ({value: (o as HTMLOptionElement).value, selected: (o as HTMLOptionElement).selected})));
  expect(options.length).toBeGreaterThan(1);
  const other = options.find((o) => !o.selected)!;
  await select.selectOption(other.value);
  await expect.poll(async () => (await heading.textContent())?.trim(), {timeout: 30_000}).not.toBe(headingBefore);
  await expect.poll(() => waitForPlot(page, "#trend-card"), {timeout: 30_000}).not.toBe(before);
  await expect.poll(() => rows.count(), {timeout: 30_000}).toBe(21);
  // pageTest saves the final state as index.png.
});

/** Picks the indicator whose option label matches (short or full title), and waits for the chart to redraw. */
async function pickIndicator(page: Page, label: RegExp): Promise<void> {
  const select = page.getByLabel("Indikator");
  const options = await select.locator("option").evaluateAll((list) => (list as HTMLOptionElement[]).map((o) => ({value: o.value, text: o.textContent ?? ""})));
  const option = options.find((o) => label.test(o.text));
  expect(option, `an indicator matching ${label}`).toBeDefined();
  await select.selectOption(option!.value);
  await waitForPlot(page, "#trend-card");
}

/** Large counts (Barn 0–17 år, over two million in riket): every digit of every tick label shows, up to a tick above the values. */
async function countChecks(page: Page): Promise<void> {
  await waitForPlot(page, "#trend-card");
  await pickIndicator(page, /Barn 0–17 år$|Folkmängd 0–17 år/);
  const card = page.locator("#trend-card");
  await expect.poll(() => card.locator('g[aria-label="y-axis tick label"] text').allTextContents(), {timeout: 30_000}).toContain("2\u202f500\u202f000");
  expect(await textsOutsideCharts(card)).toEqual([]);
  // A count is its own numerator and has no denominator: the table shows only its value.
  const table = tableWithHeader(page, "Län");
  const headers = async () => (await table.locator("thead th").allTextContents()).map((t) => t.replace(/[▾▴]/g, "").trim()).filter(Boolean);
  await expect.poll(headers, {timeout: 30_000}).toEqual(["Kod", "Län", "Värde"]);
  // A share has both, and they mean something: yes answers of units that answered.
  await pickIndicator(page, /Ordinarie BBIC-licens|Ordinarie licens för BBIC/);
  await expect.poll(headers, {timeout: 30_000}).toEqual(["Kod", "Län", "Värde", "Täljare", "Nämnare"]);
  expect(await textsOutsideCharts(card)).toEqual([]);
}

pageTest("/", async ({page}) => countChecks(page), {name: "page /: axis labels whole and table columns by measure (1280 px)", screenshot: "index-count"});
pageTest("/", async ({page}) => countChecks(page), {name: "page / at 390 px", viewport: {width: 390, height: 844}, screenshot: "index-count-390"});
