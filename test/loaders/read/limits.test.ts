// Sizes in messages, and the limits they report.
import {describe, expect, it} from "vitest";
import {formatBytes, LIMITS} from "../../../loaders/read/limits.js";

describe("formatBytes", () => {
  it.each([
    [512, "512 bytes"],
    [2048, "2 KB"],
    [1536, "1.5 KB"],
    [100 * 1024 * 1024, "100 MB"],
    [5 * 1024 ** 3, "5 GB"]
  ])("%d is %s", (bytes, text) => {
    expect(formatBytes(bytes)).toBe(text);
  });
});

describe("LIMITS", () => {
  it("lies far above what a real source of this project holds, and below what exhausts a default heap", () => {
    expect(LIMITS.jsonStatCells).toBeGreaterThan(312 * 21 * 10 * 12);
    expect(LIMITS.csvRecordBytes).toBeLessThan(100 * 1024 * 1024);
    expect(LIMITS.xlsxUnpackedBytes).toBeLessThan(LIMITS.textFileBytes);
  });
});
