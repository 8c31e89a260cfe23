/**
 * Notes below a publisher's table ("Källa: Socialstyrelsen", footnotes,
 * "Uppgifterna avser …") and Excel's rows of only delimiters: found in the
 * file's tail, cut off before DuckDB reads the table, and reported.
 */
import {copyFile, open, truncate} from "node:fs/promises";
import {namesArea, type AreaIndex} from "../../reference/areaIndex.js";
import {isEmptyRow, rowText, trailingNotes} from "../../read/tableRows.js";
import {splitRecords, type RawRecord} from "./splitRecords.js";

// Notes are a few lines: the last 64 KB and 100 lines are looked at, however long the file.
const TAIL_BYTES = 64 * 1024;
const MAX_NOTES = 100;

export interface Footer {
  /** Byte offset where the notes (or the empty rows ending the file) begin. */
  start: number;
  records: RawRecord[];
}

/**
 * The block of note lines (and blank or delimiter-only lines among them) that
 * ends the file, after the last line that could be a table row. A lone cell
 * that names an area is a table row with blank values, not a note.
 */
export async function findFooter(path: string, size: number, headerEnd: number, delimiter: string, areas: AreaIndex): Promise<Footer | undefined> {
  const from = Math.max(headerEnd, size - TAIL_BYTES);
  const bytes = Buffer.alloc(size - from);
  const handle = await open(path, "r");
  try {
    await handle.read(bytes, 0, bytes.length, from);
  } finally {
    await handle.close();
  }
  // Start at a line boundary; the header's end is one.
  const first = from === headerEnd ? 0 : bytes.indexOf(0x0a) + 1;
  if (first <= 0 && from !== headerEnd) return undefined;
  const all = splitRecords(bytes, delimiter, {from: first});
  const records = all.slice(-MAX_NOTES - 1);
  const names = (cells: readonly string[]) => namesArea(areas, cells.find((c) => c.trim() !== "")!);
  const count = trailingNotes(records.map((r) => r.cells), names);
  // Every line looked at in a long tail is a note: not notes below a table, but something else (a cell left open?).
  if (count === 0 || (count === records.length && (from !== headerEnd || all.length > records.length))) return undefined;
  const notes = records.slice(records.length - count);
  const lines = await lineBreaksBefore(path, from + first);
  return {start: from + notes[0]!.start, records: notes.map((r) => ({...r, line: r.line + lines, start: from + r.start, end: from + r.end}))};
}

async function lineBreaksBefore(path: string, offset: number): Promise<number> {
  const handle = await open(path, "r");
  const buffer = Buffer.allocUnsafe(16 * 1024 * 1024);
  let count = 0;
  try {
    for (let position = 0; position < offset; ) {
      const {bytesRead} = await handle.read(buffer, 0, Math.min(buffer.length, offset - position), position);
      if (bytesRead === 0) break;
      const chunk = buffer.subarray(0, bytesRead);
      for (let at = chunk.indexOf(0x0a); at >= 0; at = chunk.indexOf(0x0a, at + 1)) count++;
      position += bytesRead;
    }
  } finally {
    await handle.close();
  }
  return count;
}

/** The table without its notes, in the file DuckDB will read (a copy: the original stays as delivered). */
export async function cutFooter(path: string, copy: string | undefined, copyPath: string, footer: Footer): Promise<string> {
  if (!copy) await copyFile(path, copyPath);
  await truncate(copyPath, footer.start);
  return copyPath;
}

/** The warning for notes left out: where the first note is, and the lines the notes span. Empty rows alone need none. */
export function footerWarning(footer: Footer): {row: number; message: string} | undefined {
  const notes = footer.records.filter((r) => !isEmptyRow(r.cells));
  if (notes.length === 0) return undefined;
  const first = footer.records[0]!;
  const last = footer.records[footer.records.length - 1]!;
  const lines = first.line === last.line ? `line ${first.line}` : `lines ${first.line}–${last.line}`;
  return {row: notes[0]!.line, message: `left out ${notes.length} note line${notes.length === 1 ? "" : "s"} below the table (${lines}, first ${JSON.stringify(rowText(notes[0]!.cells))})`};
}
