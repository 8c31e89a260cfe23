import type {Flag, Status} from "../schema/vocabulary.js";

/**
 * What every register reader produces, whatever the publisher's format:
 * one value per series, area and year, with the cell's missing-value marker
 * already mapped through that source's legend to a typed status.
 *
 * `series` names what the value measures inside its file: a JSON-stat content
 * code ("BE0101N1"), a Kolada KPI and gender ("N33817:T"), or a csv value
 * column ("Antal"). data/indicators.json maps series to indicators.
 */
export interface RegisterValue {
  series: string;
  /** Project area code: "00" riket, "01" län, "0114" kommun, "0180-01" stadsdel. */
  area_code: string;
  year: number;
  /** null unless status is "ok". */
  value: number | null;
  status: Status;
  /** A flag the source put on a present value (estimate, preliminary, revised, break); null when none. */
  flag?: Flag | null;
}

/** A source legend maps each cell marker or status symbol the source uses to what it means (see legend.ts). */
export type MarkerMeaning = "missing" | "suppressed" | "not_applicable" | "zero";
export type Legend = Record<string, MarkerMeaning | Flag>;
