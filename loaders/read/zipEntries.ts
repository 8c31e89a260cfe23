/**
 * What an xlsx (a zip archive) unpacks to, read from its central directory
 * without inflating anything: a workbook that would unpack to hundreds of MB
 * is refused before a reader builds it in memory.
 */
import {fail} from "../errors.js";
import {formatBytes} from "./limits.js";

export interface ZipEntry {
  name: string;
  compressed: number;
  uncompressed: number;
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;

export function zipEntries(file: string, bytes: Uint8Array): ZipEntry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // The end-of-central-directory record sits in the last 22 bytes plus a comment of up to 64 KB.
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i--) {
    if (view.getUint32(i, true) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) fail({file}, "not a readable xlsx workbook, the file may be truncated (the zip archive has no central directory at its end)");
  const count = view.getUint16(eocd + 10, true);
  const offset = view.getUint32(eocd + 16, true);
  if (count === 0xffff || offset === 0xffffffff) fail({file}, "is a ZIP64 archive (over 4 GB or 65 535 parts): far larger than a workbook this reader opens");
  const entries: ZipEntry[] = [];
  let at = offset;
  for (let n = 0; n < count; n++) {
    if (at + 46 > bytes.length || view.getUint32(at, true) !== CENTRAL) fail({file}, "not a readable xlsx workbook, the file may be truncated (its zip directory is damaged)");
    const compressed = view.getUint32(at + 20, true);
    const uncompressed = view.getUint32(at + 24, true);
    const nameLength = view.getUint16(at + 28, true);
    const extra = view.getUint16(at + 30, true);
    const comment = view.getUint16(at + 32, true);
    const name = new TextDecoder().decode(bytes.subarray(at + 46, at + 46 + nameLength));
    if (uncompressed === 0xffffffff) fail({file}, `part ${name} is a ZIP64 entry (4 GB or more unpacked): far larger than a workbook this reader opens`);
    entries.push({name, compressed, uncompressed});
    at += 46 + nameLength + extra + comment;
  }
  return entries;
}

/** Refuses a workbook whose parts unpack to more than `limit` bytes, naming the largest part. */
export function checkUnpackedSize(file: string, bytes: Uint8Array, limit: number): void {
  const entries = zipEntries(file, bytes);
  const total = entries.reduce((sum, e) => sum + e.uncompressed, 0);
  if (total <= limit) return;
  const largest = entries.reduce((a, b) => (b.uncompressed > a.uncompressed ? b : a));
  fail({file}, `unpacks to ${formatBytes(total)} (${largest.name} alone ${formatBytes(largest.uncompressed)} from ${formatBytes(largest.compressed)} packed), more than the ${formatBytes(limit)} a workbook may unpack to here: save only the sheet with the answers, or save it as csv`);
}
