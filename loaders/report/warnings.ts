import {formatWhere, type Where} from "../errors.js";

/**
 * Something a reader did that the user should know although the load goes on:
 * a code given its leading zero back, footnote lines below a table left out,
 * a declared month used for a year, values flagged as estimates. Where is the
 * first place it happened; `count` how many places in all.
 */
export interface LoadWarning extends Where {
  message: string;
  count?: number;
}

export type Warn = (warning: LoadWarning) => void;

/** A collector for tests and for the pipeline's report. */
export function collectWarnings(): {warn: Warn; warnings: LoadWarning[]} {
  const warnings: LoadWarning[] = [];
  return {warnings, warn: (warning) => void warnings.push(warning)};
}

export function formatWarning(warning: LoadWarning): string {
  return `${formatWhere(warning)}: ${warning.message}`;
}
