// Whole-file decoding with the one decoder: declared encodings checked both ways, undeclared ones detected.
import {describe, expect, it} from "vitest";
import {decodeText, lineOfOffset} from "../../../loaders/read/decodeText.js";
import {loadError} from "../../helpers/loadError.js";

const latin1 = (text: string) => Buffer.from(text, "latin1");

describe("decodeText", () => {
  it.each([
    ["UTF-8", Buffer.from("Kod;Namn\n0114;Upplands Väsby\n"), undefined, "utf-8"],
    ["UTF-8 with BOM", Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from("Kod;Namn\n")]), "utf-8", "utf-8"],
    ["Windows-1252, undeclared", latin1("Kod;Namn\n0114;Upplands Väsby\n"), undefined, "windows-1252"],
    ["Windows-1252, declared latin-1", latin1("Kod;Namn\n0114;Upplands Väsby\n"), "latin-1", "windows-1252"],
    ["UTF-16 LE with BOM", Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from("Kod;Namn\n0114;Upplands Väsby\n", "utf16le")]), undefined, "utf-16le"]
  ])("%s", (_, bytes, declared, encoding) => {
    const decoded = decodeText("f.csv", bytes, declared);
    expect(decoded.encoding).toBe(encoding);
    expect(decoded.text.replace(/^\ufeff/, "")).toMatch(/^Kod;Namn\n/);
    expect(decoded.detected).toBe(declared === undefined);
  });

  it("refuses Latin-1 bytes declared UTF-8, with the line and the letter", () => {
    expect(loadError(() => decodeText("f.csv", latin1("Kod;Namn\n0114;Upplands Väsby\n"), "utf-8")).message).toBe(
      'f.csv, row 2: not valid UTF-8: byte 0xE4 at byte offset 24 is "ä" in Latin-1/Windows-1252, where the line reads "0114;Upplands Väsby": the file looks like Latin-1/Windows-1252, so declare its encoding as "latin-1"'
    );
  });

  it("refuses UTF-8 declared Latin-1, which would otherwise turn ä into Ã¤ without a word", () => {
    expect(loadError(() => decodeText("f.csv", Buffer.from("Kod;Namn\n0114;Upplands Väsby\n"), "latin-1")).message).toBe(
      'f.csv, row 2: declared latin-1, but the file is valid UTF-8 and has bytes C3 A4 at byte offset 24, which read as "Ã¤" in Latin-1 but "ä" in UTF-8 (the line reads "0114;Upplands Väsby" as UTF-8): the file looks like UTF-8, so declare its encoding as "utf-8"'
    );
  });

  it("refuses an encoding it does not know, and UTF-16 with half a character", () => {
    expect(loadError(() => decodeText("f.csv", Buffer.from("a"), "ebcdic")).message).toBe('f.csv: unknown encoding "ebcdic" in data/sources.json: expected "utf-8", "latin-1", "utf-16le" or "utf-16be" (or none, to detect it)');
    expect(loadError(() => decodeText("f.csv", Buffer.from([0xff, 0xfe, 0x41, 0x00, 0x42]))).message).toBe(
      "f.csv: has an odd number of bytes after the byte order mark (3): expected whole 2-byte UTF-16 characters; the file may be truncated"
    );
  });

  it("finds the line of a byte offset", () => {
    const bytes = Buffer.from("a\r\nbc\r\ndef");
    expect(lineOfOffset(bytes, 4)).toEqual({line: 2, text: Buffer.from("bc")});
    expect(lineOfOffset(bytes, 8)).toEqual({line: 3, text: Buffer.from("def")});
  });
});
