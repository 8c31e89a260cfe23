// Jämför kommuner och stadsdelar (src/jamfor.md): pick units by typing, the
// charts follow, the URL reproduces the view, and the downloads hold the rows
// shown. Also: a unit that did not answer says so, the map has every kommun,
// and no trend line crosses a comparability break.
import {readdirSync, readFileSync} from "node:fs";
import {join} from "node:path";
import {parquetFilesQuery} from "../../publish/parquetQuery.js";
import type {Download, Page} from "playwright-core";
import {expect, inject} from "vitest";
import * as XLSX from "xlsx";
import {openPage, pageTest, sharedBrowser, waitForContent, waitForPlot} from "./browser.js";
import {drawnInYear, textsOutsideCharts} from "./chartChecks.js";
import {distDir} from "./globalSetup.js";

const results = (page: Page) => page.locator("#compare-results");

/** Waits until the results show exactly this state (units|theme|year), i.e. every query of the change has been drawn. */
async function waitForState(page: Page, state: string): Promise<void> {
  await waitForContent(page, page.locator(`#compare-results[data-state="${state}"]`));
}

/** Types into a unit picker and picks the first option, as a user would with Enter. */
async function pickByTyping(page: Page, pickerId: string, text: string, expectedFirst: string): Promise<void> {
  const input = page.locator(`#${pickerId}-input`);
  await input.click();
  await input.fill("");
  await input.pressSequentially(text, {delay: 20});
  const first = page.locator(`#${pickerId}-list li[role="option"]`).first();
  await expect(first).toContainText(expectedFirst);
  await input.press("Enter");
}

async function download(page: Page, button: ReturnType<Page["locator"]>): Promise<{name: string; bytes: Buffer}> {
  const [file] = (await Promise.all([page.waitForEvent("download"), button.click()])) as [Download, unknown];
  return {name: file.suggestedFilename(), bytes: readFileSync((await file.path())!)};
}

pageTest("/jamfor", async ({page, screenshot}) => {
  // Default view: Stockholm, BBIC, the newest year.
  await waitForState(page, "0180|bbic|2016");
  await waitForPlot(page, "#indikator-bbic_ordinarie_licens");
  expect(new URL(page.url()).search).toBe("?enhet=0180&tema=bbic&ar=2016&karta=bbic_ordinarie_licens");
  await screenshot("jamfor-initial");

  // "goteborg" (no ö) finds Göteborg first; Enter picks it; every chart follows.
  const stripBefore = await page.locator("#indikator-bbic_ordinarie_licens figure.compare-chart").nth(1).innerHTML();
  await pickByTyping(page, "enhet", "goteborg", "Göteborg");
  await waitForState(page, "1480|bbic|2016");
  await expect.poll(() => page.locator("#enhet-input").inputValue()).toBe("Göteborg");
  const card = page.locator("#indikator-bbic_ordinarie_licens");
  await expect(card.locator("tr.role-unit")).toHaveText(/^Göteborg/);
  await expect(card.locator("figure.compare-chart").nth(1).locator("text", {hasText: "Göteborg"})).toHaveCount(1);
  expect(await card.locator("figure.compare-chart").nth(1).innerHTML()).not.toBe(stripBefore);
  await expect(card.locator('tr[data-role="län"]')).toContainText("Västra Götalands län");

  // "angered" finds the stadsdel; it is added beside Göteborg in table, bars, strip and trend.
  await pickByTyping(page, "med", "angered", "Angered");
  await waitForState(page, "1480,1480-01|bbic|2016");
  await expect(page.locator("#med .unit-picker-chip")).toHaveText("Angered (Göteborg)×");
  await expect(card.locator("tr.role-unit")).toHaveCount(2);
  await expect(card.locator(".chart-legend text", {hasText: "Angered (Göteborg)"})).toHaveCount(1);

  // Theme and year; a 2016-only indicator says it was not measured in 2013.
  await page.getByLabel("Tema").selectOption({label: "Kompetens"});
  await waitForState(page, "1480,1480-01|kompetens|2016");
  await page.getByLabel("År", {exact: true}).selectOption("2013");
  await waitForState(page, "1480,1480-01|kompetens|2013");
  await expect(page.locator("#indikator-samlad_kompetensplan .notice")).toContainText("mättes inte 2013");
  const search = new URL(page.url()).search;
  // The map kept the indicator chosen for 2016 (the theme's first measured then) and says it shows 2016.
  expect(search).toBe("?enhet=1480&med=1480-01&tema=kompetens&ar=2013&karta=samlad_kompetensplan");
  await expect(page.locator("#map-card").locator("xpath=..").locator(".notice")).toContainText("kartan visar 2016");

  // The link reproduces the view in a fresh browser context.
  const again = await openPage(await sharedBrowser(), inject("baseUrl"), `/jamfor${search}`);
  try {
    await waitForState(again.page, "1480,1480-01|kompetens|2013");
    await expect.poll(() => again.page.locator("#enhet-input").inputValue()).toBe("Göteborg");
    await expect(again.page.locator("#med .unit-picker-chip")).toHaveText("Angered (Göteborg)×");
    expect(await again.page.getByLabel("Tema").evaluate((s) => (s as HTMLSelectElement).selectedOptions[0]!.textContent)).toBe("Kompetens");
    expect(await again.page.locator("#compare-results").innerText()).toBe(await results(page).innerText());
    again.expectClean();
  } finally {
    await again.close();
  }
}, {timeout: 180_000, screenshot: "jamfor-interaction"});

pageTest("/jamfor?enhet=1480&med=0115&tema=bbic&ar=2016", async ({page}) => {
  await waitForState(page, "1480,0115|bbic|2016");
  const summary = page.locator(".unit-summary-card");

  // csv: every year of every indicator of the theme, not only the year shown; the year shown holds the rows of the tables.
  const rowsShown = await page.locator("#compare-results .compare-table tbody tr").count();
  const csv = await download(page, summary.getByRole("button", {name: "CSV"}));
  expect(csv.name).toBe("jamforelse-bbic-2010-2016.csv");
  const text = csv.bytes.toString("utf8");
  expect(text.startsWith("\ufeffIndikator-id;Indikator;År;Jämförelse;Kod;")).toBe(true);
  const lines = text.slice(1).trimEnd().split("\r\n").slice(1);
  expect(lines.filter((l) => l.split(";")[2] === "2016")).toHaveLength(rowsShown);
  const bbicLines = lines.filter((l) => l.startsWith("bbic_ordinarie_licens;"));
  expect([...new Set(bbicLines.map((l) => l.split(";")[2]))]).toEqual(["2010", "2011", "2012", "2013", "2014", "2015", "2016"]);
  // Each year: Göteborg, Vallentuna, kommungrupp A1, Västra Götalands län, A2, Stockholms län, riket.
  expect(bbicLines.filter((l) => l.split(";")[2] === "2013").map((l) => l.split(";")[4])).toEqual(["1480", "0115", "A1", "14", "A2", "01", "00"]);
  await expect(summary.locator(".download-bar")).toContainText("alla år 2010–2016");

  // xlsx: the same rows; numbers are numbers, codes text with their zeros.
  const xlsx = await download(page, summary.getByRole("button", {name: "Excel"}));
  expect(xlsx.name).toBe("jamforelse-bbic-2010-2016.xlsx");
  const workbook = XLSX.read(xlsx.bytes, {type: "buffer"});
  expect(workbook.SheetNames).toEqual(["Jämförelse", "Om uttaget"]);
  const sheet = workbook.Sheets["Jämförelse"]!;
  const rows = XLSX.utils.sheet_to_json<Record<string, unknown>>(sheet, {raw: true});
  expect(rows).toHaveLength(lines.length);
  const vallentuna = rows.find((r) => r["Indikator-id"] === "bbic_ordinarie_licens" && r.Kod === "0115" && r["År"] === 2016)!;
  expect(typeof vallentuna["Värde"]).toBe("number");
  expect(vallentuna["År"]).toBe(2016);
  const riketRow = rows.findIndex((r) => r["Indikator-id"] === "bbic_ordinarie_licens" && r.Kod === "00");
  // The source is named as the organisation was called in those years (SKL until 2018), and the change said once.
  const about = XLSX.utils.sheet_to_json<string[]>(workbook.Sheets["Om uttaget"]!, {header: 1}).map((r) => r.join(": "));
  expect(about.find((l) => l.startsWith("Källa"))).toContain("Socialstyrelsen och SKL");
  expect(about.filter((l) => l.includes("heter sedan 2019 Sveriges Kommuner och Regioner"))).toHaveLength(1);
  expect(sheet[`E${riketRow + 2}`]).toMatchObject({t: "s", v: "00"});

  // svg and png of a chart.
  const figure = page.locator("#indikator-bbic_ordinarie_licens figure.compare-chart").first();
  const svg = await download(page, figure.getByRole("button", {name: "SVG"}));
  expect(svg.name).toBe("jamforelse-bbic_ordinarie_licens-2016.svg");
  const svgText = svg.bytes.toString("utf8");
  expect(svgText).toMatch(/^<\?xml[^>]*>\n<svg [^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);
  expect(svgText).toContain("Ordinarie BBIC-licens 2016");
  expect(svgText).not.toContain("var(--");
  const png = await download(page, figure.getByRole("button", {name: "PNG"}));
  expect(png.name).toBe("jamforelse-bbic_ordinarie_licens-2016.png");
  expect([...png.bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  // Twice the figure's width: sharp in print.
  const width = png.bytes.readUInt32BE(16);
  expect(width).toBeGreaterThan(2 * (await figure.locator("svg.chart-main").evaluate((s) => (s as SVGSVGElement).getBoundingClientRect().width)));

  // The map: every kommun a shape (with a value or grey), the two chosen units outlined.
  const map = page.locator("#map-card svg.chart-main");
  await expect(map.locator('g[aria-label="geo"] path')).toHaveCount(290 + 2, {timeout: 60_000});

  // All kommuner and stadsdelar in one table: filter by län and kommungrupp, sort by a column, download what is shown.
  const list = page.locator("#lista-bbic_ordinarie_licens");
  const listRows = list.locator("tbody tr");
  await expect(listRows).toHaveCount(319);
  await list.getByLabel("Visa stadsdelarna i Stockholm, Göteborg och Malmö").uncheck();
  await expect(listRows).toHaveCount(290);
  await list.getByLabel("Län").selectOption({label: "Västra Götalands län"});
  const vg = await listRows.count();
  expect(vg).toBeGreaterThan(40);
  expect(vg).toBeLessThan(60);
  await list.getByLabel("Kommungrupp").selectOption("A1");
  await expect(listRows).toHaveCount(1);
  await expect(listRows.first()).toContainText("Göteborg");
  await list.getByLabel("Kommungrupp").selectOption("");
  await expect(listRows).toHaveCount(vg);
  // Sorted by value, highest first; a click on "Namn" sorts by name, a second click the other way.
  await expect(list.locator('th[aria-sort="descending"]')).toHaveText(/Värde/);
  await list.getByRole("button", {name: "Namn"}).click();
  const names = await listRows.locator("th a").allTextContents();
  expect(names).toEqual([...names].sort(new Intl.Collator("sv").compare));
  await list.getByRole("button", {name: /Namn/}).click();
  await expect(list.locator('th[aria-sort="descending"]')).toHaveText(/Namn/);
  expect(await listRows.first().locator("th a").textContent()).toBe(names.at(-1));
  const listCsv = await download(page, list.getByRole("button", {name: "CSV"}));
  expect(listCsv.name).toBe("bbic_ordinarie_licens-2016-alla-enheter.csv");
  const listLines = listCsv.bytes.toString("utf8").trimEnd().split("\r\n").slice(1);
  expect(listLines).toHaveLength(vg);
  expect(listLines.map((l) => l.split(";")[5])).toEqual(names.slice().reverse());
}, {timeout: 180_000, screenshot: "jamfor-downloads"});

/** A survey unit and year it did not answer, read from the built site's own tables. */
async function nonRespondent(): Promise<{code: string; year: number}> {
  const dir = join(distDir, "_file", "data");
  const name = readdirSync(dir).find((f) => /^responses\.[0-9a-f]+\.parquet$/.test(f));
  if (!name) throw new Error(`no responses table in ${dir}`);
  const {query, close} = await parquetFilesQuery({responses: join(dir, name)});
  try {
    const rows = await query(`SELECT area_code, year FROM responses WHERE NOT answered AND area_code NOT LIKE '%-%' ORDER BY year, area_code LIMIT 1`);
    return {code: String(rows[0]!.area_code), year: Number(rows[0]!.year)};
  } finally {
    close();
  }
}

const missing = await nonRespondent();

pageTest(`/jamfor?enhet=${missing.code}&tema=bbic&ar=${missing.year}`, async ({page}) => {
  await waitForState(page, `${missing.code}|bbic|${missing.year}`);
  await expect(page.locator(".unit-summary-card .notice")).toContainText(`besvarade inte enkäten ${missing.year}`);
  const unitRow = page.locator("#indikator-bbic_ordinarie_licens tr.role-unit");
  await expect(unitRow).toContainText(`besvarade inte enkäten ${missing.year}`);
  // Not a zero, not a blank.
  expect(await unitRow.locator("td.num").innerText()).toBe(`besvarade inte enkäten ${missing.year}`);

  // The trend: the year without an answer breaks the line, and 2015→2016 (a new survey) is never joined.
  const trend = page.locator("#indikator-bbic_ordinarie_licens figure.compare-chart").last().locator("svg.chart-main");
  // A tick label's x: Plot writes each as <text transform="translate(x,y)">.
  const xOf = async (year: number) =>
    trend.locator('g[aria-label="x-axis tick label"] text', {hasText: new RegExp(`^${year}$`)}).evaluate((t) => Number(/translate\(([-\d.]+)/.exec(t.getAttribute("transform") ?? "")?.[1]));
  const breakX = ((await xOf(2015)) + (await xOf(2016))) / 2;
  const missingX = await xOf(missing.year);
  const spans = await trend.locator('g[aria-label="line"] path').evaluateAll((ps) => ps.map((p) => (p as SVGPathElement).getBBox()).map((b) => [b.x, b.x + b.width]));
  expect(spans.length).toBeGreaterThan(0);
  for (const [from, to] of spans) {
    expect(from! < breakX - 1 && to! > breakX + 1, `a line crosses the 2016 break: ${from}–${to}`).toBe(false);
    expect(from! < missingX - 1 && to! > missingX + 1, `a line crosses ${missing.year}, a year without an answer: ${from}–${to}`).toBe(false);
  }
  // The year without an answer is a grey band, never a mark on the zero line, and the caption says what the band means.
  const drawn = await drawnInYear(trend, missing.year);
  expect(drawn.band).toBe(true);
  for (const y of drawn.dots) expect(Math.abs(y - drawn.zeroY!)).toBeGreaterThan(0.5);
  const figure = page.locator("#indikator-bbic_ordinarie_licens figure.compare-chart").last();
  await expect(figure.locator("figcaption")).toContainText("Grått fält: inget värde det året");
  expect(await textsOutsideCharts(results(page))).toEqual([]);
}, {timeout: 120_000, screenshot: "jamfor-no-answer"});

pageTest("/jamfor?enhet=9999&tema=nope&ar=20x6", async ({page}) => {
  // A mistyped link says what was wrong, and what the page shows instead, rather than silently showing Stockholm.
  await waitForState(page, "0180|bbic|2016");
  const problems = page.locator("#url-problems");
  await expect(problems.locator("li")).toHaveCount(3);
  await expect(problems.locator('li[data-param="enhet"]')).toHaveText("Det finns ingen kommun eller stadsdel med koden ”9999”. Sidan visar Stockholm i stället.");
  await expect(problems.locator('li[data-param="tema"]')).toHaveText("Det finns inget tema ”nope”. Sidan visar temat BBIC i stället.");
  await expect(problems.locator('li[data-param="ar"]')).toContainText("”20x6” är inte ett årtal");
}, {name: "page /jamfor with a bad address says what was wrong", screenshot: "jamfor-bad-url"});

pageTest("/jamfor?enhet=goteborg&ar=2030", async ({page}) => {
  const problems = page.locator("#url-problems");
  await expect(problems.locator('li[data-param="ar"]')).toHaveText("Temat BBIC har inga värden för 2030. Sidan visar 2016 i stället.");
  // A name where a code belongs: the page offers the unit it names.
  await problems.getByRole("link", {name: "Göteborg (1480)"}).click();
  await waitForState(page, "1480|bbic|2016");
  await expect(page.locator("#url-problems")).toHaveCount(0);
}, {name: "page /jamfor with a name for a code offers the unit", screenshot: false});

pageTest("/jamfor", async ({page}) => {
  // On a phone the table of all kommuner keeps name, code and value in sight without scrolling sideways.
  const table = page.locator("#lista-bbic_ordinarie_licens .table-scroll");
  await waitForContent(page, table.locator("tbody tr"));
  const {scroll, client} = await table.evaluate((e) => ({scroll: e.scrollWidth, client: e.clientWidth}));
  expect(scroll).toBeLessThanOrEqual(client + 1);
  await expect(table.locator("thead th:visible")).toHaveText(/Namn.*Kod.*Värde/);
}, {name: "page /jamfor at 390 px: the table of all kommuner fits the phone", viewport: {width: 390, height: 844}, screenshot: "jamfor-list-390"});
