import {describeValue, fail, isRecord, listAnd, listOr, quote} from "../errors.js";
import {isKommunCode} from "../reference/areaCodes.js";
import type {LocatedValues} from "./readJsonStat.js";
import type {RegisterValue} from "./registerValue.js";

/**
 * Reads a Kolada API v2 data response,
 * `{count, values: [{kpi, municipality, period, values: [{count, gender, status, value}]}], next_page?}`.
 *
 * `series` is `${kpi}:${gender}` with gender T (total), K (women) or M (men):
 * "N33817:T". Kolada area ids become project codes: "0000" → "00" (riket),
 * "0001".."0025" → "01".."25" (the regions, i.e. län), kommun ids unchanged.
 */
export interface KoladaOptions {
  /**
   * The KPIs the file must hold: an item for any other KPI, or a listed KPI
   * with no item, is an error (a download for the wrong KPI must not pass as
   * an empty series).
   */
  kpis?: string[];
}

/** Locations read like `item 13 (kpi N00945, municipality 0180, period 2000), gender T`. */
export type {LocatedValues};

export function readKolada(file: string, text: string, options: KoladaOptions = {}): RegisterValue[] {
  return read(file, text, options, false).values;
}

export function readKoladaWithLocations(file: string, text: string, options: KoladaOptions = {}): LocatedValues {
  return read(file, text, options, true);
}

/** Kolada ids 0001–0025 are the regions, whose two last digits are the län code. */
export function koladaAreaCode(id: string): string | undefined {
  if (id === "0000") return "00";
  const region = /^00(0[1-9]|1\d|2[0-5])$/.exec(id);
  if (region) return region[1]!;
  // No kommun code starts with 00, so 0026 or 0030 is no area at all.
  return isKommunCode(id) && !id.startsWith("00") ? id : undefined;
}

// The v2 README documents gender as "T|K|F" while the live API and rKolada
// give T, K and M. Old documentation's F is read as K (women); an item that
// has both F and K then fails as a duplicate instead of loading twice.
const GENDERS: Record<string, string> = {T: "T", K: "K", M: "M", F: "K"};

function read(file: string, text: string, options: KoladaOptions, locate: boolean): LocatedValues {
  const where = {file};
  let doc: unknown;
  try {
    doc = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (error) {
    return fail(where, `not valid JSON (${(error as Error).message}): expected a Kolada API response`);
  }
  if (!isRecord(doc) || !Array.isArray(doc.values)) {
    return fail(where, `expected a Kolada API response, an object with a "values" array, found ${describeMissing(doc)}`);
  }
  const items = doc.values;
  if (doc.count !== undefined && doc.count !== items.length) {
    fail(where, `"count" is ${describeMissing(doc.count)} but "values" has ${items.length} items: the download is truncated or was edited`);
  }
  if (doc.next_page !== undefined && doc.next_page !== null && doc.next_page !== "") {
    fail(where, `the response has "next_page" ${describeMissing(doc.next_page)}: it is one page of a longer result; expected every page's items in one file`);
  }

  const wanted = options.kpis ? new Set(options.kpis) : undefined;
  const kpisSeen = new Set<string>();
  const values: RegisterValue[] = [];
  const locations: string[] = [];
  const seen = new Map<string, string>();

  items.forEach((item, i) => {
    const itemName = `item ${i + 1}`;
    if (!isRecord(item)) fail(where, `${itemName}: expected an object {kpi, municipality, period, values}, found ${describeMissing(item)}`);
    const {kpi, municipality, period} = item;
    if (typeof kpi !== "string" || kpi === "") fail(where, `${itemName}: "kpi" is ${describeMissing(kpi)}: expected a KPI id such as "N33817"`);
    if (wanted && !wanted.has(kpi)) fail(where, `${itemName}: kpi ${quote(kpi)} is not one this file should hold: expected ${listOr([...wanted].map(quote))}`);
    kpisSeen.add(kpi);
    if (typeof municipality !== "string") fail(where, `${itemName}: "municipality" is ${describeMissing(municipality)}: expected a Kolada area id such as "0180"`);
    const area_code = koladaAreaCode(municipality);
    if (area_code === undefined) {
      fail(where, `${itemName}: municipality ${quote(municipality)} is not riket, a region or a kommun: expected "0000", "0001" to "0025" or a four-digit kommun code (group ids are not areas)`);
    }
    const year = yearOf(period);
    if (year === undefined) fail(where, `${itemName}: "period" is ${describeMissing(period)}: expected a year such as 2016 or "2016"`);
    const itemAt = `${itemName} (kpi ${kpi}, municipality ${municipality}, period ${year})`;
    if (!Array.isArray(item.values)) fail(where, `${itemAt}: "values" is ${describeMissing(item.values)}: expected an array of {gender, status, value}`);

    item.values.forEach((entry, j) => {
      if (!isRecord(entry)) fail(where, `${itemAt}, values[${j}]: expected an object {count, gender, status, value}, found ${describeMissing(entry)}`);
      const gender = typeof entry.gender === "string" ? GENDERS[entry.gender] : undefined;
      if (gender === undefined) fail(where, `${itemAt}, values[${j}]: gender ${describeMissing(entry.gender)}: expected "T", "K" or "M"`);
      const at = `${itemAt}, gender ${entry.gender}`;
      const {status, value} = entry;
      let result: RegisterValue;
      const series = `${kpi}:${gender}`;
      if (status === "") {
        if (typeof value !== "number" || !Number.isFinite(value)) fail(where, `${at}: value is ${describeMissing(value)} with status "": expected a number (or status "Missing")`);
        result = {series, area_code, year, value, status: "ok"};
      } else if (status === "Missing") {
        if (value !== null && value !== undefined) fail(where, `${at}: value is ${describeMissing(value)} with status "Missing": expected null`);
        result = {series, area_code, year, value: null, status: "missing"};
      } else {
        return fail(where, `${at}: status ${describeMissing(status)}: expected "" (a value) or "Missing"`);
      }
      const key = `${series}\u0000${area_code}\u0000${year}`;
      const first = seen.get(key);
      if (first !== undefined) fail(where, `${at} repeats ${first}: expected one value per kpi, gender, area and year`);
      seen.set(key, at);
      values.push(result);
      if (locate) locations.push(at);
    });
  });

  const absent = options.kpis?.filter((kpi) => !kpisSeen.has(kpi)) ?? [];
  if (absent.length > 0) fail(where, `no values for kpi ${listAnd(absent.map(quote))}: expected the file to hold ${listAnd(options.kpis!.map(quote))}`);
  return {values, locations};
}

function yearOf(period: unknown): number | undefined {
  if (typeof period === "number" && Number.isInteger(period) && period >= 1000 && period <= 9999) return period;
  if (typeof period === "string" && /^\d{4}$/.test(period)) return Number(period);
  return undefined;
}

const describeMissing = (value: unknown) => describeValue(value, "missing");
