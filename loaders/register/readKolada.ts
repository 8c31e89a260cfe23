import {describeValue, fail, isRecord, listAnd, listOr, quote} from "../errors.js";
import {isKommunCode} from "../reference/areaCodes.js";
import {resolveArea, type AreaIndex} from "../reference/areaIndex.js";
import type {LocatedValues} from "./readJsonStat.js";
import type {RegisterValue} from "./registerValue.js";

/**
 * Reads Kolada API v2 data responses,
 * `{count, values: [{kpi, municipality, period, values: [{count, gender, status, value}]}], next_page?}`,
 * one response or every page of a paginated one (`npm run fetch:kolada` saves
 * them as page-001.json, page-002.json, … in one folder): the pages are read
 * as one source, and a page missing from the chain is an error.
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
  /** The reference areas: a kommun id Kolada has but the reference lacks is an error here. */
  areas?: AreaIndex;
}

export interface KoladaPage {
  file: string;
  doc: unknown;
}

/** Locations read like `item 13 (kpi N00945, municipality 0180, period 2000), gender T`. */
export type {LocatedValues};

const FETCH_HINT = "fetch every page with `npm run fetch:kolada -- <url> <folder>` and declare the folder as the source's file";

function parse(file: string, text: string): unknown {
  try {
    return JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (error) {
    return fail({file}, `not valid JSON (${(error as Error).message}): expected a Kolada API response`);
  }
}

export function readKolada(file: string, text: string, options: KoladaOptions = {}): RegisterValue[] {
  return readKoladaPages([{file, doc: parse(file, text)}], options).values;
}

export function readKoladaWithLocations(file: string, text: string, options: KoladaOptions = {}): LocatedValues {
  return readKoladaPages([{file, doc: parse(file, text)}], options);
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

const describeMissing = (value: unknown) => describeValue(value, "missing");

/** The page number a next_page link asks for, if it says. */
function pageNumber(link: string): number | undefined {
  try {
    const page = new URL(link).searchParams.get("page");
    return page !== null && /^\d+$/.test(page) ? Number(page) : undefined;
  } catch {
    return undefined;
  }
}

function checkChain(pages: {file: string; next: string | undefined; previous: string | undefined}[]): void {
  pages.forEach(({file, next, previous}, i) => {
    const before = previous === undefined ? undefined : pageNumber(previous);
    if (i > 0 && before !== undefined && before !== i) fail({file}, `"previous_page" asks for page ${before}, but the file before it, ${pages[i - 1]!.file}, is page ${i}: a page is missing or out of order`);
    const last = i === pages.length - 1;
    if (last && next !== undefined) {
      if (pages.length === 1) fail({file}, `the response has "next_page" ${JSON.stringify(next)}: it is one page of a longer result; ${FETCH_HINT}`);
      fail({file}, `the last page has "next_page" ${JSON.stringify(next)}: the pages after it are missing; ${FETCH_HINT}`);
    }
    if (!last && next === undefined) fail({file}, `has no "next_page", but ${pages[i + 1]!.file} follows it: expected the pages of one result, in order`);
    const number = next === undefined ? undefined : pageNumber(next);
    if (!last && number !== undefined && number !== i + 2) fail({file}, `"next_page" asks for page ${number}, but the next file, ${pages[i + 1]!.file}, is page ${i + 2}: a page is missing or out of order`);
  });
}

export function readKoladaPages(pages: KoladaPage[], options: KoladaOptions = {}): LocatedValues {
  const wanted = options.kpis ? new Set(options.kpis) : undefined;
  const kpisSeen = new Set<string>();
  const values: RegisterValue[] = [];
  const locations: string[] = [];
  const seen = new Map<string, string>();
  const chain: {file: string; next: string | undefined; previous: string | undefined}[] = [];

  for (const {file, doc} of pages) {
    const where = {file};
    if (!isRecord(doc) || !Array.isArray(doc.values)) fail(where, `expected a Kolada API response, an object with a "values" array, found ${describeMissing(doc)}`);
    const items = doc.values;
    if (doc.count !== undefined && doc.count !== items.length) fail(where, `"count" is ${describeMissing(doc.count)} but "values" has ${items.length} items: the download is truncated or was edited`);
    const next = doc.next_page === undefined || doc.next_page === null || doc.next_page === "" ? undefined : String(doc.next_page);
    const previous = doc.previous_page === undefined || doc.previous_page === null || doc.previous_page === "" ? undefined : String(doc.previous_page);
    chain.push({file, next, previous});
    const pageName = pages.length > 1 ? `page ${chain.length}, ` : "";

    items.forEach((item, i) => {
      const itemName = `${pageName}item ${i + 1}`;
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
      if (options.areas) {
        const known = resolveArea(options.areas, area_code, "code");
        if ("problem" in known || known.padded !== undefined) fail(where, `${itemName}: municipality ${quote(municipality)}: ${"problem" in known ? known.problem : "not a kommun id"}`);
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
        const series = `${kpi}:${gender}`;
        let result: RegisterValue;
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
        seen.set(key, `${pages.length > 1 ? `${file} ` : ""}${at}`);
        values.push(result);
        locations.push(at);
      });
    });
  }
  checkChain(chain);
  if (values.length === 0) {
    const file = pages.length === 1 ? pages[0]!.file : `${pages[0]!.file} … ${pages[pages.length - 1]!.file}`;
    fail({file}, `the response holds no values ("count": 0): the query matched nothing; check the KPI id, the area ids and the years in its URL`);
  }
  const absent = options.kpis?.filter((kpi) => !kpisSeen.has(kpi)) ?? [];
  if (absent.length > 0) fail({file: pages[0]!.file}, `no values for kpi ${listAnd(absent.map(quote))}: expected the file to hold ${listAnd(options.kpis!.map(quote))}`);
  return {values, locations};
}

function yearOf(period: unknown): number | undefined {
  if (typeof period === "number" && Number.isInteger(period) && period >= 1000 && period <= 9999) return period;
  if (typeof period === "string" && /^\d{4}$/.test(period)) return Number(period);
  return undefined;
}
