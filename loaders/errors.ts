/**
 * One error type for every load failure, so a message always says where
 * (file, row, column), what was found and what was expected. Rows are
 * 1-based as a spreadsheet user sees them, counting the header row.
 */
export interface Where {
  file: string;
  row?: number;
  column?: string;
}

export class LoadError extends Error {
  readonly file: string;
  readonly row?: number;
  readonly column?: string;
  constructor(where: Where, message: string) {
    super(`${formatWhere(where)}: ${message}`);
    this.name = "LoadError";
    this.file = where.file;
    this.row = where.row;
    this.column = where.column;
  }
}

export function formatWhere({file, row, column}: Where): string {
  const parts = [file];
  if (row !== undefined) parts.push(`row ${row}`);
  if (column !== undefined) parts.push(`column ${column}`);
  return parts.join(", ");
}

export function fail(where: Where, message: string): never {
  throw new LoadError(where, message);
}

/** Quotes a raw value the way messages show it: "Jaa", or (blank). */
export function quote(value: unknown): string {
  if (value === null || value === undefined || value === "") return "(blank)";
  return JSON.stringify(String(value));
}

/** "A, B or C" */
export function listOr(values: readonly string[]): string {
  if (values.length <= 1) return values.join("");
  return `${values.slice(0, -1).join(", ")} or ${values[values.length - 1]}`;
}

/** "A, B and C" */
export function listAnd(values: readonly string[]): string {
  if (values.length <= 1) return values.join("");
  return `${values.slice(0, -1).join(", ")} and ${values[values.length - 1]}`;
}

/** A JSON value as a message shows it, cut to 60 characters; `absent` when there is none. */
export function describeValue(value: unknown, absent = "nothing"): string {
  if (value === undefined) return absent;
  const json = JSON.stringify(value);
  return json.length > 60 ? `${json.slice(0, 57)}...` : json;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
