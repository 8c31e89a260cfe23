// The bytes of a register csv: its encoding, the UTF-8 copy DuckDB reads, and whether rows may sit off their lines.
import {mkdtempSync, readFileSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {describe, expect, it} from "vitest";
import {LoadError} from "../../../../loaders/errors.js";
import {scanCsv} from "../../../../loaders/register/csv/scanCsv.js";

const dir = mkdtempSync(join(tmpdir(), "scan-csv-"));
const write = (name: string, bytes: Buffer) => {
  writeFileSync(join(dir, name), bytes);
  return join(dir, name);
};

describe("scanCsv", () => {
  it("reads UTF-8 in place, and notes quotes and blank lines", async () => {
    const plain = await scanCsv(write("a.csv", Buffer.from("a;b\n1;2\n")), "a.csv", undefined, join(dir, "a.copy"));
    expect(plain).toMatchObject({encoding: "utf-8", detected: true, copy: undefined, mayHaveExtraLines: false});
    const quoted = await scanCsv(write("b.csv", Buffer.from('a;b\n"1";2\n\n')), "b.csv", "utf-8", join(dir, "b.copy"));
    expect(quoted).toMatchObject({detected: false, mayHaveExtraLines: true});
  });

  it("writes a UTF-8 copy of a Windows-1252 file it detects, and of a UTF-16 one, line for line", async () => {
    const latin = await scanCsv(write("c.csv", Buffer.from("År;Antal\nGöteborg;\x96\n", "latin1")), "c.csv", undefined, join(dir, "c.copy"));
    expect(latin).toMatchObject({encoding: "windows-1252", detected: true});
    expect(readFileSync(latin.path, "utf8")).toBe("År;Antal\nGöteborg;–\n");
    const utf16 = await scanCsv(write("d.csv", Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from("År\tAntal\r\nMalmö\t1\r\n", "utf16le")])), "d.csv", undefined, join(dir, "d.copy"));
    expect(utf16).toMatchObject({encoding: "utf-16le", bomLength: 0});
    expect(readFileSync(utf16.path, "utf8")).toBe("År\tAntal\r\nMalmö\t1\r\n");
  });

  it("refuses UTF-16 cut in the middle of a character", async () => {
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from("År\tAntal\n", "utf16le"), Buffer.from([0x41])]);
    const error = await scanCsv(write("e.csv", bytes), "e.csv", undefined, join(dir, "e.copy")).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LoadError);
    expect((error as LoadError).message).toBe("e.csv: has an odd number of bytes (21): expected whole 2-byte UTF-16 characters; the file may be truncated");
  });
});
