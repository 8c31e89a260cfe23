/**
 * Decodes a whole text file (survey exports, JSON downloads, reference lists)
 * with the one decoder in read/encoding.ts: the declared encoding checked
 * against the bytes in both directions, or the encoding detected when the
 * source declares none.
 */
import {fail} from "../errors.js";
import {
  declaredEncoding,
  decodeAs,
  encodingFromHead,
  firstInvalidUtf8,
  looksUtf8Message,
  notUtf8Message,
  utf8SequenceLength,
  type Encoding
} from "./encoding.js";

export interface DecodedText {
  text: string;
  encoding: Encoding;
  /** True when the source declared no encoding and the bytes decided. */
  detected: boolean;
}

/** The 1-based line holding a byte offset, and that line's bytes (without its line break). */
export function lineOfOffset(bytes: Uint8Array, offset: number): {line: number; text: Uint8Array} {
  let line = 1;
  let start = 0;
  for (let i = 0; i < offset; i++) {
    if (bytes[i] === 0x0a) {
      line++;
      start = i + 1;
    }
  }
  let end = start;
  while (end < bytes.length && bytes[end] !== 0x0a && end - start < 200) end++;
  if (end > start && bytes[end - 1] === 0x0d) end--;
  return {line, text: bytes.subarray(start, end)};
}

const hasNonAscii = (bytes: Uint8Array): number => bytes.findIndex((b) => b >= 0x80);

export function decodeText(file: string, bytes: Uint8Array, declared?: string): DecodedText {
  const wanted = declaredEncoding(file, declared);
  const {encoding, bomLength, detected} = encodingFromHead(file, bytes.subarray(0, 4096), wanted);
  const body = bytes.subarray(bomLength);
  if (encoding === "utf-8") {
    const bad = firstInvalidUtf8(body);
    if (bad >= 0) {
      // Undeclared: a byte that is not UTF-8 makes it Windows-1252, the only other 8-bit encoding Swedish files use.
      if (wanted === undefined) return {text: decodeAs(body, "windows-1252"), encoding: "windows-1252", detected: true};
      const {line, text} = lineOfOffset(bytes, bad + bomLength);
      fail({file, row: line}, notUtf8Message(body[bad]!, bad + bomLength, text));
    }
  } else if (encoding === "windows-1252") {
    const first = hasNonAscii(bytes);
    if (first >= 0 && firstInvalidUtf8(bytes) < 0) {
      const {line, text} = lineOfOffset(bytes, first);
      fail({file, row: line}, looksUtf8Message(first, bytes.subarray(first, first + utf8SequenceLength(bytes[first]!)), text));
    }
  } else if (body.length % 2 === 1) {
    fail({file}, `has an odd number of bytes after the byte order mark (${body.length}): expected whole 2-byte UTF-16 characters; the file may be truncated`);
  }
  return {text: decodeAs(body, encoding), encoding, detected};
}
