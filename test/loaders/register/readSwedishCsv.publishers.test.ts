// readSwedishCsv on csv files as publishers and Excel save them (test/fixtures/publishers, README there).
import {mkdtempSync, rmSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {fileURLToPath} from "node:url";
import {DuckDBInstance, type DuckDBConnection} from "@duckdb/node-api";
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {LoadError} from "../../../loaders/errors.js";
import {areaIndex} from "../../../loaders/reference/areaIndex.js";
import {readReference} from "../../../loaders/reference/readReference.js";
import {readSwedishCsv, type SwedishCsvOptions} from "../../../loaders/register/readSwedishCsv.js";
import {collectWarnings, type LoadWarning} from "../../../loaders/report/warnings.js";
import {DATA} from "../../helpers/dataDir.js";

const fixture = (name: string): string => fileURLToPath(new URL(`../../fixtures/publishers/${name}`, import.meta.url));
const AREAS = areaIndex(readReference(DATA));
type Options = Partial<SwedishCsvOptions>;

let instance: DuckDBInstance;
let connection: DuckDBConnection;
beforeAll(async () => {
  instance = await DuckDBInstance.create(":memory:");
  connection = await instance.connect();
});
afterAll(() => {
  connection.closeSync();
  instance.closeSync();
});

async function read(path: string, options: Options): Promise<{summary: Awaited<ReturnType<typeof readSwedishCsv>>; rows: unknown[][]; warnings: LoadWarning[]}> {
  const {warn, warnings} = collectWarnings();
  const name = path.split("/").pop()!;
  const summary = await readSwedishCsv(connection, path, {legend: {"..": "missing"}, areas: AREAS, displayName: name, warn, table: "t", ...options});
  const rows = (await connection.runAndReadAll(`SELECT series, area_code, year, value, status, column_name FROM t ORDER BY rowid`)).getRowsJS();
  return {summary, rows, warnings};
}

async function refused(path: string, options: Options): Promise<LoadError> {
  const error = await read(path, options).then(
    () => undefined,
    (e: unknown) => e
  );
  if (!(error instanceof LoadError)) throw new Error(`expected a LoadError, got ${String(error)}`);
  return error;
}

const SOCIALSTYRELSEN: Options = {areaColumn: "Region", yearColumn: "År", valueColumns: ["Antal"], legend: {"..": "missing", X: "suppressed", "–": "zero", "-": "zero"}};

describe("Socialstyrelsen's statistikdatabas saved as csv (Windows-1252, CRLF, titles, notes, areas by name, a Kön dimension)", () => {
  it("reads the selected Kön, finds each area by its name, skips the titles and notes and says so", async () => {
    const {summary, rows, warnings} = await read(fixture("socialstyrelsen_export.csv"), {...SOCIALSTYRELSEN, dimensions: {Kön: "Båda könen"}});
    expect(summary).toMatchObject({encoding: "windows-1252", detected: true, delimiter: ";", rows: 8, values: 8, notSelected: 4});
    expect(rows).toEqual([
      ["Antal", "00", 2015, 12916, "ok", "Antal"],
      ["Antal", "01", 2015, 2511, "ok", "Antal"],
      ["Antal", "0114", 2015, null, "suppressed", "Antal"],
      ["Antal", "1280", 2015, 0, "ok", "Antal"],
      ["Antal", "00", 2016, 13120, "ok", "Antal"],
      ["Antal", "01", 2016, 2590, "ok", "Antal"],
      ["Antal", "0114", 2016, 31, "ok", "Antal"],
      ["Antal", "1280", 2016, null, "missing", "Antal"]
    ]);
    expect(warnings).toEqual([
      {file: "socialstyrelsen_export.csv", row: 1, message: 'skipped 2 lines above the header on line 4 (line 1: "Statistikdatabas för socialtjänstinsatser till barn och unga")'},
      {file: "socialstyrelsen_export.csv", row: 18, message: 'left out 2 note lines below the table (lines 17–20, first "Källa: Socialstyrelsen, statistikdatabasen")'}
    ]);
  });

  it("keeps Kön in the series when the declaration says *", async () => {
    const {rows} = await read(fixture("socialstyrelsen_export.csv"), {...SOCIALSTYRELSEN, dimensions: {Kön: "*"}});
    expect(new Set(rows.map((r) => r[0]))).toEqual(new Set(["Pojkar:Antal", "Flickor:Antal", "Båda könen:Antal"]));
    expect(rows).toHaveLength(12);
  });

  it("names the undeclared dimension when rows repeat an area and year, instead of a bare duplicate error", async () => {
    const error = await refused(fixture("socialstyrelsen_export.csv"), SOCIALSTYRELSEN);
    expect(error.message).toBe(
      'socialstyrelsen_export.csv, row 6: repeats area 00, year 2015 from row 5: expected one row per Region, År; the two rows differ only in "Kön" ("Pojkar" and "Flickor"): declare it in "dimensions", "*" to keep each value as its own series or the one value to read'
    );
  });

  it("says which values a selected dimension has when the declared one is not among them", async () => {
    const error = await refused(fixture("socialstyrelsen_export.csv"), {...SOCIALSTYRELSEN, dimensions: {Kön: "Totalt"}});
    expect(error.message).toBe('socialstyrelsen_export.csv, column Kön: no row has Kön = "Totalt", the value the declaration selects: found "Båda könen", "Flickor", "Pojkar"');
  });
});

describe("Excel and PxWeb layouts", () => {
  it('reads Excel\'s "CSV UTF-8": BOM, one column per year, "code name" areas, empty trailing columns and rows of ";"', async () => {
    const {summary, rows, warnings} = await read(fixture("excel_wide.csv"), {areaColumn: "Kommun", wide: {series: "Andel"}});
    expect(summary).toMatchObject({encoding: "utf-8", rows: 3, values: 9, emptyRows: 0});
    expect(rows.filter((r) => r[1] === "0115")).toEqual([
      ["Andel", "0115", 2014, 9.1, "ok", "2014"],
      ["Andel", "0115", 2015, null, "missing", "2015"],
      ["Andel", "0115", 2016, 9.8, "ok", "2016"]
    ]);
    expect(warnings).toEqual([]);
  });

  it('reads PxWeb\'s "comma-delimited with heading": a quoted title, a blank line, quoted headers, "00 Riket", Windows-1252 detected', async () => {
    const {summary, rows} = await read(fixture("pxweb_comma_heading.csv"), {areaColumn: "region", wide: {series: "Folkmängd 0-17"}});
    expect(summary).toMatchObject({encoding: "windows-1252", detected: true, delimiter: ","});
    expect(rows).toEqual([
      ["Folkmängd 0-17", "00", 2015, 1945000, "ok", "2015"],
      ["Folkmängd 0-17", "00", 2016, 1967000, "ok", "2016"],
      ["Folkmängd 0-17", "01", 2015, 498000, "ok", "2015"],
      ["Folkmängd 0-17", "01", 2016, 505000, "ok", "2016"],
      ["Folkmängd 0-17", "0114", 2015, 9800, "ok", "2015"],
      ["Folkmängd 0-17", "0114", 2016, 9950, "ok", "2016"]
    ]);
  });

  it("reads a national series with no area column: the source declares the area", async () => {
    const {rows} = await read(fixture("national_series.csv"), {areaCode: "00", yearColumn: "År", valueColumns: ["Antal barn"]});
    expect(rows.map((r) => [r[1], r[2], r[3]])).toEqual([
      ["00", 2014, 12700],
      ["00", 2015, 12916],
      ["00", 2016, 13120]
    ]);
  });

  it("reads numbers with a decimal point throughout a column", async () => {
    const {rows} = await read(fixture("numbers_point.csv"), {areaColumn: "Regionkod", yearColumn: "År", valueColumns: ["Andel"]});
    expect(rows.map((r) => r[3])).toEqual([12.5, 1234.75, 0.5]);
  });
});

describe("encodings: UTF-16 recognised by its byte order mark or its NUL bytes, a contradicting declaration refused", () => {
  const LONG: Options = {areaColumn: "Regionkod", yearColumn: "År", valueColumns: ["Antal"]};
  it.each([
    ["excel_unicode_text.txt", "utf-16le"],
    ["utf16be.txt", "utf-16be"]
  ])("%s is %s (BOM), tab-separated", async (name, encoding) => {
    const {summary, rows} = await read(fixture(name), LONG);
    expect(summary).toMatchObject({encoding, detected: true, delimiter: "\t"});
    expect(rows.map((r) => [r[1], r[3]])).toEqual([
      ["0114", 1234],
      ["1480", 2468],
      ["2584", 45]
    ]);
  });

  it("recognises UTF-16 LE without a BOM by its NUL bytes", async () => {
    const {summary} = await read(fixture("utf16le_no_bom.txt"), LONG);
    expect(summary).toMatchObject({encoding: "utf-16le", detected: true});
  });

  it("refuses a UTF-16 file declared latin-1, naming the byte order mark", async () => {
    const error = await refused(fixture("excel_unicode_text.txt"), {...LONG, encoding: "latin-1"});
    expect(error.message).toBe(
      'excel_unicode_text.txt, row 1: starts with the UTF-16 LE byte order mark (bytes FF FE), but data/sources.json declares Latin-1/Windows-1252: declare its encoding as "utf-16le", or leave it out to detect it'
    );
  });
});

describe("wrong data stops the load, naming the row, the column, what was found and what was expected", () => {
  const LONG: Options = {areaColumn: "Regionkod", yearColumn: "År", valueColumns: ["Antal"]};
  it.each([
    {
      name: "mixed_decimals.csv",
      options: {...LONG, valueColumns: ["Andel"]},
      message:
        'mixed_decimals.csv, row 4, column Andel: "20.4" has a decimal point, but row 2 has "20,4" with a decimal comma: expected one decimal mark throughout the column (a mix means some numbers were typed or converted differently, and "1.234" could be a thousand)'
    },
    {
      name: "unknown_code.csv",
      options: LONG,
      message:
        'unknown_code.csv, row 3, column Regionkod: unknown area code "0118": expected 00 (riket), a län code, one of the 290 kommunkoder or a stadsdel code such as 0180-01; the nearest valid codes: 0117 Österåker, 0115 Vallentuna, 0114 Upplands Väsby'
    },
    {
      name: "misspelt_name.csv",
      options: {...LONG, areaColumn: "Region"},
      message:
        'misspelt_name.csv, row 3, column Region: unknown area name "Upplandsväsby": expected riket, a län, kommun or stadsdel name such as "Upplands Väsby" or "Stockholms län"; the nearest valid names: 0114 Upplands Väsby'
    },
    {
      name: "code_name_mismatch.csv",
      options: {...LONG, areaColumn: "Kommun"},
      message: 'code_name_mismatch.csv, row 3, column Kommun: "0114 Vallentuna": code 0114 is Upplands Väsby, not "Vallentuna": expected the code and the name of one area'
    },
    {
      name: "value_under_blank_header.csv",
      options: LONG,
      message: 'value_under_blank_header.csv, row 3, column column 5: "7" in a column whose header is blank: expected the column to be empty, or a name in the header'
    },
    {name: "download_html_page.csv", options: LONG, message: 'download_html_page.csv: is an HTML web page titled "Sidan kunde inte hittas", not a csv table: the download returned a page (an error, login or cookie page) instead of data'},
    {
      name: "download_http_429.csv",
      options: LONG,
      message:
        'download_http_429.csv: is an HTTP error answer saved as the file ("429 Too Many Requests\\nYou have sent too many requests in a given amount of time."), not a csv table: the server limits how often it may be asked (HTTP 429 Too Many Requests): wait and fetch it again'
    },
    {name: "download_api_error.json", options: LONG, message: 'download_api_error.json: is an error response from the API ("error": "Unknown kpi: N9999"), not a csv table'},
    {name: "download_header_only.csv", options: LONG, message: "download_header_only.csv, row 2: has a header row but no data rows: expected one row per area and year (was the download or the query empty?)"}
  ])("$name", async ({name, options, message}) => {
    expect((await refused(fixture(name), options)).message).toBe(message);
  });

  it("gives a lost leading zero back (114 → 0114, 1 → 01) and warns, at the first such row", async () => {
    const {rows, warnings} = await read(fixture("lost_zero.csv"), LONG);
    expect(rows.map((r) => r[1])).toEqual(["0114", "0115", "0117", "01"]);
    expect(warnings).toEqual([
      {file: "lost_zero.csv", row: 2, column: "Regionkod", count: 3, message: "restored the leading zero of 3 area codes in 3 rows (1 → 01, 114 → 0114, 115 → 0115), as a spreadsheet drops it"}
    ]);
  });
});

describe("Excel's rows of only delimiters inside a table", () => {
  it("skips them and says how many", async () => {
    const path = join(mkdtempSync(join(tmpdir(), "register-csv-empty-")), "gaps.csv");
    writeFileSync(path, "Regionkod;År;Antal\n0114;2016;1\n;;\n0115;2016;2\n;;\n0117;2016;3\n");
    const {summary, rows, warnings} = await read(path, {areaColumn: "Regionkod", yearColumn: "År", valueColumns: ["Antal"]});
    expect(summary).toMatchObject({rows: 3, emptyRows: 2});
    expect(rows.map((r) => r[1])).toEqual(["0114", "0115", "0117"]);
    expect(warnings).toEqual([{file: "gaps.csv", count: 2, message: "skipped 2 empty rows (only delimiters) inside the table"}]);
  });
});

describe("size limits: a 100 MB line or cell stops the read with a message, not a heap crash", () => {
  const dir = mkdtempSync(join(tmpdir(), "register-csv-limits-"));
  afterAll(() => rmSync(dir, {recursive: true, force: true}));
  const LONG: Options = {areaColumn: "Regionkod", yearColumn: "År", valueColumns: ["Antal"], encoding: "utf-8"};

  it("a 100 MB line", async () => {
    const path = join(dir, "long_line.csv");
    writeFileSync(path, `Regionkod;År;Antal\n0114;2016;1\n0115;2016;${"9".repeat(100 * 1024 * 1024)}\n`);
    const error = await refused(path, LONG);
    expect(error.message).toBe("long_line.csv, row 3: is longer than 8 MB, the reader's limit for one record: expected a csv table row (is this a csv file?)");
  }, 120_000);

  it("a 100 MB quoted cell (a quote that never closes)", async () => {
    const path = join(dir, "long_cell.csv");
    writeFileSync(path, `Regionkod;År;Antal\n0114;2016;"${"x\n".repeat(50 * 1024 * 1024)}\n`);
    const error = await refused(path, LONG);
    expect(error.message).toBe("long_cell.csv, row 2: a quoted cell starts here and runs on for more than 8 MB: expected a closing quote (one is probably missing)");
  }, 120_000);
});
