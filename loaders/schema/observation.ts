import type {Flag, Status} from "./vocabulary.js";

/** One row of the observations table (see tables.ts for column meanings). */
export interface Observation {
  indicator_id: string;
  area_code: string;
  year: number;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  status: Status;
  source: string;
  flag?: Flag | null;
  /** The 95 % interval, set by disclosure control (loaders/disclosure). */
  ci_low?: number | null;
  ci_high?: number | null;
}
