/**
 * Bytes and encoding of a register csv: one streaming pass that settles the
 * encoding (declared and checked against the bytes, or detected), refuses
 * downloads that are not data, writes a UTF-8 copy when DuckDB cannot read the
 * file as it is (Windows-1252, UTF-16), and notes whether rows can sit off
 * their line numbers (quotes, blank lines).
 */
import {isAscii, isUtf8} from "node:buffer";
import {open, type FileHandle} from "node:fs/promises";
import {fail} from "../../errors.js";
import {
  declaredEncoding,
  decodeAs,
  encodingFromHead,
  firstInvalidUtf8,
  looksUtf8Message,
  notUtf8Message,
  utf8Boundary,
  utf8SequenceLength,
  windows1252ToUtf8,
  type Encoding
} from "../../read/encoding.js";
import {checkDownload} from "../../read/sniffDownload.js";

export interface CsvScan {
  /** The UTF-8 file DuckDB reads: the original, or the copy. */
  path: string;
  /** Set when a copy was written (the caller removes it). */
  copy?: string;
  encoding: Encoding;
  detected: boolean;
  /** A UTF-8 byte order mark left at the start of `path`. */
  bomLength: number;
  size: number;
  /** Quotes or blank lines: rows may not be on line (row number + header line + 1). */
  mayHaveExtraLines: boolean;
}

const CHUNK_SIZE = 16 * 1024 * 1024;
const QUOTE = 0x22;
const LF = 0x0a;
const CR = 0x0d;
const LF_LF = Buffer.from("\n\n");
const LF_CR_LF = Buffer.from("\n\r\n");

export async function openFile(path: string, file: string, flags = "r"): Promise<FileHandle> {
  try {
    return await open(path, flags);
  } catch (error) {
    return fail({file}, `cannot be opened: ${(error as Error).message}`);
  }
}

/** Error path only: the line holding a byte offset, by counting line breaks before it, and its first 200 bytes. */
async function lineAt(handle: FileHandle, offset: number): Promise<{line: number; text: Buffer}> {
  const buffer = Buffer.allocUnsafe(CHUNK_SIZE);
  let line = 1;
  let lineStart = 0;
  for (let position = 0; position < offset; ) {
    const {bytesRead} = await handle.read(buffer, 0, Math.min(CHUNK_SIZE, offset - position), position);
    if (bytesRead === 0) break;
    const chunk = buffer.subarray(0, bytesRead);
    for (let at = chunk.indexOf(LF); at >= 0; at = chunk.indexOf(LF, at + 1)) {
      line++;
      lineStart = position + at + 1;
    }
    position += bytesRead;
  }
  const text = Buffer.alloc(200);
  const {bytesRead} = await handle.read(text, 0, 200, lineStart);
  const end = text.subarray(0, bytesRead).indexOf(LF);
  return {line, text: text.subarray(0, end < 0 ? bytesRead : end > 0 && text[end - 1] === CR ? end - 1 : end)};
}

/** Decodes UTF-16 chunk by chunk: an odd byte or a split surrogate pair waits for the next chunk. */
function utf16Chunker(encoding: "utf-16le" | "utf-16be") {
  let carry = Buffer.alloc(0);
  return (bytes: Buffer, last: boolean): Buffer => {
    let all = carry.length ? Buffer.concat([carry, bytes]) : Buffer.from(bytes);
    let cut = all.length & ~1;
    if (!last && cut >= 2) {
      const unit = encoding === "utf-16le" ? all.readUInt16LE(cut - 2) : all.readUInt16BE(cut - 2);
      if (unit >= 0xd800 && unit <= 0xdbff) cut -= 2;
    }
    carry = all.subarray(cut);
    all = all.subarray(0, cut);
    if (last && carry.length) throw new Error("odd");
    return Buffer.from(decodeAs(all, encoding), "utf8");
  };
}

/**
 * Scans `path`; `copyPath` is where a UTF-8 copy goes if one is needed. An
 * undeclared file is read as UTF-8 until a byte says it is not, and then again
 * as Windows-1252.
 */
export async function scanCsv(path: string, file: string, declared: string | undefined, copyPath: string): Promise<CsvScan> {
  const wanted = declaredEncoding(file, declared);
  const handle = await openFile(path, file);
  try {
    const size = (await handle.stat()).size;
    const head = Buffer.alloc(Math.min(size, 64 * 1024));
    await handle.read(head, 0, head.length, 0);
    const start = encodingFromHead(file, head, wanted);
    checkDownload(file, decodeAs(head.subarray(start.bomLength, 8192), start.encoding), size, "a csv table");
    const first = await pass(handle, file, size, start.encoding, start.bomLength, wanted !== undefined, copyPath);
    if (first !== "not utf-8") return {...first, path: first.copy ?? path, detected: start.detected, size: first.size};
    const again = await pass(handle, file, size, "windows-1252", 0, false, copyPath);
    if (again === "not utf-8") throw new Error("unreachable");
    return {...again, path: again.copy!, detected: true};
  } finally {
    await handle.close();
  }
}

type Pass = Omit<CsvScan, "path" | "detected">;

async function pass(handle: FileHandle, file: string, fileSize: number, encoding: Encoding, bomLength: number, declared: boolean, copyPath: string): Promise<Pass | "not utf-8"> {
  const needsCopy = encoding !== "utf-8";
  const copy = needsCopy ? await openFile(copyPath, file, "w") : undefined;
  const toUtf8 = encoding === "windows-1252" ? (b: Buffer) => windows1252ToUtf8(b) : encoding === "utf-8" ? undefined : utf16Chunker(encoding);
  try {
    const buffer = Buffer.allocUnsafe(Math.min(CHUNK_SIZE, Math.max(fileSize, 1)) + 4);
    let base = 0; // file offset of buffer[0]
    let carry = 0; // bytes at the start of buffer kept from the previous chunk
    let readOffset = needsCopy ? bomLength : 0;
    // Windows-1252 that was detected (not declared) is known not to be UTF-8; declared, it must not be.
    let validUtf8 = encoding === "utf-8" || declared;
    let firstMultibyte = -1;
    let hasQuote = false;
    let hasBlankLine = false;
    let last = -1;
    let beforeLast = -1;
    let written = 0;
    for (;;) {
      const {bytesRead} = await handle.read(buffer, carry, buffer.length - 4 - carry, readOffset);
      readOffset += bytesRead;
      const end = carry + bytesRead;
      const eof = bytesRead === 0 || readOffset >= fileSize;
      const fresh = buffer.subarray(carry, end);
      // Quotes and line breaks are the same bytes in the UTF-8 output; checked there for UTF-16.
      let out: Buffer = fresh;
      if (toUtf8) {
        try {
          out = encoding === "windows-1252" ? (toUtf8 as (b: Buffer) => Buffer)(fresh) : (toUtf8 as (b: Buffer, l: boolean) => Buffer)(Buffer.from(fresh), eof);
        } catch {
          fail({file}, `has an odd number of bytes (${fileSize}): expected whole 2-byte UTF-16 characters; the file may be truncated`);
        }
        await copy!.write(out);
        written += out.length;
      }
      hasQuote ||= out.indexOf(QUOTE) >= 0;
      hasBlankLine ||=
        out.indexOf(LF_LF) >= 0 || out.indexOf(LF_CR_LF) >= 0 || (last === LF && (out[0] === LF || (out[0] === CR && out[1] === LF))) || (beforeLast === LF && last === CR && out[0] === LF);
      if (out.length >= 1) last = out[out.length - 1]!;
      if (out.length >= 2) beforeLast = out[out.length - 2]!;

      if (encoding === "utf-8" || encoding === "windows-1252") {
        // Validate up to the last complete character; the rest starts the next chunk.
        const cut = eof ? end : utf8Boundary(buffer, end);
        if (validUtf8) {
          const region = buffer.subarray(0, cut);
          if (!isUtf8(region)) {
            validUtf8 = false;
            if (encoding === "utf-8") {
              if (!declared) return "not utf-8";
              const at = base + firstInvalidUtf8(region);
              const {line, text} = await lineAt(handle, at);
              const byte = Buffer.alloc(1);
              await handle.read(byte, 0, 1, at);
              fail({file, row: line}, notUtf8Message(byte[0]!, at, text));
            }
          } else if (encoding === "windows-1252" && declared && firstMultibyte < 0 && !isAscii(region)) {
            firstMultibyte = base + region.findIndex((b) => b >= 0x80);
          }
        }
        if (eof) break;
        // Only validation carries bytes over: they were written (if copied) when first read.
        buffer.copy(buffer, 0, cut, end);
        carry = end - cut;
        base += cut;
      } else if (eof) break;
    }
    if (encoding === "windows-1252" && declared && validUtf8 && firstMultibyte >= 0) {
      const {line, text} = await lineAt(handle, firstMultibyte);
      const lead = Buffer.alloc(4);
      await handle.read(lead, 0, 4, firstMultibyte);
      fail({file, row: line}, looksUtf8Message(firstMultibyte, lead.subarray(0, utf8SequenceLength(lead[0]!)), text));
    }
    return {copy: needsCopy ? copyPath : undefined, encoding, bomLength: needsCopy ? 0 : bomLength, size: needsCopy ? written : fileSize, mayHaveExtraLines: hasQuote || hasBlankLine};
  } finally {
    await copy?.close();
  }
}
