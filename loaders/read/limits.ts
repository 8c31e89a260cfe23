/**
 * Size limits, so a file too large or malformed for a reader stops the load
 * with a message instead of running for minutes into a heap crash. Each is far
 * above what a real source of this project holds.
 */
export const LIMITS = {
  /** A JSON download is parsed whole (JSON-stat, Kolada). */
  jsonBytes: 512 * 1024 * 1024,
  /** Cells of a JSON-stat cube (the product of "size"); SCB's API caps a query far below this. */
  jsonStatCells: 20_000_000,
  /** One csv record (a line, or several lines inside quotes). */
  csvRecordBytes: 8 * 1024 * 1024,
  /** A delimited file read whole in JavaScript (survey exports, reference lists). */
  textFileBytes: 128 * 1024 * 1024,
  /** An xlsx workbook: the file, and what its parts unpack to. */
  xlsxFileBytes: 64 * 1024 * 1024,
  xlsxUnpackedBytes: 100 * 1024 * 1024
} as const;

/** "512 MB", "8 MB", "1.5 GB": sizes in messages. */
export function formatBytes(bytes: number): string {
  const units = ["bytes", "KB", "MB", "GB", "TB"];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return unit === 0 ? `${bytes} bytes` : `${value >= 10 || Number.isInteger(value) ? Math.round(value) : value.toFixed(1)} ${units[unit]}`;
}
