/**
 * Record walking: one pass over a UTF-8 csv file's bytes, the way DuckDB's
 * strict parser reads them, to learn which physical line each row starts on
 * (blank lines and line breaks inside quotes move rows down) and, when DuckDB
 * refused the file, which line and why, in words a user can act on.
 */
import {open} from "node:fs/promises";
import {fail} from "../../errors.js";
import {formatBytes, LIMITS} from "../../read/limits.js";

export interface RecordWalk {
  /** From data row `fromRow` (0-based, as DuckDB numbers them) on, rows sit `extra` lines further down. */
  shifts: {fromRow: number; extra: number}[];
  /** Records including the header. */
  records: number;
  /** The first record that would stop a strict csv parser, with its line. */
  problem?: {line: number; message: string};
}

export interface WalkStart {
  /** Byte offset of the header record, and its 1-based line. */
  offset: number;
  line: number;
  headerFields: number;
  delimiter: string;
}

const QUOTE = 0x22;
const LF = 0x0a;
const CR = 0x0d;
const CHUNK_SIZE = 16 * 1024 * 1024;
// Parser states, as plain numbers to keep the byte loop cheap.
const FIELD_START = 0;
const UNQUOTED = 1;
const QUOTED = 2;
const AFTER_QUOTE = 3;

export const delimiterName = (delimiter: string): string => (delimiter === "\t" ? "tab" : JSON.stringify(delimiter));

export async function walkRecords(path: string, file: string, start: WalkStart, limit = LIMITS.csvRecordBytes): Promise<RecordWalk> {
  let handle;
  try {
    handle = await open(path, "r");
  } catch (error) {
    return fail({file}, `cannot be opened: ${(error as Error).message}`);
  }
  const DELIMITER = start.delimiter.charCodeAt(0);
  const {headerFields} = start;
  const shifts: RecordWalk["shifts"] = [];
  let problem: RecordWalk["problem"];
  const report = (line: number, message: string) => {
    problem ??= {line, message};
  };
  let line = start.line;
  let atLineStart = true;
  let record = -1;
  let recordLine = line;
  let recordStart = start.offset;
  let quoteLine = line;
  let fields = 0;
  let state = FIELD_START;
  let lastExtra = 0;
  let previous = -1;
  let firstEnding: "CR LF" | "LF" | undefined;
  let tooLong = false;

  const endRecord = (atLineBreak: boolean) => {
    if (fields !== headerFields) {
      report(recordLine, `has ${fields} field${fields === 1 ? "" : "s"} but the header has ${headerFields}: expected ${headerFields} fields separated by ${delimiterName(start.delimiter)}`);
    }
    if (!atLineBreak) return;
    const ending = previous === CR ? "CR LF" : "LF";
    firstEnding ??= ending;
    if (ending !== firstEnding) report(line, `ends in ${ending} but line ${start.line} ends in ${firstEnding}: expected one kind of line break throughout the file`);
  };

  try {
    const buffer = Buffer.allocUnsafe(CHUNK_SIZE);
    for (let position = start.offset; !tooLong; ) {
      const {bytesRead} = await handle.read(buffer, 0, CHUNK_SIZE, position);
      if (bytesRead === 0) break;
      for (let i = 0; i < bytesRead; i++) {
        const b = buffer[i]!;
        if (atLineStart) {
          if (b === CR) {
            previous = b;
            continue;
          }
          if (b === LF) {
            // A blank line, which DuckDB skips without counting a row.
            line++;
            previous = b;
            continue;
          }
          atLineStart = false;
          record++;
          recordLine = line;
          recordStart = position + i;
          fields = 1;
          state = FIELD_START;
          const extra = line - (start.line + record);
          if (extra !== lastExtra) {
            shifts.push({fromRow: record - 1, extra});
            lastExtra = extra;
          }
        } else if (position + i - recordStart > limit) {
          const length = `is longer than ${formatBytes(limit)}, the reader's limit for one record`;
          report(
            state === QUOTED ? quoteLine : recordLine,
            state === QUOTED ? `a quoted cell starts here and runs on for more than ${formatBytes(limit)}: expected a closing quote (one is probably missing)` : `${length}: expected a csv table row (is this a csv file?)`
          );
          tooLong = true;
          break;
        }
        switch (state) {
          case FIELD_START:
            if (b === QUOTE) {
              state = QUOTED;
              quoteLine = line;
            } else if (b === DELIMITER) fields++;
            else if (b === LF) {
              endRecord(true);
              line++;
              atLineStart = true;
            } else if (b !== CR) state = UNQUOTED;
            break;
          case UNQUOTED:
            if (b === DELIMITER) {
              fields++;
              state = FIELD_START;
            } else if (b === LF) {
              endRecord(true);
              line++;
              atLineStart = true;
            }
            break;
          case QUOTED:
            if (b === QUOTE) state = AFTER_QUOTE;
            else if (b === LF) line++;
            break;
          case AFTER_QUOTE:
            if (b === QUOTE) state = QUOTED;
            else if (b === DELIMITER) {
              fields++;
              state = FIELD_START;
            } else if (b === LF) {
              endRecord(true);
              line++;
              atLineStart = true;
            } else if (b !== CR && b !== 0x20) {
              report(line, `has text after a closing quote: expected ${delimiterName(start.delimiter)} or the end of the line after a quoted cell`);
              state = UNQUOTED;
            }
            break;
        }
        previous = b;
      }
      position += bytesRead;
    }
    if (tooLong) return {shifts, records: record + 1, problem};
    if (state === QUOTED && !atLineStart) report(quoteLine, "a quoted cell starts here and never ends: expected a closing quote");
    else if (!atLineStart) endRecord(false);
  } finally {
    await handle.close();
  }
  return {shifts, records: record + 1, problem};
}

/** DuckDB's 0-based data row → the 1-based line of the file it starts on. */
export function lineMapper(headerLine: number, shifts: RecordWalk["shifts"]): (row: number) => number {
  return (row) => {
    let extra = 0;
    for (const shift of shifts) {
      if (shift.fromRow > row) break;
      extra = shift.extra;
    }
    return row + headerLine + 1 + extra;
  };
}
