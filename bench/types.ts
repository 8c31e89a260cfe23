// What a benchmark section is. A section module (listed in bench/run.ts) exports
// `sections: BenchSection[]` (or a default BenchSection / BenchSection[]).
// A section measures something and returns rows; bench/run.ts prints them.

export interface BenchRow {
  /** What was measured, e.g. "build, fresh (data loaders run)". */
  metric: string;
  /** The figure, already rounded (a number is printed as is). */
  value: string | number;
  /** e.g. "s", "ms", "MB", "%", "rows/s". */
  unit?: string;
  /** How it was measured, or anything a reader needs to judge the figure. */
  note?: string;
}

/** A section's figures as a matrix (several paths side by side), printed as is. */
export interface BenchTable {
  columns: string[];
  rows: (string | number)[][];
  /** Lines printed under the table (targets, how to read it). */
  notes?: string[];
}

export interface BenchContext {
  /** Project root (absolute). */
  root: string;
  /** The built site, <root>/dist. */
  distDir: string;
  /** Builds the site if dist/ is missing (a section measuring the built site calls this first). */
  ensureBuilt(): Promise<void>;
  /** Base URL of a static server on 127.0.0.1 for a copy of dist/ taken at the first call (closed at the end). */
  baseUrl(): Promise<string>;
  /** Runs `fn` when the whole benchmark ends (close browsers, servers, temp folders). */
  onCleanup(fn: () => Promise<void> | void): void;
  /** Prints a progress line to stderr (figures go to stdout). */
  log(message: string): void;
}

export interface BenchSection {
  /** Short id to select it on the command line: `npm run bench -- build page`. */
  name: string;
  /** Heading printed above its rows. */
  title: string;
  run(context: BenchContext): Promise<BenchRow[] | BenchTable>;
}

/** Median of a non-empty list of numbers. */
export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Formats a number with a fixed number of decimals. */
export const fixed = (value: number, digits = 1) => value.toFixed(digits);
