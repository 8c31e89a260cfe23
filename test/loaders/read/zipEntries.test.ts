// What an xlsx unpacks to, read from its zip directory without inflating it.
import JSZip from "jszip";
import {describe, expect, it} from "vitest";
import {checkUnpackedSize, zipEntries} from "../../../loaders/read/zipEntries.js";
import {loadError} from "../../helpers/loadError.js";

async function zip(files: Record<string, string>): Promise<Buffer> {
  const z = new JSZip();
  for (const [name, text] of Object.entries(files)) z.file(name, text);
  return z.generateAsync({type: "nodebuffer", compression: "DEFLATE"});
}

describe("zipEntries", () => {
  it("lists every part with its packed and unpacked size", async () => {
    const entries = zipEntries("w.xlsx", await zip({"a.xml": "x".repeat(10_000), "b.xml": "short"}));
    expect(entries.map((e) => [e.name, e.uncompressed])).toEqual([
      ["a.xml", 10_000],
      ["b.xml", 5]
    ]);
    expect(entries[0]!.compressed).toBeLessThan(200);
  });

  it("refuses a file whose zip directory is missing (a truncated download)", async () => {
    const bytes = await zip({"a.xml": "x".repeat(1000)});
    expect(loadError(() => zipEntries("w.xlsx", bytes.subarray(0, bytes.length - 30))).message).toBe(
      "w.xlsx: not a readable xlsx workbook, the file may be truncated (the zip archive has no central directory at its end)"
    );
  });
});

describe("checkUnpackedSize", () => {
  it("passes a workbook within the limit, and names the largest part of one over it", async () => {
    const bytes = await zip({"xl/worksheets/sheet1.xml": " ".repeat(5000), "xl/styles.xml": "s"});
    expect(() => checkUnpackedSize("w.xlsx", bytes, 10_000)).not.toThrow();
    expect(loadError(() => checkUnpackedSize("w.xlsx", bytes, 4096)).message).toMatch(
      /^w\.xlsx: unpacks to 4\.9 KB \(xl\/worksheets\/sheet1\.xml alone 4\.9 KB from \d+ bytes packed\), more than the 4 KB a workbook may unpack to here: save only the sheet with the answers, or save it as csv$/
    );
  });
});
