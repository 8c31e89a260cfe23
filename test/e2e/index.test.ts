// Översikt (src/index.md): national trend chart, indicator picker, table per län.
import {expect} from "vitest";
import {pageTest, tableWithHeader, waitForPlot} from "./browser.js";

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
