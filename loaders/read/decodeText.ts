import {fail} from "../errors.js";

export type TextEncoding = "utf-8" | "latin-1";

function lineAt(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i++) if (bytes[i] === 0x0a) line++;
  return line;
}

/** Offset of the first byte that breaks UTF-8, or -1 when the bytes are valid UTF-8. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i]!;
    const n = b < 0x80 ? 0 : b >= 0xc2 && b < 0xe0 ? 1 : b >= 0xe0 && b < 0xf0 ? 2 : b >= 0xf0 && b < 0xf5 ? 3 : -1;
    if (n < 0) return i;
    for (let j = 1; j <= n; j++) if (i + j >= bytes.length || (bytes[i + j]! & 0xc0) !== 0x80) return i;
    i += n + 1;
  }
  return -1;
}

/**
 * Decodes a text file in the encoding its source declares, and refuses a file
 * that is evidently in the other one: Latin-1 text read as UTF-8 fails to
 * decode, and UTF-8 text read as Latin-1 turns "ö" into "Ã¶" without any error,
 * so both directions are checked.
 */
export function decodeText(file: string, bytes: Uint8Array, encoding: TextEncoding): string {
  if (bytes.length === 0) fail({file}, "empty file (expected a header row)");
  if (encoding === "utf-8") {
    const bad = firstInvalidUtf8(bytes);
    if (bad >= 0) {
      const byte = bytes[bad]!;
      const hint = byte >= 0xa0 ? ` (0x${byte.toString(16)} is "${String.fromCharCode(byte)}" in Latin-1/Windows-1252: the file looks like Latin-1)` : "";
      fail({file, row: lineAt(bytes, bad)}, `not valid UTF-8 at byte ${bad}${hint}; expected UTF-8 as declared in data/sources.json`);
    }
    const text = new TextDecoder("utf-8").decode(bytes);
    return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  }
  // Latin-1 declared: a UTF-8 multibyte sequence (e.g. C3 B6 for "ö") means the declaration is wrong.
  for (let i = 0; i + 1 < bytes.length; i++) {
    if (bytes[i]! >= 0xc2 && bytes[i]! <= 0xdf && (bytes[i + 1]! & 0xc0) === 0x80 && firstInvalidUtf8(bytes) < 0) {
      fail({file, row: lineAt(bytes, i)}, `looks like UTF-8 (bytes ${bytes[i]!.toString(16)} ${bytes[i + 1]!.toString(16)} at byte ${i}), expected Latin-1 as declared in data/sources.json`);
    }
  }
  return new TextDecoder("windows-1252").decode(bytes);
}
