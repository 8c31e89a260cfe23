// The per-unit report pages (src/kommun/[kod].md) for a kommun, a storstad and a
// stadsdel, and the list of all units (src/kommun/index.md). pageTest fails on
// any console error or request off 127.0.0.1.
import {readdirSync, readFileSync} from "node:fs";
import {join} from "node:path";
import type {Download, Page} from "playwright-core";
import {expect, inject, test} from "vitest";
import * as XLSX from "xlsx";
import {pageTest, waitForContent, waitForPlot} from "./browser.js";
import {drawnInYear, textsOutsideCharts} from "./chartChecks.js";
import {distDir, root} from "./globalSetup.js";

async function narrative(page: Page): Promise<Record<string, string>> {
  const items = page.locator("#narrative li[data-sentence]");
  await waitForContent(page, items);
  return Object.fromEntries(await items.evaluateAll((els) => els.map((e) => [(e as HTMLElement).dataset.sentence!, e.textContent!.trim()])));
}

async function commonChecks(page: Page, name: string): Promise<void> {
  await expect(page.locator("h1")).toHaveText(name);
  await waitForContent(page, page.locator("#unit-results section.unit-indicator"));
  // One section per indicator with a value row, each with its table and trend chart.
  const sections = page.locator("#unit-results section.unit-indicator");
  expect(await sections.count()).toBeGreaterThanOrEqual(12);
  await waitForPlot(page, "#indikator-bbic_ordinarie_licens");
  await expect(page.locator("#indikator-bbic_ordinarie_licens .compare-table tbody tr")).toHaveCount(4);
}

pageTest("/kommun/0115", async ({page}) => {
  await commonChecks(page, "Vallentuna");
  const text = await narrative(page);
  expect(text.bbic_ordinarie_licens).toMatch(/^Vallentuna (har|har inte) ordinarie BBIC-licens(, liksom|; det har) \d+ procent av landets kommuner och stadsdelar\.$/);
  expect(text.svarsfrekvens).toMatch(/^Vallentuna besvarade enkäten /);
  expect(text.heldygnsinsats_per_1000).toMatch(/^Heldygnsinsats per 1 000, 2016: \d+,\d i Vallentuna/);
  await expect(page.locator(".kicker")).toHaveText("kommun · Stockholms län");
  await expect(page.locator("#indikator-bbic_ordinarie_licens tr[data-role='grupp']")).toContainText("Kommungrupp A2");
  // The link to the tool carries the unit.
  expect(await page.getByRole("link", {name: /Jämför Vallentuna med andra/}).getAttribute("href")).toBe("../jamfor?enhet=0115");

  // A count (children 0–17) is stated, not set against a kommungrupp median of kommuner of other sizes.
  const count = page.locator("#indikator-befolkning_0_17");
  await expect(count.locator(".sentence")).toHaveText(/^Barn 0–17 år, 2016: [\d\s]+ i Vallentuna\. 2010–2016 (ökade|minskade|varierade|var) /);
  await expect(count.locator(".compare-table tbody tr")).toHaveCount(1);
  expect(await count.locator(".compare-table th", {hasText: "Placering"}).count()).toBe(0);
  // A rate is higher or lower than riket's, never "fler"; trends are told in the past. Vallentuna's 39
  // children are too few for its 6,4 to differ clearly from riket's 7,2 (the difference runs −2,69 to 1,57).
  await expect(page.locator("#indikator-heldygnsinsats_per_1000 .sentence")).toContainText("6,4 i Vallentuna, ungefär som i riket (7,2); skillnaden kan vara slumpmässig.");
  expect(await page.locator("#unit-results .sentence").allTextContents()).not.toContainEqual(expect.stringMatching(/procent (fler|färre) än i riket|\d{4}–\d{4} (ökar|minskar|varierar|är) /));
  // Samverkan BHV was asked last in 2015: its sentence names the year, in the past tense.
  await expect(page.locator("#indikator-samverkan_bhv .sentence")).toHaveText(/^År 2015 hade Vallentuna (inte )?en aktuell rutin .* Frågan ställdes inte i enkäten 2016\./);

  // The download holds every year of every indicator, with kommungrupp, län and riket.
  const [file] = (await Promise.all([page.waitForEvent("download"), page.locator(".download-area").getByRole("button", {name: "Excel"}).click()])) as [Download, unknown];
  const workbook = XLSX.read(readFileSync((await file.path())!), {type: "buffer"});
  const rows = XLSX.utils.sheet_to_json<Record<string, unknown>>(workbook.Sheets["Jämförelse"]!, {raw: true});
  const bbic = rows.filter((r) => r["Indikator-id"] === "bbic_ordinarie_licens");
  expect([...new Set(bbic.map((r) => r["År"]))]).toEqual([2010, 2011, 2012, 2013, 2014, 2015, 2016]);
  expect(bbic.filter((r) => r["År"] === 2012).map((r) => r["Jämförelse"])).toEqual(["Vald enhet", "Kommungrupp", "Län", "Riket"]);
  await expect(page.locator(".download-area")).toContainText("2010–2016");
});

pageTest("/kommun/1480", async ({page}) => {
  await commonChecks(page, "Göteborg");
  const text = await narrative(page);
  // A storstad's value is the share of its stadsdelar.
  expect(text.bbic_ordinarie_licens).toMatch(/stadsdelar/);
  expect(text.svarsfrekvens).toMatch(/stadsdelar i Göteborg/);
  await expect(page.locator(".kicker")).toHaveText("storstad med 10 stadsdelar · Västra Götalands län");
  await expect(page.locator("#indikator-bbic_ordinarie_licens tr.role-unit td.basis")).toContainText(/av 10 stadsdelar|av \d stadsdelar/);
  // Its stadsdelar's own answers link to their pages.
  const parts = page.locator("#indikator-bbic_ordinarie_licens details:not(.chart-table)");
  await parts.locator("summary").click();
  await expect(parts.locator("li a")).toHaveCount(10);
  expect(await parts.locator("li a").first().getAttribute("href")).toBe("./1480-01");
});

pageTest("/kommun/0180", async ({page}) => {
  await commonChecks(page, "Stockholm");
  // Östermalm did not answer in 2015: said in a sentence of its own, never a second pair of parentheses.
  const bhv = page.locator("#indikator-samverkan_bhv .sentence");
  await expect(bhv).toContainText("År 2015 hade 6 av 13 svarande stadsdelar i Stockholm en aktuell rutin för samverkan med barnhälsovården (BHV), 46 procent mot");
  await expect(bhv).toContainText("En stadsdel besvarade inte enkäten 2015.");
  expect(await page.locator("#unit-results .sentence").allTextContents()).not.toContainEqual(expect.stringMatching(/\)\s*\(/));
});

pageTest("/kommun/1480", async ({page}) => {
  await commonChecks(page, "Göteborg");
  // Västra Hisingen answered the survey but left this question blank.
  await expect(page.locator("#indikator-barns_delaktighet .sentence")).toContainText("En stadsdel lämnade frågan obesvarad.");
  await expect(page.locator("#indikator-barns_delaktighet .sentence")).not.toContainText("svarade inte");
}, {name: "page /kommun/1480: a stadsdel that left the question blank answered the survey", screenshot: false});

pageTest("/kommun/0428", async ({page}) => {
  // Vingåker never answered the survey: the summary says so once.
  const text = await narrative(page);
  expect(text.svarsfrekvens).toBe("Vingåker besvarade inte enkäten något år 2010–2016.");
  expect(Object.values(text).filter((t) => t.includes("besvarade inte enkäten"))).toHaveLength(1);
}, {screenshot: "kommun-0428"});

pageTest("/kommun/1480-01", async ({page}) => {
  await commonChecks(page, "Angered");
  const text = await narrative(page);
  expect(text.bbic_ordinarie_licens).toMatch(/^Stadsdelen Angered i Göteborg /);
  await expect(page.locator(".kicker")).toHaveText("stadsdel i Göteborg · Västra Götalands län");
  // Register rates are not reported for stadsdelar, and the page says so rather than showing a blank.
  await expect(page.locator("#indikator-heldygnsinsats_per_1000 tr.role-unit")).toContainText("redovisas inte för stadsdelar");
  await expect(page.locator("#indikator-bbic_ordinarie_licens tr[data-role='grupp']")).toContainText("Kommungrupp A1");
});

// observablehq.config.ts registers the static unit text plugin (publish/units/unitMarkdown.ts).
test("the built HTML carries each unit's name in <title> and <h1> before any script runs", async () => {
  for (const [code, name] of [
    ["0115", "Vallentuna"],
    ["1480", "Göteborg"],
    ["1480-01", "Angered"]
  ]) {
    const html = await (await fetch(`${inject("baseUrl")}/kommun/${code}`)).text();
    expect(html).toMatch(new RegExp(`<title>${name} [|–]`));
    expect(html).toMatch(new RegExp(`<h1[^>]*>(<a[^>]*>)?${name}<`));
  }
});

pageTest("/kommun/", async ({page}) => {
  const rows = page.locator("#unit-table tbody tr");
  await expect(rows).toHaveCount(319, {timeout: 60_000});
  // Sorted the Swedish way: Å, Ä, Ö after Z.
  const names = await rows.locator("td:first-child a").allTextContents();
  expect(names).toEqual([...names].sort(new Intl.Collator("sv").compare));
  expect(names.at(-1)!.startsWith("Ö")).toBe(true);
  // Accent-insensitive search: "goteborg" finds the city and its ten stadsdelar.
  await page.getByLabel("Sök").fill("goteborg");
  await expect(rows).toHaveCount(11);
  await expect(page.locator("#unit-count")).toContainText("Visar 11 av 319");
  // A code finds its unit, the start of a code its units.
  await page.getByLabel("Sök").fill("1480");
  await expect(rows).toHaveCount(11);
  await expect(rows.first()).toContainText("Göteborg");
  // A typing mistake still finds the name, and the page says it shows similar names.
  await page.getByLabel("Sök").fill("stokholm");
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText("Stockholm");
  await expect(page.locator("#unit-count")).toContainText("Inget namn innehåller ”stokholm”. Liknande namn: 1.");
  await page.getByLabel("Sök").fill("angered");
  await expect(rows).toHaveCount(1);
  await rows.first().getByRole("link", {name: "Angered"}).click();
  await page.waitForURL(/\/kommun\/1480-01$/);
  await expect(page.locator("h1")).toHaveText("Angered");
});

/** The years of a unit's built file (dist/_file/data/units/<code>.<hash>.json) whose value is not shown, per indicator. */
function yearsWithout(code: string): {id: string; year: number; status: string; point: Record<string, unknown>}[] {
  const dir = join(distDir, "_file", "data", "units");
  const name = readdirSync(dir).find((f) => new RegExp(`^${code}\\.[0-9a-f]+\\.json$`).test(f));
  if (!name) throw new Error(`no unit file for ${code} in ${dir}`);
  const report = JSON.parse(readFileSync(join(dir, name), "utf8")) as {values: {id: string; trend: {unit: ({year: number; status: string} & Record<string, unknown>)[]}}[]};
  return report.values.flatMap((v) => v.trend.unit.filter((p) => p.status !== "ok").map((p) => ({id: v.id, year: p.year, status: p.status, point: p})));
}

// Högsby: 7 children in out-of-home care in 2016 (rate 3,6 per 1 000 against
// riket's 7,2), and protected counts: 2013 marked X by the source, 2010 (8) and
// 2014 (9) hidden by secondary suppression so that Kalmar län's total does not
// reveal another kommun's small count. The sentence and the chart show the
// caution; no protected value reaches the page's text, its tables or its downloads.
const HOGSBY_SOURCE = (() => {
  // The published source file (Latin-1): Regionkod;Region;År;Antal.
  const text = new TextDecoder("latin1").decode(readFileSync(join(root, "data", "register", "socialstyrelsen_heldygnsinsatser_0_17.csv")));
  return new Map(text.split(/\r?\n/).filter((line) => line.startsWith("0821;")).map((line) => line.split(";")).map(([, , year, count]) => [Number(year), count!.trim()]));
})();

pageTest("/kommun/0821", async ({page}) => {
  await expect(page.locator("h1")).toHaveText("Högsby");
  const rate = page.locator("#indikator-heldygnsinsats_per_1000");
  await waitForPlot(page, "#indikator-heldygnsinsats_per_1000");
  // The sentence: no "50 procent lägre", but the small basis and how small; the place is a range.
  const caution = "3,6 i Högsby; underlaget är litet (7 barn), så skillnaden mot riket (7,2) kan vara slumpmässig.";
  await expect(rate.locator(".sentence")).toContainText(caution);
  await expect(rate.locator(".sentence")).toContainText(/Med hänsyn till osäkerheten ligger Högsby någonstans på plats \d+–\d+ av \d+ kommuner/);
  await expect(rate.locator(".sentence")).not.toContainText(/procent (högre|lägre)/);
  expect((await narrative(page)).heldygnsinsats_per_1000).toContain(caution);
  // The table marks the value and gives its interval; the count says that it varies by chance.
  await expect(rate.locator("tr.role-unit .small-basis")).toHaveText("litet underlag (7 barn)");
  await expect(rate.locator("tr.role-unit td.interval")).toHaveText("1,5–7,4");
  // With basis, interval and place the table is too wide to sit beside the chart at 1280 px: it gets the row, nothing scrolls out of sight.
  const scroll = rate.locator(".table-scroll.wide");
  expect(await scroll.evaluate((el) => el.scrollWidth - el.clientWidth)).toBeLessThanOrEqual(0);
  const place = (await rate.locator("tr.role-unit td.place").boundingBox())!;
  const frame = (await scroll.boundingBox())!;
  expect(place.x + place.width).toBeLessThanOrEqual(frame.x + frame.width + 1);
  await expect(page.locator("#indikator-heldygnsinsats_antal .sentence")).toContainText("7 i Högsby; ett så litet antal kan variera mycket mellan åren av en slump.");
  // The chart: a band along the lines, open dots for values on fewer than 20 children, both explained.
  const figure = rate.locator("figure.compare-chart");
  await expect(figure.locator("figcaption")).toContainText("Ljust band längs linjen: värdets 95-procentiga osäkerhetsintervall");
  await expect(figure.locator("figcaption")).toContainText("Ofylld punkt: värdet bygger på färre än 20 barn");
  const svg = figure.locator("svg.chart-main");
  expect(await svg.locator('g[aria-label="area"] path').count()).toBeGreaterThan(0);
  const open = await svg.locator('g[aria-label="dot"] circle').evaluateAll((dots) => dots.filter((d) => /background|white/.test(d.getAttribute("fill") ?? "")).length);
  // Högsby's four values 2011, 2012, 2015 and 2016 rest on 5, 18, 11 and 7 children: all open.
  expect(open).toBe(4);
  await figure.locator("details.chart-table summary").click();
  await expect(figure.locator("details.chart-table tbody tr", {hasText: /^2016/})).toContainText("3,6 (litet underlag, 7 barn)");

  // Protected cells: every rate and count of Högsby the pipeline hid, read from the built unit file.
  const hidden = yearsWithout("0821").filter((d) => d.status === "suppressed" || d.status === "suppressed_secondary");
  expect(hidden.map((d) => `${d.id} ${d.year} ${d.status}`).sort()).toEqual([
    "heldygnsinsats_antal 2010 suppressed_secondary",
    "heldygnsinsats_antal 2013 suppressed",
    "heldygnsinsats_antal 2014 suppressed_secondary",
    "heldygnsinsats_per_1000 2010 suppressed_secondary",
    "heldygnsinsats_per_1000 2013 suppressed",
    "heldygnsinsats_per_1000 2014 suppressed_secondary"
  ]);
  // The source published 8 (2010) and 9 (2014), and X for 2013.
  expect([2010, 2013, 2014].map((y) => HOGSBY_SOURCE.get(y))).toEqual(["8", "X", "9"]);
  for (const {point} of hidden) expect(Object.keys(point).sort(), "nothing but year and status in the unit file").toEqual(["status", "value", "year"]);

  // In the page's text: each hidden year's row of each chart table says why, with no number of its own.
  const count = page.locator("#indikator-heldygnsinsats_antal figure.compare-chart");
  await count.locator("details.chart-table summary").click();
  for (const {id, year} of hidden) {
    const row = page.locator(`#indikator-${id} details.chart-table tbody tr`, {hasText: new RegExp(`^${year}`)});
    await expect(row.locator("td").first()).toContainText("skyddad av sekretess");
    expect(await row.locator("td").first().textContent(), `${id} ${year}`).not.toMatch(/\d/);
  }

  // In the downloads (Excel and CSV of every year): the hidden rows hold no value, count, interval or place.
  const [excel] = (await Promise.all([page.waitForEvent("download"), page.locator(".download-area").getByRole("button", {name: "Excel"}).click()])) as [Download, unknown];
  const workbook = XLSX.read(readFileSync((await excel.path())!), {type: "buffer"});
  const rows = XLSX.utils.sheet_to_json<Record<string, unknown>>(workbook.Sheets["Jämförelse"]!, {raw: true, defval: null});
  const own = (id: string, year: number) => rows.find((r) => r["Indikator-id"] === id && r["År"] === year && r["Jämförelse"] === "Vald enhet")!;
  for (const {id, year} of hidden) {
    const row = own(id, year);
    expect(row["Status"], `${id} ${year}`).toMatch(/skyddad av sekretess/);
    for (const column of ["Värde", "Täljare", "Nämnare", "Intervall 95 %, nedre", "Intervall 95 %, övre", "Placering", "Placering med osäkerhet, från", "Placering med osäkerhet, till"]) {
      expect(row[column], `${id} ${year}: ${column}`).toBeNull();
    }
  }
  expect(own("heldygnsinsats_per_1000", 2016)).toMatchObject({"Värde": expect.closeTo(3.608, 3), "Täljare": 7, "Anmärkning": "litet underlag (7 barn)"});
  const [csv] = (await Promise.all([page.waitForEvent("download"), page.locator(".download-area").getByRole("button", {name: "CSV"}).click()])) as [Download, unknown];
  const [header, ...lines] = readFileSync((await csv.path())!, "utf8").replace(/^\ufeff/, "").split("\r\n").map((l) => l.split(";"));
  const at = (label: string) => header!.indexOf(label);
  for (const {id, year} of hidden) {
    const cells = lines.find((c) => c[at("Indikator-id")] === id && c[at("År")] === String(year) && c[at("Jämförelse")] === "Vald enhet")!;
    expect(cells[at("Status")], `${id} ${year}`).toMatch(/skyddad av sekretess/);
    for (const column of ["Värde", "Täljare", "Nämnare", "Intervall 95 %, nedre", "Intervall 95 %, övre", "Anmärkning", "Placering", "Placering med osäkerhet, från", "Placering med osäkerhet, till"]) {
      expect(cells[at(column)], `${id} ${year}: ${column}`).toBe("");
    }
  }
}, {screenshot: "kommun-0821"});

// Jokkmokk lacks some values (a year without an answer to a question): the
// trend charts must not draw them as 0, and no label may be cut, on a desktop
// or a phone. The years without a value are read from the unit's built file.
const jokkmokk = yearsWithout("2510");

async function gapChecks(page: Page): Promise<void> {
  await expect(page.locator("h1")).toHaveText("Jokkmokk");
  await waitForContent(page, page.locator("#unit-results section.unit-indicator"));
  expect(jokkmokk.length, "Jokkmokk has years without a value in the sample data").toBeGreaterThan(0);
  for (const {id, year, status} of jokkmokk) {
    const figure = page.locator(`#indikator-${id} figure.compare-chart`);
    // A count suppressed every year has no mark at all (a count is charted alone), only its grey bands.
    await waitForContent(page, figure.locator("svg.chart-main g[aria-label='rect'] rect"));
    const drawn = await drawnInYear(figure.locator("svg.chart-main"), year);
    expect(drawn.band, `${id} ${year} (${status}): a grey band marks the gap`).toBe(true);
    expect(drawn.zeroY).not.toBeNull();
    for (const y of drawn.dots) expect(Math.abs(y - drawn.zeroY!), `${id} ${year} (${status}): no mark on the zero line`).toBeGreaterThan(0.5);
    await expect(figure.locator("figcaption")).toContainText("Grått fält: inget värde det året");
    await expect(figure.locator("svg.chart-legend")).toContainText("inget värde det året");
  }
  // "Ej jämförbart", tick labels, legends: all whole.
  expect(await page.locator("#unit-results svg text", {hasText: /^Ej jämförbart$/}).count()).toBeGreaterThan(0);
  expect(await textsOutsideCharts(page.locator("#unit-results"))).toEqual([]);
}

pageTest("/kommun/2510", async ({page}) => gapChecks(page), {name: "page /kommun/2510: missing values are gaps, not zeros; no label cut (1280 px)", screenshot: "kommun-2510"});
pageTest("/kommun/2510", async ({page}) => gapChecks(page), {name: "page /kommun/2510 at 390 px", viewport: {width: 390, height: 844}, screenshot: "kommun-2510-390"});
