/**
 * The release workbook read back with an independent reader (SheetJS, not
 * exceljs which wrote it) and compared cell by cell with DuckDB queries over
 * the same Parquet tables: every value, marker and number format on every
 * sheet, the units and their order, and the provenance hash.
 */
import {createHash} from "node:crypto";
import {readdirSync, readFileSync} from "node:fs";
import {join} from "node:path";
import JSZip from "jszip";
import XLSX from "xlsx";
import {beforeAll, describe, expect, it} from "vitest";
import {buildRelease} from "../../../publish/release/buildRelease.js";
import {DATA} from "../../helpers/dataDir.js";
import {useSampleTables} from "../../helpers/sampleTables.js";

/** The legend as documented to users (publish/release/markers.ts and "Om filen"). */
const MARKER: Record<string, string> = {no_answer: "ES", missing: "..", suppressed: "X", suppressed_secondary: "X", not_applicable: "."};
const FORMAT = {yesNo: '"Ja";"Ja";"Nej"', percent: "0.0%", count: "#,##0", rate: "0.0"};
const BUILT_AT = new Date("2016-05-31T08:00:00Z");

const sample = useSampleTables();

async function workbookFor(year: number, release = year) {
  const built = await buildRelease({year, release, tablesDir: sample.dir, builtAt: BUILT_AT, kinds: ["xlsx"]});
  const bytes = built.files[0]!.bytes;
  return {name: built.files[0]!.name, bytes, book: XLSX.read(bytes, {cellNF: true, cellText: true})};
}

type Sheet = XLSX.WorkSheet;
const cell = (ws: Sheet, r: number, c: number) => ws[XLSX.utils.encode_cell({r, c})] as XLSX.CellObject | undefined;
const rowsOf = (ws: Sheet) => XLSX.utils.decode_range(ws["!ref"]!).e.r + 1;
const colsOf = (ws: Sheet) => XLSX.utils.decode_range(ws["!ref"]!).e.c + 1;
const header = (ws: Sheet, r: number) => Array.from({length: colsOf(ws)}, (_, c) => cell(ws, r, c)?.v ?? null);

/** What DuckDB says each unit's cell must hold, computed from the tables alone. */
async function expectedCells(year: number) {
  const rows = await sample.query(`
    WITH ind AS (SELECT i.* FROM indicators i WHERE i.id IN (SELECT indicator_id FROM observations WHERE year = ${year})),
    level_rows AS (SELECT DISTINCT o.indicator_id, a.level FROM observations o JOIN areas a ON a.code = o.area_code WHERE o.year = ${year})
    SELECT a.code, a.level, a.survey_unit, ind.id, ind.measure, ind.source, o.status, o.value,
      EXISTS (SELECT 1 FROM level_rows l WHERE l.indicator_id = ind.id AND l.level = a.level) AS level_has_rows
    FROM areas a CROSS JOIN ind
    LEFT JOIN observations o ON o.indicator_id = ind.id AND o.area_code = a.code AND o.year = ${year}`);
  const map = new Map<string, {kind: "number"; v: number; z: string; w?: string} | {kind: "marker"; v: string}>();
  for (const r of rows) {
    const key = `${r.code}|${r.id}`;
    const status = r.status === null ? (r.level_has_rows ? "missing" : "not_applicable") : String(r.status);
    if (status !== "ok") {
      map.set(key, {kind: "marker", v: MARKER[status]!});
      continue;
    }
    const value = Number(r.value);
    const share = ["share_yes", "response_rate", "percent"].includes(String(r.measure));
    if (share && r.survey_unit && r.source === "enkät") map.set(key, {kind: "number", v: value / 100, z: FORMAT.yesNo, w: value === 100 ? "Ja" : "Nej"});
    else if (share) map.set(key, {kind: "number", v: value / 100, z: FORMAT.percent});
    else if (r.measure === "count") map.set(key, {kind: "number", v: value, z: FORMAT.count});
    else map.set(key, {kind: "number", v: value, z: FORMAT.rate});
  }
  return map;
}

describe.each([
  {year: 2016, release: 2016},
  {year: 2013, release: 2014}
])("Öppna jämförelser $release (survey $year)", ({year, release}) => {
  let book: XLSX.WorkBook;
  let name: string;
  beforeAll(async () => ({book, name} = await workbookFor(year, release)));

  it("is named for the release and has the five sheets in order", () => {
    expect(name).toBe(`Öppna jämförelser ${release} – resultat per kommun, län och riket.xlsx`);
    expect(book.SheetNames).toEqual(["Om filen", "Kommuner", "Län", "Riket", "Indikatorer"]);
  });

  it("has 290 kommuner and 29 stadsdelar, 21 län and riket, each code as text with its leading zeros", async () => {
    const counts = {Kommuner: 0, Stadsdelar: 0};
    const k = book.Sheets.Kommuner!;
    for (let r = 2; r < rowsOf(k); r++) {
      const code = cell(k, r, 0)!;
      expect(code.t).toBe("s");
      expect(code.z).toBe("@");
      const type = cell(k, r, 2)!.v;
      if (type === "Stadsdel") counts.Stadsdelar++;
      else counts.Kommuner++;
      expect(String(code.v)).toMatch(type === "Stadsdel" ? /^\d{4}-\d{2}$/ : /^\d{4}$/);
    }
    expect(counts).toEqual({Kommuner: 290, Stadsdelar: 29});
    const codes = (ws: Sheet) => Array.from({length: rowsOf(ws) - 2}, (_, i) => String(cell(ws, i + 2, 0)!.v)).sort();
    const dbCodes = async (levels: string) => (await sample.query(`SELECT code FROM areas WHERE level IN (${levels}) ORDER BY code`)).map((r) => String(r.code));
    expect(codes(k)).toEqual(await dbCodes("'kommun', 'stadsdel'"));
    expect(codes(book.Sheets["Län"]!)).toEqual(await dbCodes("'län'"));
    expect(codes(book.Sheets.Riket!)).toEqual(["00"]);
    expect(codes(k)).toContain("0114");
    expect(codes(book.Sheets["Län"]!)).toContain("01");
    expect(cell(book.Sheets["Län"]!, 2, 0)!.t).toBe("s");
  });

  it("sorts units the Swedish way, each storstad followed by its stadsdelar", async () => {
    const k = book.Sheets.Kommuner!;
    const rows = Array.from({length: rowsOf(k) - 2}, (_, i) => ({code: String(cell(k, i + 2, 0)!.v), name: String(cell(k, i + 2, 1)!.v), type: String(cell(k, i + 2, 2)!.v)}));
    const kommuner = rows.filter((r) => r.type !== "Stadsdel").map((r) => r.name);
    expect(kommuner).toEqual([...kommuner].sort(new Intl.Collator("sv").compare));
    expect(kommuner.indexOf("Åmål")).toBeLessThan(kommuner.indexOf("Ängelholm"));
    expect(kommuner.indexOf("Ängelholm")).toBeLessThan(kommuner.indexOf("Örebro"));
    rows.forEach((r, i) => {
      if (r.type !== "Stadsdel") return;
      // The nearest non-stadsdel row above is its city.
      const city = rows.slice(0, i).reverse().find((x) => x.type !== "Stadsdel")!;
      expect(city.type).toBe("Storstad");
      expect(r.code.slice(0, 4)).toBe(city.code);
    });
    expect(rows.filter((r) => r.type === "Storstad").map((r) => r.name)).toEqual(["Göteborg", "Malmö", "Stockholm"]);
    const lan = Array.from({length: rowsOf(book.Sheets["Län"]!) - 2}, (_, i) => String(cell(book.Sheets["Län"]!, i + 2, 1)!.v));
    expect(lan).toEqual([...lan].sort(new Intl.Collator("sv").compare));
  });

  it("heads each indicator column with its short title above its id, for every indicator of the year", async () => {
    const indicators = await sample.query(`SELECT id, short_title FROM indicators WHERE id IN (SELECT indicator_id FROM observations WHERE year = ${year})`);
    const meta = JSON.parse(readFileSync(join(DATA, "indicators.json"), "utf8")) as {indicators: {id: string}[]};
    const order = meta.indicators.map((i) => i.id).filter((id) => indicators.some((r) => r.id === id));
    for (const [sheet, fixed] of [["Kommuner", ["Kod", "Namn", "Typ", "Län", "Kommungrupp"]], ["Län", ["Kod", "Namn"]], ["Riket", ["Kod", "Namn"]]] as const) {
      const ws = book.Sheets[sheet]!;
      expect(header(ws, 0).slice(0, fixed.length)).toEqual(fixed);
      expect(header(ws, 1).slice(fixed.length)).toEqual(order);
      expect(header(ws, 0).slice(fixed.length)).toEqual(order.map((id) => indicators.find((r) => r.id === id)!.short_title));
    }
  });

  it("holds every value and marker DuckDB gives, with its number format, and no blank", async () => {
    const expected = await expectedCells(year);
    const seen = {number: 0, yesNo: 0, percent: 0, count: 0, rate: 0, markers: new Set<string>()};
    for (const sheet of ["Kommuner", "Län", "Riket"]) {
      const ws = book.Sheets[sheet]!;
      const ids = header(ws, 1);
      const first = sheet === "Kommuner" ? 5 : 2;
      for (let r = 2; r < rowsOf(ws); r++) {
        const code = String(cell(ws, r, 0)!.v);
        for (let c = first; c < ids.length; c++) {
          const where = `${sheet} ${code} ${ids[c]}`;
          const want = expected.get(`${code}|${ids[c]}`);
          const got = cell(ws, r, c);
          expect(want, where).toBeDefined();
          expect(got, `${where}: blank cell`).toBeDefined();
          if (want!.kind === "marker") {
            expect({t: got!.t, v: got!.v}, where).toEqual({t: "s", v: want!.v});
            seen.markers.add(want!.v);
          } else {
            expect(got!.t, where).toBe("n");
            expect(Math.abs(Number(got!.v) - want!.v), `${where}: ${got!.v} vs ${want!.v}`).toBeLessThan(1e-12);
            expect(got!.z, where).toBe(want!.z);
            if (want!.w) expect(got!.w, where).toBe(want!.w);
            seen.number++;
            if (want!.z === FORMAT.yesNo) seen.yesNo++;
            if (want!.z === FORMAT.percent) seen.percent++;
            if (want!.z === FORMAT.count) seen.count++;
            if (want!.z === FORMAT.rate) seen.rate++;
          }
        }
      }
    }
    // The comparison covered every kind of cell, so it could have failed on any.
    expect(seen.yesNo).toBeGreaterThan(1000);
    expect(seen.percent).toBeGreaterThan(50);
    expect(seen.count).toBeGreaterThan(300);
    expect(seen.rate).toBeGreaterThan(300);
    expect([...seen.markers].sort()).toEqual(["..", ".", "ES", "X"].sort());
  });

  it("freezes the header rows and the code and name columns, and filters on row 2", async () => {
    const {bytes} = await workbookFor(year, release);
    const zip = await JSZip.loadAsync(bytes);
    const sheets = await Promise.all([2, 3, 4].map((n) => zip.file(`xl/worksheets/sheet${n}.xml`)!.async("string")));
    for (const xml of sheets) {
      expect(xml).toMatch(/<pane xSplit="2" ySplit="2" topLeftCell="C3" activePane="bottomRight" state="frozen"\/>/);
      expect(xml).toMatch(/<autoFilter ref="A2:[A-Z]+\d+"\/>/);
    }
    const k = book.Sheets.Kommuner!;
    expect(XLSX.utils.decode_range(k["!autofilter"]!.ref)).toEqual(XLSX.utils.decode_range(`A2:${XLSX.utils.encode_col(colsOf(k) - 1)}${rowsOf(k)}`));
    // Columns are wide enough to read: every id fits at 8 pt, names at 10 pt.
    const styled = XLSX.read(bytes, {cellStyles: true}).Sheets.Kommuner!;
    const widths = styled["!cols"]!.map((c) => c.wch ?? c.width ?? 0);
    header(k, 1).forEach((id, c) => id && expect(widths[c]!, String(id)).toBeGreaterThanOrEqual(Math.min(28, String(id).length * 0.8)));
    expect(widths[1]).toBeGreaterThanOrEqual(Math.max(...Array.from({length: rowsOf(k) - 2}, (_, i) => String(cell(k, i + 2, 1)!.v).length)));
  });

  it('"Om filen" explains the markers, the period and the comparability breaks of the year', async () => {
    const about = XLSX.utils.sheet_to_json<string[]>(book.Sheets["Om filen"]!, {header: 1, defval: ""}).map((r) => r.join(" | "));
    const text = about.join("\n");
    for (const [status, marker] of Object.entries(MARKER)) expect(about.some((line) => line.startsWith(`${marker} | `)), `${status} ${marker}`).toBe(true);
    const [survey] = await sample.query(`SELECT period, units, answered FROM surveys WHERE year = ${year}`);
    expect(text).toContain(`Enkäten besvarades ${survey!.period}.`);
    expect(text).toContain(`${survey!.answered} av ${survey!.units} kommuner och stadsdelar svarade`);
    const breaks = await sample.query(`SELECT c.indicator_id, c.note FROM comparability c
      WHERE c.first_year = ${year} AND c.indicator_id IN (SELECT indicator_id FROM observations WHERE year = ${year})
      AND EXISTS (SELECT 1 FROM comparability p WHERE p.indicator_id = c.indicator_id AND p.first_year < c.first_year)`);
    for (const b of breaks) expect(about.some((line) => line.includes(`(${b.indicator_id}) | ${b.note}`)), String(b.indicator_id)).toBe(true);
    if (year === 2016) expect(breaks.length).toBeGreaterThan(0);
    else expect(text).toContain(`Ingen indikator i filen bryter sin tidsserie ${year}`);
    expect(text).toContain("Exempeldata");
  });

  it("records its provenance: build time and the SHA-256 of the Parquet tables, as sha256sum prints them", async () => {
    const files = readdirSync(sample.dir).filter((f) => f.endsWith(".parquet")).sort();
    const lines = files.map((f) => `${createHash("sha256").update(readFileSync(join(sample.dir, f))).digest("hex")}  ${f}\n`);
    const digest = createHash("sha256").update(lines.join("")).digest("hex");
    const about = XLSX.utils.sheet_to_json<string[]>(book.Sheets["Om filen"]!, {header: 1, defval: ""});
    const value = (label: string) => about.find((r) => r[0] === label)?.[1];
    expect(value("SHA-256, alla tabeller")).toBe(digest);
    for (const line of lines) {
      const [hash, file] = line.trim().split(/\s+/);
      expect(value(file!)).toMatch(new RegExp(`^${hash}  \\(`));
    }
    expect(value("Skapad")).toContain(BUILT_AT.toISOString());
    expect(book.Props?.Keywords).toBe(`sha256:${digest}`);
  });

  it('"Indikatorer" describes every indicator from the metadata table', async () => {
    const rows = XLSX.utils.sheet_to_json<Record<string, string>>(book.Sheets.Indikatorer!);
    const db = await sample.query(`SELECT * FROM indicators`);
    expect(rows.map((r) => r.Id).sort()).toEqual(db.map((r) => String(r.id)).sort());
    const inYear = new Set((await sample.query(`SELECT DISTINCT indicator_id FROM observations WHERE year = ${year}`)).map((r) => r.indicator_id));
    for (const d of db) {
      const r = rows.find((x) => x.Id === d.id)!;
      expect(r.Titel).toBe(d.title);
      expect(r["Kort titel"]).toBe(d.short_title);
      expect(r.Beskrivning).toBe(d.description);
      expect(r["Mått"]).toBe(d.unit);
      expect(r["Källa"]).toBe(d.source);
      expect(r.Tema).toBe(d.theme);
      expect(r["Beräkning"]).toBe(d.rule);
      expect(r["Högre värde är bättre"]).toBe(d.higher_is_better === null ? "Går inte att säga" : d.higher_is_better ? "Ja" : "Nej");
      expect(r[`I filen ${year}`]).toBe(inYear.has(d.id) ? "Ja" : "Nej");
    }
  });
});

it("builds any survey year in the data, and refuses one that is not there", async () => {
  const {book} = await workbookFor(2015);
  expect(XLSX.utils.decode_range(book.Sheets.Kommuner!["!ref"]!).e.r + 1).toBe(2 + 290 + 29);
  await expect(buildRelease({year: 2009, tablesDir: sample.dir, kinds: ["xlsx"]})).rejects.toThrow(/no survey year 2009 \(expected one of 2010, 2011, 2012, 2013, 2014, 2015, 2016\)/);
});
