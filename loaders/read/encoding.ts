/**
 * The one decoder: which encodings a source may declare, how a file's bytes
 * show its encoding (byte order mark, UTF-8 validity, the NUL bytes of
 * UTF-16), Windows-1252 decoding, and the messages for a declaration that the
 * bytes contradict. Whole-buffer readers (read/decodeText.ts) and the
 * streaming scan of large register files (register/csv/scanCsv.ts) both use it.
 *
 * "latin-1" is read as Windows-1252, the Latin-1 superset that Swedish Windows
 * exports actually use ("–", "’" and "€" live in 0x80–0x9F). Node 20's
 * TextDecoder("windows-1252") decodes those bytes as Latin-1 control
 * characters, so this module maps them itself.
 */
import {transcode} from "node:buffer";
import {fail, quote} from "../errors.js";

export type Encoding = "utf-8" | "windows-1252" | "utf-16le" | "utf-16be";

/** What data/sources.json may say, mapped to what is read. "utf-16" leaves the byte order to the BOM. */
const DECLARED: Record<string, Encoding | "utf-16"> = {
  "utf-8": "utf-8",
  utf8: "utf-8",
  "latin-1": "windows-1252",
  latin1: "windows-1252",
  "iso-8859-1": "windows-1252",
  "windows-1252": "windows-1252",
  cp1252: "windows-1252",
  "utf-16": "utf-16",
  "utf-16le": "utf-16le",
  "utf-16be": "utf-16be"
};
export type DeclaredEncoding = keyof typeof DECLARED | (string & {});

export const ENCODING_NAME: Record<Encoding, string> = {
  "utf-8": "UTF-8",
  "windows-1252": "Latin-1/Windows-1252",
  "utf-16le": "UTF-16 LE",
  "utf-16be": "UTF-16 BE"
};

/** How to declare each encoding in data/sources.json. */
export const DECLARE_AS: Record<Encoding, string> = {"utf-8": "utf-8", "windows-1252": "latin-1", "utf-16le": "utf-16le", "utf-16be": "utf-16be"};

export function declaredEncoding(file: string, declared: string | undefined): Encoding | "utf-16" | undefined {
  if (declared === undefined) return undefined;
  const encoding = DECLARED[declared.toLowerCase()];
  if (!encoding) fail({file}, `unknown encoding ${quote(declared)} in data/sources.json: expected "utf-8", "latin-1", "utf-16le" or "utf-16be" (or none, to detect it)`);
  return encoding;
}

export interface Bom {
  encoding: Encoding;
  length: number;
  bytes: string;
}

export function bomOf(bytes: Uint8Array): Bom | undefined {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return {encoding: "utf-8", length: 3, bytes: "EF BB BF"};
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return {encoding: "utf-16le", length: 2, bytes: "FF FE"};
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return {encoding: "utf-16be", length: 2, bytes: "FE FF"};
  return undefined;
}

/**
 * UTF-16 without a BOM: text in Latin script has a NUL in every other byte.
 * Looks at up to the first 4 KB; undefined when the bytes do not look so.
 */
export function utf16ByNulBytes(bytes: Uint8Array): "utf-16le" | "utf-16be" | undefined {
  const n = Math.min(bytes.length, 4096) & ~1;
  if (n < 4) return undefined;
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenNul++;
    if (bytes[i + 1] === 0) oddNul++;
  }
  const pairs = n / 2;
  if (oddNul > pairs * 0.6 && evenNul < pairs * 0.05) return "utf-16le";
  if (evenNul > pairs * 0.6 && oddNul < pairs * 0.05) return "utf-16be";
  return undefined;
}

/** Offset of the first byte that does not start a valid UTF-8 sequence (overlongs and surrogates included), or -1. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    const more = b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : -1;
    if (more < 0 || i + more >= bytes.length) return i;
    const next = bytes[i + 1]!;
    if ((b === 0xe0 && next < 0xa0) || (b === 0xed && next > 0x9f) || (b === 0xf0 && next < 0x90) || (b === 0xf4 && next > 0x8f)) return i;
    for (let k = 1; k <= more; k++) if ((bytes[i + k]! & 0xc0) !== 0x80) return i;
    i += more + 1;
  }
  return -1;
}

/** The end of the last complete UTF-8 character in buffer[0, end): where a chunk may be cut. */
export function utf8Boundary(buffer: Uint8Array, end: number): number {
  for (let k = end - 1; k >= Math.max(0, end - 4); k--) {
    const b = buffer[k]!;
    if ((b & 0xc0) === 0x80) continue;
    const length = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 1;
    return k + length > end ? k : end;
  }
  return end;
}

// Windows-1252 is Latin-1 with printable characters in 0x80–0x9F; the five
// bytes it leaves undefined keep their Latin-1 code points, as WHATWG decodes them.
const WINDOWS_1252_80_9F =
  "\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f" +
  "\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178";
const WINDOWS_1252_80_9F_UTF8 = [...WINDOWS_1252_80_9F].map((ch) => Buffer.from(ch, "utf8"));

export function decodeWindows1252(bytes: Uint8Array): string {
  const latin1 = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("latin1");
  return latin1.replace(/[\u0080-\u009f]/g, (ch) => WINDOWS_1252_80_9F[ch.charCodeAt(0) - 0x80]!);
}

/** Windows-1252 bytes as UTF-8 bytes, chunk by chunk (every byte is one character, so chunks cut anywhere). */
export function windows1252ToUtf8(bytes: Uint8Array): Buffer {
  const utf8 = transcode(bytes, "latin1", "utf8");
  // Latin-1's U+0080–U+009F come out as C2 80–C2 9F; C2 is never a continuation byte, so this finds only those.
  const parts: Uint8Array[] = [];
  let from = 0;
  for (let at = utf8.indexOf(0xc2); at >= 0; at = utf8.indexOf(0xc2, at + 2)) {
    const next = utf8[at + 1]!;
    if (next > 0x9f) continue;
    parts.push(utf8.subarray(from, at), WINDOWS_1252_80_9F_UTF8[next - 0x80]!);
    from = at + 2;
  }
  if (parts.length === 0) return utf8;
  parts.push(utf8.subarray(from));
  return Buffer.concat(parts);
}

/** UTF-16 bytes (no BOM) as a string; an odd trailing byte is an error the caller reports. */
export function decodeUtf16(bytes: Uint8Array, encoding: "utf-16le" | "utf-16be"): string {
  const copy = Buffer.from(bytes.subarray(0, bytes.length & ~1));
  if (encoding === "utf-16be") copy.swap16();
  return copy.toString("utf16le");
}

const utf8Decoder = new TextDecoder("utf-8");

/** Bytes (without BOM) as text in a known encoding. */
export function decodeAs(bytes: Uint8Array, encoding: Encoding): string {
  if (encoding === "utf-8") return utf8Decoder.decode(bytes);
  if (encoding === "windows-1252") return decodeWindows1252(bytes);
  return decodeUtf16(bytes, encoding);
}

export const hexBytes = (bytes: Uint8Array): string => [...bytes].map((b) => b.toString(16).toUpperCase().padStart(2, "0")).join(" ");

/** Declared UTF-8, found a byte that is not: most often the file is Windows-1252. */
export function notUtf8Message(byte: number, offset: number, line: Uint8Array): string {
  const asWindows1252 = decodeWindows1252(Uint8Array.of(byte));
  const where = `byte 0x${hexBytes(Uint8Array.of(byte))} at byte offset ${offset}`;
  // A Latin-1 letter such as ö (0xF6) is never valid UTF-8 after a plain letter, which makes this the usual cause.
  if (/[\p{L}\p{N}\p{P}\p{S}\p{Zs}]/u.test(asWindows1252)) {
    return `not valid UTF-8: ${where} is ${JSON.stringify(asWindows1252)} in Latin-1/Windows-1252, where the line reads ${JSON.stringify(decodeWindows1252(line))}: the file looks like Latin-1/Windows-1252, so declare its encoding as "latin-1"`;
  }
  return `not valid UTF-8: ${where}: expected UTF-8 text, as declared`;
}

/** Declared Latin-1, found valid UTF-8 with a multibyte character: reading it as Latin-1 would turn "ö" into "Ã¶" silently. */
export function looksUtf8Message(offset: number, sequence: Uint8Array, line: Uint8Array): string {
  const bom = offset === 0 && hexBytes(sequence) === "EF BB BF";
  const what = bom
    ? `starts with a UTF-8 byte order mark (bytes EF BB BF, which read as ${JSON.stringify(decodeWindows1252(sequence))} in Latin-1)`
    : `has bytes ${hexBytes(sequence)} at byte offset ${offset}, which read as ${JSON.stringify(decodeWindows1252(sequence))} in Latin-1 but ${JSON.stringify(utf8Decoder.decode(sequence))} in UTF-8 (the line reads ${JSON.stringify(utf8Decoder.decode(line))} as UTF-8)`;
  return `declared latin-1, but the file is valid UTF-8 and ${what}: the file looks like UTF-8, so declare its encoding as "utf-8"`;
}

/** A byte order mark that says another encoding than the declaration. */
export function bomContradictsMessage(bom: Bom, declared: Encoding | "utf-16"): string {
  const said = declared === "utf-16" ? "UTF-16" : ENCODING_NAME[declared];
  return `starts with the ${ENCODING_NAME[bom.encoding]} byte order mark (bytes ${bom.bytes}), but data/sources.json declares ${said}: declare its encoding as "${DECLARE_AS[bom.encoding]}", or leave it out to detect it`;
}

/** The length of the UTF-8 sequence a lead byte starts. */
export const utf8SequenceLength = (lead: number): number => (lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : 2);

/**
 * The encoding of a file from its first bytes and its declaration. A BOM
 * decides; UTF-16 without one is recognised by its NUL bytes; otherwise a
 * declared encoding is taken as given (its bytes are checked by the reader as
 * it goes), and an undeclared file is UTF-8 until a byte says otherwise.
 */
export function encodingFromHead(file: string, head: Uint8Array, declared: Encoding | "utf-16" | undefined): {encoding: Encoding; bomLength: number; detected: boolean} {
  const bom = bomOf(head);
  if (bom) {
    // A Latin-1 file cannot start with EF BB BF as text ("ï»¿"): the reader's UTF-8 check names it.
    if (declared !== undefined && declared !== bom.encoding && !(declared === "utf-16" && bom.encoding !== "utf-8") && !(declared === "windows-1252" && bom.encoding === "utf-8")) {
      fail({file, row: 1}, bomContradictsMessage(bom, declared));
    }
    if (declared === "windows-1252") return {encoding: "windows-1252", bomLength: 0, detected: false};
    return {encoding: bom.encoding, bomLength: bom.length, detected: declared === undefined};
  }
  const utf16 = utf16ByNulBytes(head);
  if (declared === "utf-16" || declared === "utf-16le" || declared === "utf-16be") {
    if (!utf16) fail({file, row: 1}, `declared ${declared === "utf-16" ? "UTF-16" : ENCODING_NAME[declared]}, but the file has no byte order mark and not the NUL bytes of UTF-16 text: declare the encoding it has ("utf-8" or "latin-1"), or leave it out to detect it`);
    if (declared !== "utf-16" && declared !== utf16) fail({file, row: 1}, `declared ${ENCODING_NAME[declared]}, but its NUL bytes say ${ENCODING_NAME[utf16]}: declare "${utf16}"`);
    return {encoding: utf16, bomLength: 0, detected: false};
  }
  if (utf16) {
    if (declared !== undefined) fail({file, row: 1}, `has the NUL bytes of ${ENCODING_NAME[utf16]} text (without a byte order mark), but data/sources.json declares ${ENCODING_NAME[declared]}: declare "${utf16}", or leave the encoding out to detect it`);
    return {encoding: utf16, bomLength: 0, detected: true};
  }
  return {encoding: declared ?? "utf-8", bomLength: 0, detected: declared === undefined};
}
