import {closeSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync, writeFileSync, writeSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {fileURLToPath} from "node:url";
import {DuckDBInstance, type DuckDBConnection} from "@duckdb/node-api";
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {LoadError} from "../../../loaders/errors.js";
import {areaIndex} from "../../../loaders/reference/areaIndex.js";
import {readReference} from "../../../loaders/reference/readReference.js";
import {openSwedishCsv, readRegisterTable, readSwedishCsv, type SwedishCsvOptions} from "../../../loaders/register/readSwedishCsv.js";
import type {Legend} from "../../../loaders/register/registerValue.js";
import {DATA} from "../../helpers/dataDir.js";

const fixture = (name: string): string => fileURLToPath(new URL(`../../fixtures/register/${name}`, import.meta.url));
// The legend data/sources.json gives Socialstyrelsen's tables: a lone "-" is zero there.
const LEGEND: Legend = {"..": "missing", X: "suppressed", "-": "zero"};
type Options = SwedishCsvOptions & {table: string};
const BASE: Options = {legend: LEGEND, encoding: "utf-8", areaColumn: "Regionkod", yearColumn: "År", valueColumns: ["Antal"], table: "register_test", areas: areaIndex(readReference(DATA))};

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

/** Reads a fixture, named in messages by its file name, and returns the table as rows. */
/** Reads a fixture, or an edited copy of it, named in messages by its file name. */
async function read(name: string, options: Partial<Options> = {}, edit?: (text: string) => string) {
  let path = fixture(name);
  if (edit) {
    path = join(mkdtempSync(join(tmpdir(), "register-csv-edit-")), name);
    writeFileSync(path, edit(readFileSync(fixture(name), "utf8")));
  }
  const result = await readSwedishCsv(connection, path, {...BASE, displayName: name, ...options});
  return {result, values: await readRegisterTable(connection, options.table ?? BASE.table)};
}

async function loadError(name: string, options: Partial<Options> = {}): Promise<LoadError> {
  try {
    await read(name, options);
  } catch (error) {
    if (error instanceof LoadError) return error;
    throw error;
  }
  throw new Error("expected a LoadError, but the read succeeded");
}

const rows = (values: {series: string; area_code: string; year: number; value: number | null; status: string}[]) =>
  values.map((v) => [v.series, v.area_code, v.year, v.value, v.status]);

describe("readSwedishCsv reads what Swedish sources write", () => {
  const NAMES_LEGEND: Legend = {"..": "missing", "–": "zero"};
  const namesExpected = [
    ["Antal 0–17 år", "1480", 2016, 1234, "ok"],
    ["Antal 0–17 år", "1280", 2016, 812, "ok"],
    ["Antal 0–17 år", "0180", 2016, null, "missing"],
    ["Antal 0–17 år", "1280", 2015, 0, "ok"]
  ];

  it("reads a Windows-1252 file declared latin-1: År, an en dash in a header and as a zero marker, a no-break space", async () => {
    const {result, values} = await read("csv_latin1_names.csv", {encoding: "latin-1", legend: NAMES_LEGEND, valueColumns: ["Antal 0–17 år"]});
    expect(result).toMatchObject({values: 4, rows: 4, encoding: "windows-1252", detected: false, delimiter: ";"});
    expect(rows(values)).toEqual(namesExpected);
  });

  it("detects Windows-1252 when the source declares no encoding", async () => {
    const {result, values} = await read("csv_latin1_names.csv", {encoding: undefined, legend: NAMES_LEGEND, valueColumns: ["Antal 0–17 år"]});
    expect(result).toMatchObject({encoding: "windows-1252", detected: true});
    expect(rows(values)).toEqual(namesExpected);
  });

  it("decodes Göteborg and Malmö in a latin-1 file: the names in the Kommun column find their codes", async () => {
    const {values} = await read("csv_latin1_names.csv", {encoding: "latin-1", legend: NAMES_LEGEND, areaColumn: "Kommun", valueColumns: ["Antal 0–17 år"]});
    expect(values.map((v) => v.area_code)).toEqual(["1480", "1280", "0180", "1280"]);
  });

  it("reads the same text saved as UTF-8 to the same values", async () => {
    const {values} = await read("csv_utf8_names.csv", {legend: NAMES_LEGEND, valueColumns: ["Antal 0–17 år"]});
    expect(rows(values)).toEqual(namesExpected);
  });

  it("strips a UTF-8 byte order mark before the first column name", async () => {
    const {values} = await read("csv_utf8_bom.csv");
    expect(rows(values)).toEqual([
      ["Antal", "0180", 2016, 12.5, "ok"],
      ["Antal", "00", 2016, 7, "ok"]
    ]);
  });

  it.each([
    {area: "0114", cell: "12,5", value: 12.5},
    {area: "0115", cell: "1 234 (U+00A0)", value: 1234},
    {area: "0117", cell: "1 234 (U+202F)", value: 1234},
    {area: "0120", cell: "1 234,75 (U+2009)", value: 1234.75},
    {area: "0123", cell: "1 234 567 (spaces)", value: 1234567},
    {area: "0125", cell: "-3", value: -3},
    {area: "0126", cell: "−4,25 (U+2212)", value: -4.25},
    {area: "0127", cell: "0", value: 0},
    {area: "0136", cell: " 42 ", value: 42}
  ])("reads $cell as $value", async ({area, value}) => {
    // csv_numbers.csv without its row 10, "12.5", whose decimal point the column's commas contradict.
    const {values} = await read("csv_numbers.csv", {}, (text) => text.replace("0128;2016;12.5\n", ""));
    expect(values.filter((v) => v.area_code === area)).toEqual([{series: "Antal", area_code: area, year: 2016, value, status: "ok"}]);
  });

  it("maps markers through the legend, one row per value column, the column name as series", async () => {
    const {result, values} = await read("csv_legend.csv", {valueColumns: ["Antal", "Andel"]});
    expect(result).toMatchObject({values: 8, rows: 4});
    expect(rows(values)).toEqual([
      ["Antal", "00", 2016, 1200, "ok"],
      ["Andel", "00", 2016, 3.5, "ok"],
      ["Antal", "01", 2016, null, "missing"],
      ["Andel", "01", 2016, null, "missing"],
      ["Antal", "0114", 2016, null, "suppressed"],
      ["Andel", "0114", 2016, null, "suppressed"],
      ["Antal", "0180-01", 2016, 0, "ok"],
      ["Andel", "0180-01", 2016, 0, "ok"]
    ]);
  });

  it.each([
    {legend: {"..": "suppressed", "-": "not_applicable"} as Legend, area: "01", expected: [null, "suppressed"]},
    {legend: {"..": "suppressed", "-": "not_applicable"} as Legend, area: "0180-01", expected: [null, "not_applicable"]},
    {legend: {"..": "missing", "-": "zero"} as Legend, area: "0180-01", expected: [0, "ok"]}
  ])("lets the legend, not a global list, decide what $area's marker means", async ({legend, area, expected}) => {
    const {values} = await read("csv_legend.csv", {legend: {...legend, X: "suppressed"}});
    expect(values.filter((v) => v.area_code === area).map((v) => [v.value, v.status])).toEqual([expected]);
  });

  it("refuses a lone - when the legend does not list it", async () => {
    const error = await loadError("csv_legend.csv", {legend: {"..": "missing", X: "suppressed"}});
    expect([error.row, error.column]).toEqual([5, "Antal"]);
    expect(error.message).toBe('csv_legend.csv, row 5, column Antal: unknown marker "-": expected a number or a marker from the legend, ".." (missing) or "X" (suppressed)');
  });

  it('accepts a blank cell only when the legend gives "" a meaning', async () => {
    const {values} = await read("csv_blank_cell.csv", {legend: {"": "missing"}});
    expect(rows(values)).toEqual([
      ["Antal", "0114", 2016, 3, "ok"],
      ["Antal", "0115", 2016, null, "missing"]
    ]);
  });

  it("finds the line each value came from, counting blank lines and quoted line breaks", async () => {
    const {values} = await read("csv_lines.csv");
    expect(values.map((v) => v.area_code)).toEqual(["0180-01", "0180-02", "1480", "1280"]);
    const csv = await openSwedishCsv(connection, fixture("csv_lines.csv"), {...BASE, displayName: "csv_lines.csv"});
    try {
      const lines = [];
      for (const areaCode of ["0180-01", "0180-02", "1480", "1280"]) lines.push(await csv.locate({areaCode, year: 2016, column: "Antal", series: "Antal"}));
      expect(lines).toEqual([2, 4, 6, 9]);
    } finally {
      await csv.close();
    }
  });

  it("writes the documented columns and types", async () => {
    await read("csv_utf8_bom.csv", {table: "typed"});
    const columns = (await connection.runAndReadAll(`SELECT column_name, column_type FROM (DESCRIBE typed)`)).getRowsJS();
    expect(columns).toEqual([
      ["series", "VARCHAR"],
      ["area_code", "VARCHAR"],
      ["year", "INTEGER"],
      ["value", "DOUBLE"],
      ["status", "VARCHAR"],
      ["line", "INTEGER"],
      ["column_name", "VARCHAR"]
    ]);
  });

  it("leaves no working tables or files behind and restores preserve_insertion_order, after success and after an error", async () => {
    await connection.run("SET preserve_insertion_order = false");
    const tmp = process.env.TMPDIR;
    process.env.TMPDIR = mkdtempSync(join(tmpdir(), "register-csv-tmp-"));
    try {
      await read("csv_latin1_names.csv", {encoding: "latin-1", legend: {"..": "missing", "–": "zero"}, valueColumns: ["Antal 0–17 år"]});
      await read("csv_utf8_bom.csv");
      await loadError("csv_duplicate.csv");
      await loadError("csv_latin1_names.csv", {encoding: "latin-1", legend: {}, valueColumns: ["Antal 0–17 år"]});
      const leftovers = (await connection.runAndReadAll(`SELECT table_name FROM duckdb_tables() WHERE table_name LIKE 'register_csv_%'`)).getRowsJS();
      expect(leftovers).toEqual([]);
      const setting = (await connection.runAndReadAll(`SELECT current_setting('preserve_insertion_order')`)).getRowsJS();
      expect(setting).toEqual([[false]]);
      expect(readdirSync(process.env.TMPDIR)).toEqual([]);
    } finally {
      rmSync(process.env.TMPDIR!, {recursive: true, force: true});
      if (tmp === undefined) delete process.env.TMPDIR;
      else process.env.TMPDIR = tmp;
      await connection.run("SET preserve_insertion_order = true");
    }
  });
});

describe("readSwedishCsv errors name the file, the line, the column and what was expected", () => {
  const cases: {file: string; options?: Partial<Options>; row?: number; column?: string; message: string}[] = [
    {
      file: "csv_unknown_marker.csv",
      row: 3,
      column: "Antal",
      message: 'unknown marker "*": expected a number or a marker from the legend, ".." (missing), "X" (suppressed) or "-" (zero)'
    },
    {
      file: "csv_not_a_number.csv",
      row: 3,
      column: "Antal",
      message: '"1.234,5" is not a number: expected a number such as 12, 12,5 or 1 234, or a marker from the legend, ".." (missing), "X" (suppressed) or "-" (zero)'
    },
    {
      file: "csv_blank_cell.csv",
      row: 3,
      column: "Antal",
      message: 'the cell is blank: expected a number or a marker from the legend, ".." (missing), "X" (suppressed) or "-" (zero) (a legend can give "" a meaning)'
    },
    {file: "csv_duplicate.csv", row: 5, message: "repeats area 0180, year 2016 from row 3: expected one row per Regionkod, År"},
    {
      file: "csv_lines_duplicate.csv",
      row: 6,
      message:
        'repeats area 0180-01, year 2016 from row 2: expected one row per Regionkod, År; the two rows differ only in "Namn" ("Rinkeby-Kista" and "Rinkeby"): declare it in "dimensions", "*" to keep each value as its own series or the one value to read'
    },
    {
      file: "csv_missing_column.csv",
      row: 1,
      column: "År",
      message: 'missing column "År": expected columns "Regionkod", "År" and "Antal"; found "Regionkod", "Ar" and "Antal"; "Ar" differs only in case or accents'
    },
    {
      file: "csv_comma_separated.csv",
      options: {delimiter: ";"},
      row: 1,
      column: "Regionkod",
      message:
        'missing column "Regionkod" (and "År" and "Antal"): expected columns "Regionkod", "År" and "Antal"; found "Regionkod,År,Antal"; the header has no ";", so the file may use another delimiter than the declared one'
    },
    {file: "csv_empty.csv", message: "empty file (0 bytes): expected a csv table; the download or export produced nothing"},
    {file: "csv_header_only.csv", row: 2, message: "has a header row but no data rows: expected one row per area and year (was the download or the query empty?)"},
    {
      file: "csv_numbers.csv",
      row: 10,
      column: "Antal",
      message: '"12.5" has a decimal point, but row 2 has "12,5" with a decimal comma: expected one decimal mark throughout the column (a mix means some numbers were typed or converted differently, and "1.234" could be a thousand)'
    },
    {file: "csv_bad_year.csv", row: 3, column: "År", message: 'year "2016/17" is not a year: expected a four-digit year such as 2016'},
    {file: "csv_ragged.csv", row: 3, message: 'has 2 fields but the header has 3: expected 3 fields separated by ";"'},
    {file: "csv_unterminated_quote.csv", row: 3, message: "a quoted cell starts here and never ends: expected a closing quote"},
    {file: "csv_mixed_line_endings.csv", row: 3, message: "ends in LF but line 1 ends in CR LF: expected one kind of line break throughout the file"},
    {
      file: "csv_latin1_names.csv",
      row: 1,
      message:
        'not valid UTF-8: byte 0xC5 at byte offset 17 is "Å" in Latin-1/Windows-1252, where the line reads "Regionkod;Kommun;År;Antal 0–17 år": the file looks like Latin-1/Windows-1252, so declare its encoding as "latin-1"'
    },
    {
      file: "csv_utf8_names.csv",
      options: {encoding: "latin-1"},
      row: 1,
      message:
        'declared latin-1, but the file is valid UTF-8 and has bytes C3 85 at byte offset 17, which read as "Ã…" in Latin-1 but "Å" in UTF-8 (the line reads "Regionkod;Kommun;År;Antal 0–17 år" as UTF-8): the file looks like UTF-8, so declare its encoding as "utf-8"'
    },
    {
      file: "csv_utf8_bom.csv",
      options: {encoding: "latin-1"},
      row: 1,
      message: 'declared latin-1, but the file is valid UTF-8 and starts with a UTF-8 byte order mark (bytes EF BB BF, which read as "ï»¿" in Latin-1): the file looks like UTF-8, so declare its encoding as "utf-8"'
    },
    {file: "csv_numbers.csv", options: {valueColumns: []}, message: "no value columns given: expected at least one in value_columns"},
    {
      file: "csv_numbers.csv",
      options: {valueColumns: ["Antal", "Antal"]},
      message: 'the declaration names column "Antal" twice: expected the area, the year, each value column and each dimension to be different columns'
    },
    {file: "csv_numbers.csv", options: {legend: {"..": "saknas" as never}}, message: 'the legend maps ".." to "saknas": expected missing, suppressed, not_applicable or zero'}
  ];

  it.each(cases)("$file $options: row $row, column $column: $message", async ({file, options, row, column, message}) => {
    const error = await loadError(file, options);
    expect({file: error.file, row: error.row, column: error.column}).toEqual({file, row, column});
    const where = [file, row === undefined ? [] : [`row ${row}`], column === undefined ? [] : [`column ${column}`]].flat().join(", ");
    expect(error.message).toBe(`${where}: ${message}`);
  });

  it("does not replace an existing table when the file is refused", async () => {
    await read("csv_utf8_bom.csv", {table: "kept"});
    await loadError("csv_duplicate.csv", {table: "kept"});
    expect(rows(await readRegisterTable(connection, "kept"))).toEqual([
      ["Antal", "0180", 2016, 12.5, "ok"],
      ["Antal", "00", 2016, 7, "ok"]
    ]);
  });
});

describe("readSwedishCsv on a file large enough for DuckDB's parallel reader and several scan chunks", () => {
  const dir = mkdtempSync(join(tmpdir(), "register-csv-"));
  const path = join(dir, "large.csv");
  const CHUNK = 16 * 1024 * 1024; // readSwedishCsv's scan chunk
  let content: Buffer;
  let rowCount = 0;
  let splitAt = 0;

  beforeAll(() => {
    // Each row's Antal is the line it starts on, so the table can check its own line column. Rows
    // cycle through real kommuner and years; Grupp, kept in the series, makes each row's key unique.
    const kommuner = readReference(DATA).kommuner.map((k) => k.code);
    const parts: string[] = ["Regionkod;Namn;År;Grupp;Antal\n"];
    let bytes = Buffer.byteLength(parts[0]!);
    let line = 2;
    const add = (text: string, lines: number) => {
      parts.push(text);
      bytes += Buffer.byteLength(text);
      line += lines;
    };
    for (let i = 0; bytes < 45_000_000; i++) {
      const prefix = `${kommuner[i % kommuner.length]};`;
      if (i === 1000) add("\n", 1); // a blank line moves every later row down one line
      const suffix = `;${2000 + (Math.floor(i / kommuner.length) % 20)};g${Math.floor(i / (20 * kommuner.length))};${line}\n`;
      let name = "Namn";
      if (i === 500_000) {
        add(`${prefix}"Två\nrader"${suffix}`, 2); // a quoted line break: the next row starts two lines down
        rowCount++;
        continue;
      }
      if (splitAt === 0 && bytes + 200 > CHUNK) {
        // "ö" (C3 B6) across the first chunk boundary, so its two bytes arrive in two reads.
        name = `${"x".repeat(CHUNK - 1 - bytes - Buffer.byteLength(prefix))}ö`;
        splitAt = CHUNK - 1;
      }
      add(`${prefix}${name}${suffix}`, 1);
      rowCount++;
    }
    content = Buffer.from(parts.join(""));
    writeFileSync(path, content);
  });
  afterAll(() => rmSync(dir, {recursive: true, force: true}));

  it("reads every row, and finds each row's own line, before and after the blank line and the quoted line break", async () => {
    expect(content.subarray(splitAt, splitAt + 2).toString()).toBe("ö");
    const csv = await openSwedishCsv(connection, path, {...BASE, displayName: "large.csv", dimensions: {Grupp: "*"}});
    try {
      expect(csv.rows).toBe(rowCount);
      // The last line: the header, every row, the blank line and the quoted cell's second line.
      const [[count, last]] = (await connection.runAndReadAll(`SELECT count(*), max(value) FROM "${csv.view}"`)).getRowsJS() as [[bigint, number]];
      expect([Number(count), last]).toEqual([rowCount, rowCount + 3]);
      // Each row's Antal is its line: rows around the blank line (row 1000), the quoted cell (row 500 000) and the end.
      const samples = (
        await connection.runAndReadAll(`SELECT area_code, year, series, value FROM "${csv.view}" WHERE value IN (2, 1000, 1001, 1002, 1003, 500001, 500002, 500003, 500004, 500005, ${rowCount + 3}) ORDER BY value`)
      ).getRowObjectsJS() as {area_code: string; year: number; series: string; value: number}[];
      expect(samples.length).toBeGreaterThanOrEqual(9);
      for (const s of samples) expect(await csv.locate({areaCode: s.area_code, year: s.year, column: "Antal", series: s.series}), JSON.stringify(s)).toBe(s.value);
    } finally {
      await csv.close();
    }
  }, 120_000);

  it("finds a bad byte far into the file, by line and byte offset", async () => {
    // Replace the "a" of a "Namn" after the 30 MB mark with a Latin-1 "ä".
    const at = content.indexOf("Namn", 30_000_000) + 1;
    const line = content.subarray(0, at).reduce((n, b) => (b === 0x0a ? n + 1 : n), 1);
    const text = content.subarray(content.lastIndexOf(0x0a, at) + 1, content.indexOf(0x0a, at)).toString("latin1");
    expect(Number(text.split(";")[4])).toBe(line);
    const handle = openSync(path, "r+");
    writeSync(handle, Buffer.from([0xe4]), 0, 1, at);
    closeSync(handle);
    const error = await readSwedishCsv(connection, path, {...BASE, table: "large", displayName: "large.csv", dimensions: {Grupp: "*"}}).then(
      () => undefined,
      (e: unknown) => e
    );
    expect(error).toBeInstanceOf(LoadError);
    expect((error as LoadError).message).toBe(
      `large.csv, row ${line}: not valid UTF-8: byte 0xE4 at byte offset ${at} is "ä" in Latin-1/Windows-1252, where the line reads ${JSON.stringify(text.replace("Namn", "Nämn"))}: the file looks like Latin-1/Windows-1252, so declare its encoding as "latin-1"`
    );
  }, 120_000);
});
