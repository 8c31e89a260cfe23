/**
 * The pieces of the release build, each on small literal input: the chart
 * repair, the text-fit estimate, the choice of sentence template, the build
 * time, the yes/no rule, and the command line.
 */
import {spawnSync} from "node:child_process";
import {existsSync, readdirSync} from "node:fs";
import {join} from "node:path";
import JSZip from "jszip";
import XLSX from "xlsx";
import {beforeAll, describe, expect, it} from "vitest";
import {cellContent} from "../../../publish/release/cellValue.js";
import {endMarkSizes, finishDeck} from "../../../publish/release/finishDeck.js";
import {estimateLines, fitFontSize} from "../../../publish/release/fitText.js";
import {PptxGen} from "../../../publish/release/pptxgen.js";
import {buildTime} from "../../../publish/release/provenance.js";
import type {Area, Indicator} from "../../../publish/release/releaseModel.js";
import {layoutSummary, templateFor} from "../../../publish/release/summaryTexts.js";
import {ROOT, tempDir} from "../../helpers/dataDir.js";
import {sampleTablesDir, useSampleTables} from "../../helpers/sampleTables.js";


describe("finishDeck (pptxgenjs 4.0.1 writes null and 0 alike in a chart's embedded workbook)", () => {
  async function deckWith(values: (number | null)[]) {
    const pptx = new PptxGen();
    pptx.addSlide().addChart(pptx.ChartType.line, [{name: "Serie", labels: values.map((_, i) => String(2010 + i)), values: values as number[]}], {x: 1, y: 1, w: 6, h: 4, displayBlanksAs: "gap"});
    return (await pptx.write({outputType: "nodebuffer"})) as Buffer;
  }
  const parts = async (bytes: Uint8Array) => {
    const zip = await JSZip.loadAsync(bytes);
    // pptxgenjs numbers charts across all decks of a process: find this one.
    const chart = await zip.file(Object.keys(zip.files).find((n) => /^ppt\/charts\/chart\d+\.xml$/.test(n))!)!.async("string");
    const book = XLSX.read(await zip.file(Object.keys(zip.files).find((n) => /^ppt\/embeddings\/.+\.xlsx$/.test(n))!)!.async("uint8array"));
    const sheet = book.Sheets[book.SheetNames[0]!]!;
    const val = chart.match(/<c:val>([\s\S]*?)<\/c:val>/)![1]!;
    return {val, cells: ["B2", "B3", "B4"].map((r) => (sheet[r] as XLSX.CellObject | undefined)?.v ?? null), chart};
  };

  it("the unrepaired package loses a zero in the embedded workbook and writes an empty point for null", async () => {
    const raw = await parts(await deckWith([0, null, 5]));
    expect(raw.cells[0]).not.toBe(0);
    expect(raw.val).toContain('<c:pt idx="1"><c:v></c:v></c:pt>');
  });

  it("keeps 0 as 0, makes null a gap (no point, empty cell) in the chart and its workbook", async () => {
    const fixed = await parts(await finishDeck(await deckWith([0, null, 5])));
    expect(fixed.val).toContain('<c:pt idx="0"><c:v>0</c:v></c:pt>');
    expect(fixed.val).not.toContain('idx="1"');
    expect(fixed.val).toContain('<c:pt idx="2"><c:v>5</c:v></c:pt>');
    expect(fixed.val).toContain('<c:ptCount val="3"/>');
    expect(fixed.cells).toEqual([0, null, 5]);
    expect(fixed.chart).toContain('<c:lang val="sv-SE"/>');
  });

  it("gives a paragraph's end mark the size of its last run", () => {
    const p = '<a:p><a:r><a:rPr lang="sv-SE" sz="1300"/><a:t>Titel</a:t></a:r><a:endParaRPr lang="sv-SE" sz="3000" dirty="0"/></a:p>';
    expect(endMarkSizes(p)).toBe('<a:p><a:r><a:rPr lang="sv-SE" sz="1300"/><a:t>Titel</a:t></a:r><a:endParaRPr lang="sv-SE" sz="1300" dirty="0"/></a:p>');
    expect(endMarkSizes("<a:p><a:endParaRPr sz=\"1000\"/></a:p>")).toBe("<a:p><a:endParaRPr sz=\"1000\"/></a:p>");
  });
});

describe("text fit", () => {
  // 10 in at 20 pt: floor(720 / (20 × 0.52)) = 69 characters a line.
  it.each([
    {text: "", lines: 1},
    {text: "kort", lines: 1},
    {text: "a".repeat(69), lines: 1},
    {text: `${"a".repeat(40)} ${"b".repeat(40)}`, lines: 2},
    {text: "a".repeat(150), lines: 3},
    {text: "rad ett\nrad två", lines: 2}
  ])("estimateLines($text.length chars) = $lines", ({text, lines}) => {
    expect(estimateLines(text, 10, 20)).toBe(lines);
  });
  it("fitFontSize takes the largest size that fits, or null", () => {
    const long = "ord ".repeat(200);
    expect(fitFontSize(["kort text"], {w: 10, h: 1}, {max: 20, min: 10})).toBe(20);
    const size = fitFontSize([long], {w: 10, h: 3}, {max: 20, min: 8})!;
    expect(size).toBeLessThan(20);
    expect(fitFontSize([long], {w: 10, h: 3}, {max: size + 1, min: size + 1})).toBeNull();
    expect(fitFontSize([long], {w: 2, h: 0.5}, {max: 12, min: 10})).toBeNull();
  });
});

describe("summary template per survey year (the report pages' rule)", () => {
  const sample = useSampleTables();
  it.each([
    [2010, "texts2014"],
    [2012, "texts2014"],
    [2013, "texts2014"],
    [2015, "texts2014"],
    [2016, "texts2016"]
  ])("%i → %s", async (year, template) => {
    expect(await templateFor(sample.query, year as number)).toBe(template);
  });
  it("groups sentences into paragraphs and keeps a sentence the layout does not know", () => {
    const s = layoutSummary("texts2016", {bbic: "A.", school: "B.", primaryCare: "C.", competencePlanLow: true, comparability: "D.", extra: "E."});
    expect(s.paragraphs).toEqual([{sentences: ["A."]}, {sentences: ["C.", "B."]}, {sentences: ["E."]}]);
    expect(s.note).toBe("D.");
    const t = layoutSummary("texts2014", {bbicHeading: "Rubrik", bbic: "F."});
    expect(t.paragraphs).toEqual([{heading: "Rubrik", sentences: ["F."]}]);
  });
});

describe("build time", () => {
  it("is pinned by SOURCE_DATE_EPOCH, in seconds", () => {
    expect(buildTime({SOURCE_DATE_EPOCH: "1464681600"}).toISOString()).toBe("2016-05-31T08:00:00.000Z");
    expect(() => buildTime({SOURCE_DATE_EPOCH: "igår"})).toThrow(/SOURCE_DATE_EPOCH: "igår" is not a number of seconds/);
    expect(Math.abs(buildTime({}).getTime() - Date.now())).toBeLessThan(2000);
  });
});

describe("cellContent", () => {
  const indicator = {id: "bbic_ordinarie_licens", measure: "share_yes", source: "enkät"} as Indicator;
  const unit = {code: "0114", name: "Upplands Väsby", kind: "kommun", survey_unit: true} as Area;
  it.each([
    [{status: "ok", value: 100}, {kind: "number", value: 1, numFmt: '"Ja";"Ja";"Nej"'}],
    [{status: "ok", value: 0}, {kind: "number", value: 0, numFmt: '"Ja";"Ja";"Nej"'}],
    [{status: "no_answer", value: null}, {kind: "marker", marker: "ES"}],
    [{status: "missing", value: null}, {kind: "marker", marker: ".."}]
  ] as const)("%o → %o", (c, want) => {
    expect(cellContent(indicator, unit, {...c, numerator: null, denominator: null})).toEqual(want);
  });
  it("refuses a unit's own answer that is neither yes nor no, naming indicator and unit", () => {
    expect(() => cellContent(indicator, unit, {status: "ok", value: 50, numerator: 1, denominator: 2})).toThrow(
      /observations\.parquet, column value: bbic_ordinarie_licens for 0114 Upplands Väsby: 50 \(expected 100 or 0 for a unit's own answer\)/
    );
  });
  it("shows a storstad's share as a percent", () => {
    expect(cellContent(indicator, {...unit, code: "0180", kind: "storstad", survey_unit: false}, {status: "ok", value: 21.4, numerator: 3, denominator: 14})).toEqual({kind: "number", value: 0.214, numFmt: "0.0%"});
  });
});

describe("scripts/release.ts", () => {
  let tables: string;
  beforeAll(async () => {
    tables = await sampleTablesDir();
  });
  const run = (...args: string[]) => spawnSync(process.execPath, ["--import", "tsx", join(ROOT, "scripts", "release.ts"), ...args], {cwd: ROOT, encoding: "utf8"});

  it("writes both files for a survey year", () => {
    const out = tempDir("oj-cli-out-");
    const r = run("--year", "2015", "--out", out, "--tables", tables);
    expect(r.stderr).toMatch(/enkätåret 2015 \(november 2015\)/);
    expect(r.status).toBe(0);
    expect(readdirSync(out).sort()).toEqual(["Öppna jämförelser 2015 – nationella resultat.pptx", "Öppna jämförelser 2015 – resultat per kommun, län och riket.xlsx"]);
  });
  it("names the release year when asked, and builds one file with --only", () => {
    const out = tempDir("oj-cli-out-");
    expect(run("--year", "2013", "--release", "2014", "--only", "xlsx", "--out", out, "--tables", tables).status).toBe(0);
    expect(readdirSync(out)).toEqual(["Öppna jämförelser 2014 – resultat per kommun, län och riket.xlsx"]);
  });
  it("explains what is wrong", () => {
    const out = join(tempDir("oj-cli-out-"), "x");
    const missing = run("--year", "2009", "--out", out, "--tables", tables);
    expect(missing.status).toBe(1);
    expect(missing.stderr).toContain("no survey year 2009 (expected one of 2010, 2011, 2012, 2013, 2014, 2015, 2016)");
    expect(existsSync(out)).toBe(false);
    const usage = run("--year", "2016");
    expect(usage.status).toBe(2);
    expect(usage.stderr).toContain("--out is required");
    expect(run("--year", "16", "--out", out).stderr).toContain("--year 16: expected a four-digit year");
    expect(run("--year", "2016", "--out", out, "--only", "docx").stderr).toContain("--only docx: expected xlsx or pptx");
    expect(run("--year", "2016", "--out", out, "--tables", join(tables, "nope")).stderr).toMatch(/observations\.parquet: missing table/);
  });
});
