/**
 * Splits a stretch of UTF-8 csv bytes into records and cells in JavaScript:
 * only the head of a file (to find its header below any title lines, and its
 * delimiter) and its tail (to find notes below the table) are read this way;
 * DuckDB reads everything between.
 */
export interface RawRecord {
  /** 1-based line the record starts on. */
  line: number;
  /** Byte offsets of the record's start and of the byte after its line break. */
  start: number;
  end: number;
  cells: string[];
}

const QUOTE = 0x22;
const LF = 0x0a;
const CR = 0x0d;
const decoder = new TextDecoder("utf-8");

/**
 * Records of `bytes` from `from`, up to `max` of them. A last record without a
 * line break is included only when `atEnd` (the bytes reach the end of the file).
 */
export function splitRecords(bytes: Uint8Array, delimiter: string, {from = 0, line = 1, max = Infinity, atEnd = true} = {}): RawRecord[] {
  const DELIMITER = delimiter.charCodeAt(0);
  const records: RawRecord[] = [];
  let i = from;
  while (i < bytes.length && records.length < max) {
    const start = i;
    const startLine = line;
    const cells: string[] = [];
    let cell: number[] | undefined;
    let cellStart = i;
    let quoted = false;
    let wasQuoted = false;
    let ended = false;
    const pushCell = (endAt: number) => {
      if (wasQuoted) cells.push(decoder.decode(Uint8Array.from(cell!)));
      else cells.push(decoder.decode(bytes.subarray(cellStart, endAt)).replace(/\r$/, ""));
      cell = undefined;
      wasQuoted = false;
    };
    for (; i < bytes.length; i++) {
      const b = bytes[i]!;
      if (quoted) {
        if (b === QUOTE) {
          if (bytes[i + 1] === QUOTE) {
            cell!.push(QUOTE);
            i++;
          } else quoted = false;
        } else {
          if (b === LF) line++;
          cell!.push(b);
        }
      } else if (b === QUOTE && i === cellStart) {
        quoted = true;
        wasQuoted = true;
        cell = [];
      } else if (b === DELIMITER) {
        pushCell(i);
        cellStart = i + 1;
      } else if (b === LF) {
        pushCell(i);
        line++;
        i++;
        ended = true;
        break;
      } else if (wasQuoted && b !== CR && b !== 0x20) {
        // Text after a closing quote: keep it, as a lenient reader would; walkRecords reports it.
        cell!.push(b);
      }
    }
    if (!ended) {
      if (!atEnd || quoted) break;
      pushCell(i);
    }
    records.push({line: startLine, start, end: i, cells});
  }
  return records;
}

