// The one decoder: encodings from bytes and declarations, and Windows-1252 done right.
import {describe, expect, it} from "vitest";
import {
  bomOf,
  decodeAs,
  decodeWindows1252,
  encodingFromHead,
  firstInvalidUtf8,
  utf16ByNulBytes,
  utf8Boundary,
  windows1252ToUtf8
} from "../../../loaders/read/encoding.js";
import {loadError} from "../../helpers/loadError.js";

describe("Windows-1252", () => {
  it("decodes 0x80–0x9F as the printable characters Swedish exports use, where Node 20's TextDecoder gives control characters", () => {
    const bytes = Uint8Array.of(0x80, 0x96, 0x97, 0x92, 0x85, 0x8a, 0x9a);
    expect(decodeWindows1252(bytes)).toBe("€–—’…Šš");
    // The reason this module decodes them itself:
    expect(new TextDecoder("windows-1252").decode(bytes)).not.toBe("€–—’…Šš");
  });

  it("keeps the five bytes Windows-1252 leaves undefined as their Latin-1 code points, as WHATWG does", () => {
    expect([...decodeWindows1252(Uint8Array.of(0x81, 0x8d, 0x8f, 0x90, 0x9d))].map((c) => c.charCodeAt(0))).toEqual([0x81, 0x8d, 0x8f, 0x90, 0x9d]);
  });

  it("decodes Latin-1 letters and writes the same text as UTF-8 bytes", () => {
    const bytes = Uint8Array.of(0xc5, 0x72, 0x3b, 0x47, 0xf6, 0x74, 0x65, 0x62, 0x6f, 0x72, 0x67, 0x3b, 0x96, 0xa0);
    expect(decodeWindows1252(bytes)).toBe("År;Göteborg;–\u00a0");
    expect(windows1252ToUtf8(bytes).toString("utf8")).toBe("År;Göteborg;–\u00a0");
  });
});

describe("what the bytes say", () => {
  it.each([
    [[0xef, 0xbb, 0xbf, 0x41], "utf-8", 3],
    [[0xff, 0xfe, 0x41, 0x00], "utf-16le", 2],
    [[0xfe, 0xff, 0x00, 0x41], "utf-16be", 2]
  ])("a BOM %j is %s", (bytes, encoding, length) => {
    expect(bomOf(Uint8Array.from(bytes))).toMatchObject({encoding, length});
  });

  it("recognises UTF-16 without a BOM by its NUL bytes, and not a file that merely has a few", () => {
    expect(utf16ByNulBytes(Buffer.from("Regionkod;År;Antal", "utf16le"))).toBe("utf-16le");
    expect(utf16ByNulBytes(Buffer.from("Regionkod;År;Antal", "utf16le").swap16())).toBe("utf-16be");
    expect(utf16ByNulBytes(Buffer.from("Regionkod;\u0000År;Antal"))).toBeUndefined();
  });

  it.each([
    ["valid text", [0x41, 0xc3, 0xb6], -1],
    ["a Latin-1 ö", [0x41, 0xf6, 0x42], 1],
    ["an overlong slash", [0x41, 0xc0, 0xaf], 1],
    ["a surrogate", [0xed, 0xa0, 0x80], 0],
    ["a character cut at the end", [0x41, 0xe2, 0x80], 1]
  ])("firstInvalidUtf8: %s", (_, bytes, at) => {
    expect(firstInvalidUtf8(Uint8Array.from(bytes))).toBe(at);
  });

  it("cuts a chunk only between whole UTF-8 characters", () => {
    const bytes = Buffer.from("aö€");
    expect(utf8Boundary(bytes, 2)).toBe(1);
    expect(utf8Boundary(bytes, 3)).toBe(3);
    expect(utf8Boundary(bytes, 5)).toBe(3);
  });

  it("decodes UTF-16 big-endian", () => {
    expect(decodeAs(Buffer.from("Göteborg", "utf16le").swap16(), "utf-16be")).toBe("Göteborg");
  });
});

describe("encodingFromHead: the declaration, checked against what the bytes show", () => {
  it.each([
    [[0xff, 0xfe, 0x41, 0x00], undefined, {encoding: "utf-16le", bomLength: 2, detected: true}],
    [[0xef, 0xbb, 0xbf, 0x41], "utf-8", {encoding: "utf-8", bomLength: 3, detected: false}],
    [[0x41, 0xf6], undefined, {encoding: "utf-8", bomLength: 0, detected: true}],
    [[0x41, 0xf6], "windows-1252", {encoding: "windows-1252", bomLength: 0, detected: false}],
    [[0x41, 0x00, 0x42, 0x00, 0x43, 0x00], "utf-16", {encoding: "utf-16le", bomLength: 0, detected: false}]
  ] as const)("%j declared %s", (bytes, declared, expected) => {
    expect(encodingFromHead("f.csv", Uint8Array.from(bytes), declared)).toEqual(expected);
  });

  it.each([
    [[0xfe, 0xff, 0x00, 0x41], "utf-8", 'f.csv, row 1: starts with the UTF-16 BE byte order mark (bytes FE FF), but data/sources.json declares UTF-8: declare its encoding as "utf-16be", or leave it out to detect it'],
    [[0x41, 0x42, 0x43, 0x44], "utf-16le", 'f.csv, row 1: declared UTF-16 LE, but the file has no byte order mark and not the NUL bytes of UTF-16 text: declare the encoding it has ("utf-8" or "latin-1"), or leave it out to detect it'],
    [[0x41, 0x00, 0x42, 0x00], "windows-1252", 'f.csv, row 1: has the NUL bytes of UTF-16 LE text (without a byte order mark), but data/sources.json declares Latin-1/Windows-1252: declare "utf-16le", or leave the encoding out to detect it']
  ] as const)("refuses %j declared %s", (bytes, declared, message) => {
    expect(loadError(() => encodingFromHead("f.csv", Uint8Array.from(bytes), declared)).message).toBe(message);
  });
});
