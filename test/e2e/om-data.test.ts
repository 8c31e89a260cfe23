// Om data (src/om-data.md): the load report of the tables the site was built from — every table's rows,
// every source with its rows per table and statuses, and the warnings with their places.
import {readFileSync} from "node:fs";
import {join} from "node:path";
import {expect} from "vitest";
import type {LoadReport} from "../../loaders/report/loadReport.js";
import {pageTest, waitForContent} from "./browser.js";
import {distDir} from "./globalSetup.js";

const thin = (n: number) => n.toLocaleString("sv-SE").replace(/\s/g, "\u202f");

pageTest("/om-data", async ({page}) => {
  await expect.poll(() => page.locator("h1").textContent()).toBe("Om data");
  const files = page.locator("table.load-sources tbody tr");
  await waitForContent(page, files);
  // The page's data is the report the build wrote: the same file, read from dist/.
  const report = JSON.parse(readFileSync(reportFile(), "utf8")) as LoadReport;

  // One row per table, with its row count as the build wrote it.
  const tables = page.locator("table.load-tables tbody tr");
  await expect(tables).toHaveCount(Object.keys(report.tables).length);
  await expect(tables.filter({hasText: "observations"}).locator("td.num")).toHaveText(thin(report.tables.observations));

  // One row per source: the survey files, the published file, the register sources and the reference lists.
  await expect(files).toHaveCount(report.sources.length);
  const heldygn = files.filter({hasText: "register/socialstyrelsen_heldygnsinsatser_0_17.csv"});
  await expect(heldygn).toContainText("Latin-1/Windows-1252");
  await expect(heldygn).toContainText("skyddad av sekretess: 121");
  await expect(files.filter({hasText: "survey/enkat_2016.xlsx"})).toContainText("besvarade inte enkäten: 48");

  // The summary sentence counts the same rows.
  const total = Object.values(report.tables).reduce((a, b) => a + b, 0);
  await expect(page.locator("main")).toContainText(`gav ${thin(total)} rader i 7 tabeller från ${report.sources.length} källor`);
  if (report.warnings.length === 0) await expect(page.locator(".no-warnings")).toHaveText("Inga varningar vid senaste inläsningen.");
  else await expect(page.locator(".load-warnings li")).toHaveCount(report.warnings.length);
});

/** The hashed copy of data/load-report.json that Framework wrote into dist/. */
function reportFile(): string {
  const dir = join(distDir, "_file", "data");
  const name = readFileSync(join(distDir, "om-data.html"), "utf8").match(/load-report\.[0-9a-f]+\.json/)?.[0];
  if (!name) throw new Error("om-data.html does not name its load-report file");
  return join(dir, name);
}
