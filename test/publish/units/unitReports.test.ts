// Node-side pieces of the per-unit pages: the report archive (publish/units/
// unitReports.ts), the static-text plugin (unitMarkdown.ts) and the map
// boundaries (loaders/reference/readKommunGeo.ts).
import {readFileSync, writeFileSync} from "node:fs";
import {join} from "node:path";
import {createMarkdownIt, parseMarkdown} from "@observablehq/framework/dist/markdown.js";
// The reader Framework itself uses to extract files from a loader's .zip output.
import JSZip from "jszip";
import {beforeAll, describe, expect, it, vi} from "vitest";
import {buildTables} from "../../../loaders/pipeline.js";
import {readKommunGeo} from "../../../loaders/reference/readKommunGeo.js";
import {staticUnits, unitPageText} from "../../../publish/units/unitMarkdown.js";
import {buildUnitReports, parquetQuery, unitArchive, type UnitReports} from "../../../publish/units/unitReports.js";
import {readReference} from "../../../loaders/reference/readReference.js";
import {DATA, makeDataDir, ROOT, tempDir} from "../../helpers/dataDir.js";

const FIXTURES = join(import.meta.dirname, "../../fixtures/compare");

describe("unit reports from the fixture tables", () => {
  let reports: UnitReports;
  beforeAll(async () => {
    const dir = makeDataDir({
      files: {"survey/enkat_2013.csv": readFileSync(join(FIXTURES, "enkat_2013.csv")), "survey/enkat_2014.csv": readFileSync(join(FIXTURES, "enkat_2014.csv"))},
      sources: {
        survey: [
          {year: 2013, file: "survey/enkat_2013.csv", questionnaire: "2010–2015", period: "november 2013", encoding: "utf-8"},
          {year: 2014, file: "survey/enkat_2014.csv", questionnaire: "2010–2015", period: "november 2014", encoding: "utf-8"}
        ]
      } as never,
      indicators: (i) => i.source === "enkät"
    });
    const out = tempDir();
    await buildTables(dir, out);
    const {query, close} = await parquetQuery(out);
    try {
      reports = await buildUnitReports(query);
    } finally {
      close();
    }
  }, 120_000);

  it("has one report per kommun and stadsdel and an index in Swedish-independent code order", () => {
    expect(reports.reports.size).toBe(319);
    expect(reports.index).toHaveLength(319);
    expect(reports.index.find((u) => u.code === "1480-01")).toMatchObject({label: "Angered (Göteborg)", kind: "stadsdel", kind_text: "stadsdel i Göteborg", kommungrupp: "A1"});
    expect(reports.meta.years.bbic_ordinarie_licens).toEqual([2013, 2014]);
  });

  it("gives a kommun its latest value, group, län and riket, and its whole trend", () => {
    const report = reports.reports.get("0115") as {values: Record<string, unknown>[]; surveys: unknown[]};
    const bbic = report.values.find((v) => v.id === "bbic_ordinarie_licens")!;
    // 2014: Vallentuna yes; A2 answering units in 2014: Upplands Väsby, Vallentuna, Värmdö, all yes.
    // Stockholms län 2014: those three and Spånga-Tensta yes, Rinkeby-Kista no → 4 of 5. Riket: 5 of 6.
    expect(bbic).toMatchObject({year: 2014, value: 100, status: "ok", group_value: 100, group_n: 3, group_method: "andel", lan_value: 80, riket_value: 83.3333});
    // Every year with its counts, for the download of every year (an own answer: 1 of 1 or 0 of 1).
    expect((bbic.trend as {unit: unknown[]}).unit).toEqual([
      {year: 2013, value: 0, status: "ok", numerator: 0, denominator: 1},
      {year: 2014, value: 100, status: "ok", numerator: 1, denominator: 1}
    ]);
    expect((bbic.trend as {group: unknown[]}).group).toEqual([
      {year: 2013, value: 75, status: "ok", numerator: 3, denominator: 4, n: 4},
      {year: 2014, value: 100, status: "ok", numerator: 3, denominator: 3, n: 3}
    ]);
    expect((bbic.trend as {riket: unknown[]}).riket.at(-1)).toEqual({year: 2014, value: 83.3333, status: "ok", numerator: 5, denominator: 6});
    expect(report.surveys).toEqual([
      {year: 2013, answered: 1, units: 1},
      {year: 2014, answered: 1, units: 1}
    ]);
  });

  it("gives a storstad its stadsdelar's answers and how many answered each year", () => {
    const report = reports.reports.get("0180") as {values: Record<string, unknown>[]; surveys: unknown[]};
    const bbic = report.values.find((v) => v.id === "bbic_ordinarie_licens")!;
    // 2014: Rinkeby-Kista no, Spånga-Tensta yes.
    expect(bbic).toMatchObject({value: 50, numerator: 1, denominator: 2, rank: null});
    expect((bbic.stadsdelar as Record<string, unknown>[]).filter((p) => p.status === "ok")).toEqual([
      {code: "0180-01", name: "Rinkeby-Kista", value: 0, status: "ok"},
      {code: "0180-02", name: "Spånga-Tensta", value: 100, status: "ok"}
    ]);
    expect(report.surveys).toEqual([
      {year: 2013, answered: 2, units: 14},
      {year: 2014, answered: 2, units: 14}
    ]);
  });

  it("zips index.json, meta.json and one <kod>.json per unit", async () => {
    const read = await JSZip.loadAsync(await unitArchive(reports));
    expect(Object.keys(read.files)).toHaveLength(321);
    const angered = JSON.parse(await read.file("1480-01.json")!.async("string"));
    expect(angered.unit).toMatchObject({code: "1480-01", name: "Angered", kommun_name: "Göteborg", lan_name: "Västra Götalands län"});
  });

  it("holds exactly the reports, deflated", async () => {
    const archive = await unitArchive(reports);
    const read = await JSZip.loadAsync(archive);
    expect(JSON.parse(await read.file("index.json")!.async("string"))).toEqual(reports.index);
    expect(JSON.parse(await read.file("meta.json")!.async("string"))).toEqual(reports.meta);
    for (const [code, report] of reports.reports) expect(JSON.parse(await read.file(`${code}.json`)!.async("string"))).toEqual(JSON.parse(JSON.stringify(report)));
    const plain = [...reports.reports.values()].reduce((n, r) => n + Buffer.byteLength(JSON.stringify(r)), 0);
    expect(archive.length).toBeLessThan(plain / 5);
  });

  it("is byte-identical for the same input whenever it is built, so a rebuild does not change the site", async () => {
    vi.useFakeTimers({toFake: ["Date"]});
    try {
      vi.setSystemTime(new Date("2020-01-01T12:00:00Z"));
      const first = await unitArchive(reports);
      vi.setSystemTime(new Date("2031-07-15T03:30:00Z"));
      expect((await unitArchive(reports)).equals(first)).toBe(true);
    } finally {
      vi.useRealTimers();
    }
  });

  it("refuses a unit code that is not an area code (it becomes a file name)", async () => {
    const hostile = {...reports, reports: new Map([["../index", {}]])};
    await expect(unitArchive(hostile)).rejects.toThrow(/"\.\.\/index" is not an area code/);
  });
});

describe("static unit text in the built HTML", () => {
  const units = staticUnits(readReference(DATA));
  const source = readFileSync(join(ROOT, "src", "kommun", "[kod].md"), "utf8");
  const render = (kod: string | undefined, plugin = true) =>
    parseMarkdown(source, {
      md: createMarkdownIt(plugin ? {markdownIt: (md: never) => (md as {use(p: unknown): unknown}).use(unitPageText(units))} : {}),
      path: "/kommun/[kod].md",
      ...(kod ? {params: {kod}} : {})
    } as never) as {title: string | null; body: string};

  it("knows every kommun and stadsdel with the same facts the page shows", () => {
    expect(units.size).toBe(319);
    expect(units.get("1480")).toMatchObject({name: "Göteborg", kind: "storstad", kind_text: "storstad med 10 stadsdelar", lan_name: "Västra Götalands län", kommungrupp: "A1", kommungrupp_name: "Storstäder"});
    expect(units.get("0180-01")).toMatchObject({label: "Rinkeby-Kista (Stockholm)", kind_text: "stadsdel i Stockholm", lan_name: "Stockholms län"});
  });

  it("puts the unit's name in the title and heading, and its län and kommungrupp in the text", () => {
    const page = render("1480");
    expect(page.title).toBe("Göteborg");
    expect(page.body).toMatch(/<h1[^>]*>.*Göteborg.*<\/h1>/s);
    expect(page.body).toContain("storstad med 10 stadsdelar · Västra Götalands län");
    expect(page.body).toContain("jämfört med kommungruppen A1 Storstäder, Västra Götalands län och riket");
    const stadsdel = render("1480-01");
    expect(stadsdel.title).toBe("Angered");
    expect(stadsdel.body).toContain("Resultat för Angered (Göteborg) i Öppna jämförelser");
  });

  it("leaves the expressions to the browser without the plugin, and fails on an unknown code", () => {
    expect(render("1480", false).title).toBeNull();
    expect(() => render("9999")).toThrow(/no kommun or stadsdel with code "9999"/);
  });
});

describe("kommun boundaries for the map", () => {
  it("has one WGS84 feature per kommun, named as in the reference list", () => {
    const geo = readKommunGeo(DATA);
    expect(geo.features).toHaveLength(290);
    const codes = geo.features.map((f) => f.properties.kn_kod);
    expect(new Set(codes).size).toBe(290);
    expect(geo.features.find((f) => f.properties.kn_kod === "0114")!.properties.kn_namn).toBe("Upplands Väsby");
  });

  const withGeo = (mutate: (geo: {features: {properties: Record<string, unknown>; geometry: {coordinates: unknown}}[]}) => void) => {
    const dir = makeDataDir({sources: {}});
    const path = join(dir, "reference", "geo", "kommuner.geojson");
    const geo = JSON.parse(readFileSync(path, "utf8"));
    mutate(geo);
    writeFileSync(path, JSON.stringify(geo));
    return dir;
  };

  it("names the feature and what was expected when the file is wrong", () => {
    expect(() => readKommunGeo(withGeo((g) => void (g.features[3]!.properties.kn_kod = 120)))).toThrow(
      /reference\/geo\/kommuner\.geojson, column kn_kod: feature 4: kn_kod 120 is not a 4-digit kommunkod as text/
    );
    expect(() => readKommunGeo(withGeo((g) => void g.features.splice(10, 1)))).toThrow(/no boundary for 1 kommun\(er\): 0138 Tyresö \(expected all 290\)/);
    expect(() => readKommunGeo(withGeo((g) => void (g.features[1]!.properties.kn_kod = g.features[0]!.properties.kn_kod)))).toThrow(/feature 2: kommun 0114 already has feature 1/);
    expect(() =>
      readKommunGeo(
        withGeo((g) => {
          const ring = (g.features[0]!.geometry.coordinates as number[][][][])[0]![0]!;
          ring[0] = [674000, 6594000];
        })
      )
    ).toThrow(/feature 1 \(0114\): position \[674000, 6594000\] is outside Sweden in WGS84/);
  });
});
