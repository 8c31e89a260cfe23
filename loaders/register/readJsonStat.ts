import {describeValue, fail, isRecord, listAnd, listOr, quote} from "../errors.js";
import {RIKET_CODE, isKommunCode, isLanCode, isStadsdelCode} from "../reference/areaCodes.js";
import type {Status} from "../schema/tables.js";
import type {Legend, MarkerMeaning, RegisterValue} from "./registerValue.js";

/**
 * Reads a JSON-stat 2.0 dataset as published by SCB's PxWebApi (v2, and v1
 * with `"format": "json-stat2"`).
 *
 * Series rule: a value's `series` is the codes of every dimension that is
 * neither the area nor the time dimension, in the dataset's `id` order, joined
 * with ":". A table whose only other dimension is ContentsCode gives
 * "BE0101N1"; dimensions [Region, Alder, Kon, ContentsCode, Tid] give
 * "0-17:1:BE0101N1". The rule depends only on which dimensions the table has,
 * never on how many categories a query selected, so a series keeps its name
 * when a query is widened.
 */
export interface JsonStatOptions {
  legend: Legend;
  /** Default: the dimension whose role is geo, else "Region". */
  areaDimension?: string;
  /** Default: the dimension whose role is time, else "Tid". */
  timeDimension?: string;
  areaCodeMap?: (code: string) => string;
  /**
   * Read period codes such as "2026M01" or "2016K4" as the year of their first
   * four digits. Two periods of one year then collide, which is an error, so
   * this only suits a query that selected one period per year.
   */
  allowPeriods?: boolean;
  /**
   * The area of every value when the dataset has no area dimension: a PxWeb
   * query that leaves Region out gets the riket total, so pass "00" there.
   */
  defaultAreaCode?: string;
}

/** Values with, for each, where it came from ("value[17] (Region=0114, …)"), for messages the pipeline writes later. */
export interface LocatedValues {
  values: RegisterValue[];
  locations: string[];
}

export function readJsonStat(file: string, text: string, options: JsonStatOptions): RegisterValue[] {
  return read(file, text, options, false).values;
}

export function readJsonStatWithLocations(file: string, text: string, options: JsonStatOptions): LocatedValues {
  return read(file, text, options, true);
}

/** One cell of the cube, its markers already mapped through the legend. */
export interface JsonStatCell {
  /** Position in "value" (row-major, the last dimension in "id" varying fastest). */
  index: number;
  /** The cell's category code in each dimension, in "id" order. */
  codes: string[];
  value: number | null;
  status: Status;
}

export interface JsonStatCube {
  dimensions: {id: string; codes: string[]}[];
  cells: JsonStatCell[];
}

/**
 * The whole cube, before any area, year or series mapping: for tables whose
 * time is not a year (SCB's monthly population, where December is the year-end
 * figure), which the caller then picks from.
 */
export function readJsonStatCube(file: string, text: string, legend: Legend): JsonStatCube {
  const cube = parseCube(file, text, legend);
  const cells: JsonStatCell[] = [];
  const position = new Array<number>(cube.dimensions.length).fill(0);
  for (let cell = 0; cell < cube.cellCount; cell++) {
    const codes = cube.dimensions.map((dimension, d) => dimension.codes[position[d]!]!);
    cells.push({index: cell, codes, ...cube.cellValue(cell, position)});
    advance(position, cube.sizes);
  }
  return {dimensions: cube.dimensions, cells};
}

const MEANINGS: readonly MarkerMeaning[] = ["missing", "suppressed", "not_applicable", "zero"];

interface Dimension {
  id: string;
  codes: string[];
}

interface Cube {
  ids: string[];
  sizes: number[];
  dimensions: Dimension[];
  cellCount: number;
  role: Record<string, unknown>;
  cellName: (cell: number, position: readonly number[]) => string;
  cellValue: (cell: number, position: readonly number[]) => {value: number | null; status: Status};
}

function parseCube(file: string, text: string, legendOption: Legend): Cube {
  const where = {file};
  const legend = checkLegend(file, legendOption);
  const doc = parseJson(file, text);
  checkIsDataset(file, doc);

  const ids = doc.id;
  const sizes = doc.size;
  if (!Array.isArray(ids) || !ids.every((id): id is string => typeof id === "string")) fail(where, `"id" must be an array of dimension names, found ${describeValue(ids)}`);
  if (!Array.isArray(sizes) || !sizes.every((n): n is number => Number.isInteger(n) && n >= 0)) fail(where, `"size" must be an array of category counts, found ${describeValue(sizes)}`);
  if (sizes.length !== ids.length) fail(where, `"size" has ${sizes.length} entries but "id" names ${ids.length} dimensions (${ids.join(", ")})`);
  if (!isRecord(doc.dimension)) fail(where, `"dimension" is missing: expected one entry per dimension in "id" (${ids.join(", ")})`);
  const dimensionsObject = doc.dimension;
  const dimensions = ids.map((id, d) => readDimension(file, id, dimensionsObject[id], sizes[d]!));

  const cellCount = sizes.reduce((a, b) => a * b, 1);
  const valueAt = valueAccessor(file, doc.value, cellCount, sizes, ids);
  const statusAt = statusAccessor(file, doc.status, cellCount);
  const cellName = (cell: number, position: readonly number[]) =>
    `value[${cell}] (${dimensions.map((dimension, d) => `${dimension.id}=${dimension.codes[position[d]!]}`).join(", ")})`;
  return {
    ids,
    sizes,
    dimensions,
    cellCount,
    role: isRecord(doc.role) ? doc.role : {},
    cellName,
    cellValue: (cell, position) => cellValue(file, legend, valueAt(cell), statusAt(cell), () => cellName(cell, position))
  };
}

function read(file: string, text: string, options: JsonStatOptions, locate: boolean): LocatedValues {
  const where = {file};
  const {ids, sizes, dimensions, cellCount, role, cellName, cellValue} = parseCube(file, text, options.legend);

  const timeIndex = pickDimension(file, ids, "time", options.timeDimension, role.time, "Tid");
  if (timeIndex === undefined) fail(where, `no time dimension: found ${listAnd(ids)}; expected "Tid", a dimension with role time, or options.timeDimension`);
  const areaIndex = pickDimension(file, ids, "area", options.areaDimension, role.geo, "Region");
  if (areaIndex === undefined && options.defaultAreaCode === undefined) {
    fail(where, `no area dimension: found ${listAnd(ids)}; expected "Region", a dimension with role geo, or options.areaDimension (or options.defaultAreaCode when the query left the area out)`);
  }
  if (areaIndex === timeIndex) fail(where, `dimension ${ids[timeIndex]} cannot be both the area and the time dimension`);

  const seriesIndexes = ids.map((_, d) => d).filter((d) => d !== timeIndex && d !== areaIndex);
  if (seriesIndexes.length === 0) fail(where, `no dimension names the series: found only ${listAnd(ids)}; expected ContentsCode or another dimension besides area and time`);

  // Validated once per category rather than per cell, so a bad code is reported once, by its dimension.
  const timeDimension = dimensions[timeIndex]!;
  const years = timeDimension.codes.map((code) => yearOf(file, timeDimension.id, code, options.allowPeriods === true));
  const areaDimension = areaIndex === undefined ? undefined : dimensions[areaIndex]!;
  const areas = areaDimension
    ? areaDimension.codes.map((code) => areaOf(file, `dimension ${areaDimension.id}, category ${quote(code)}`, code, options.areaCodeMap))
    : [areaOf(file, "options.defaultAreaCode", options.defaultAreaCode!, undefined)];

  const values: RegisterValue[] = [];
  const locations: string[] = [];
  const seen = new Map<string, number>();
  const position = new Array<number>(ids.length).fill(0);

  for (let cell = 0; cell < cellCount; cell++) {
    const series = seriesIndexes.map((d) => dimensions[d]!.codes[position[d]!]).join(":");
    const area_code = areas[areaIndex === undefined ? 0 : position[areaIndex]!]!;
    const year = years[position[timeIndex]!]!;
    const {value, status} = cellValue(cell, position);

    const key = `${series}\u0000${area_code}\u0000${year}`;
    const first = seen.get(key);
    if (first !== undefined) {
      fail(where, `${cellName(first, positionOf(first, sizes))} and ${cellName(cell, position)} both give series ${quote(series)}, area ${area_code}, year ${year}: expected one value per series, area and year`);
    }
    seen.set(key, cell);
    values.push({series, area_code, year, value, status});
    if (locate) locations.push(cellName(cell, position));
    advance(position, sizes);
  }
  return {values, locations};
}

/** Row-major: the last dimension in "id" varies fastest. */
function advance(position: number[], sizes: readonly number[]): void {
  for (let d = position.length - 1; d >= 0; d--) {
    if (++position[d]! < sizes[d]!) return;
    position[d] = 0;
  }
}

function cellValue(
  file: string,
  legend: Legend,
  raw: unknown,
  status: string | undefined,
  name: () => string
): {value: number | null; status: Status} {
  const meaning = status === undefined ? undefined : legend[status];
  if (status !== undefined && meaning === undefined) {
    fail({file}, `${name()}: status ${quote(status)} is not in the legend: expected ${describeLegend(legend)}`);
  }
  if (raw === null || raw === undefined) {
    if (meaning === undefined) fail({file}, `${name()}: value is null and has no status: expected a status from the legend, ${describeLegend(legend)}`);
    return meaning === "zero" ? {value: 0, status: "ok"} : {value: null, status: meaning};
  }
  if (typeof raw !== "number") fail({file}, `${name()}: expected a number or null, found ${describeValue(raw)}`);
  if (meaning === undefined) return {value: raw, status: "ok"};
  // A marker on a non-null value: accept it only where the two agree, since a
  // publisher that sends both has said two things about one cell.
  if (meaning === "zero" && raw === 0) return {value: 0, status: "ok"};
  return fail({file}, `${name()}: value ${raw} has status ${quote(status)}, which the legend says means ${meaning}: expected ${meaning === "zero" ? "0" : "null"} with that status`);
}

function readDimension(file: string, id: string, raw: unknown, size: number): Dimension {
  const where = {file};
  if (!isRecord(raw)) fail(where, `dimension ${id} is named in "id" but has no entry in "dimension"`);
  const category = raw.category;
  if (!isRecord(category)) fail(where, `dimension ${id} has no "category": every dimension in "id" needs one`);
  let codes: string[];
  const index = category.index;
  if (Array.isArray(index)) {
    if (!index.every((code): code is string => typeof code === "string")) fail(where, `dimension ${id}: "category.index" must list category codes, found ${describeValue(index)}`);
    codes = index;
  } else if (isRecord(index)) {
    const entries = Object.entries(index);
    codes = new Array<string>(entries.length);
    for (const [code, at] of entries) {
      if (typeof at !== "number" || !Number.isInteger(at) || at < 0 || at >= entries.length || codes[at] !== undefined) {
        fail(where, `dimension ${id}: category ${quote(code)} has index ${describeValue(at)}: expected each of 0 to ${entries.length - 1} exactly once`);
      }
      codes[at] = code;
    }
  } else if (index === undefined && isRecord(category.label) && Object.keys(category.label).length === 1) {
    // JSON-stat lets a single-category dimension omit its index.
    codes = Object.keys(category.label);
  } else {
    return fail(where, `dimension ${id} has no "category.index": expected an object or array of category codes`);
  }
  if (codes.length !== size) fail(where, `dimension ${id} has ${codes.length} categories but "size" gives it ${size}`);
  return {id, codes};
}

function valueAccessor(file: string, raw: unknown, cellCount: number, sizes: number[], ids: string[]): (cell: number) => unknown {
  const expected = `"size" [${sizes.join(", ")}] (${ids.join(" × ")}) gives ${cellCount} cells`;
  if (Array.isArray(raw)) {
    if (raw.length !== cellCount) fail({file}, `"value" has ${raw.length} entries but ${expected}`);
    return (cell) => raw[cell];
  }
  if (isRecord(raw)) {
    checkSparseKeys(file, "value", raw, cellCount);
    // A sparse value object leaves out cells, which then are null.
    return (cell) => raw[cell];
  }
  return fail({file}, `"value" must be an array or an object keyed by cell index, found ${describeValue(raw)}`);
}

function statusAccessor(file: string, raw: unknown, cellCount: number): (cell: number) => string | undefined {
  const asStatus = (s: unknown, at: string): string | undefined => {
    if (s === null || s === undefined || s === "") return undefined;
    if (typeof s !== "string") fail({file}, `${at}: expected a status symbol (a string), found ${describeValue(s)}`);
    return s;
  };
  if (raw === undefined || raw === null) return () => undefined;
  if (typeof raw === "string") {
    const status = asStatus(raw, `"status"`);
    return () => status;
  }
  if (Array.isArray(raw)) {
    if (raw.length !== cellCount && raw.length !== 1) fail({file}, `"status" has ${raw.length} entries but there are ${cellCount} cells: expected one per cell, or one for all`);
    if (raw.length === 1) {
      const status = asStatus(raw[0], `status[0]`);
      return () => status;
    }
    return (cell) => asStatus(raw[cell], `status[${cell}]`);
  }
  if (isRecord(raw)) {
    checkSparseKeys(file, "status", raw, cellCount);
    return (cell) => asStatus(raw[cell], `status[${cell}]`);
  }
  return fail({file}, `"status" must be a string, an array or an object keyed by cell index, found ${describeValue(raw)}`);
}

function checkSparseKeys(file: string, name: string, object: Record<string, unknown>, cellCount: number): void {
  for (const key of Object.keys(object)) {
    if (!/^(0|[1-9]\d*)$/.test(key) || Number(key) >= cellCount) {
      fail({file}, `"${name}" has key ${quote(key)}: expected a cell index from 0 to ${cellCount - 1}`);
    }
  }
}

function pickDimension(file: string, ids: string[], what: string, chosen: string | undefined, role: unknown, fallback: string): number | undefined {
  if (chosen !== undefined) {
    const at = ids.indexOf(chosen);
    if (at < 0) fail({file}, `options.${what}Dimension is ${quote(chosen)} but the dataset's dimensions are ${listAnd(ids)}`);
    return at;
  }
  if (Array.isArray(role) && role.length === 1 && typeof role[0] === "string" && ids.includes(role[0])) return ids.indexOf(role[0]);
  const at = ids.indexOf(fallback);
  return at < 0 ? undefined : at;
}

function yearOf(file: string, dimension: string, code: string, allowPeriods: boolean): number {
  if (/^\d{4}$/.test(code)) return Number(code);
  if (allowPeriods && /^\d{4}/.test(code)) return Number(code.slice(0, 4));
  const hint = /^\d{4}/.test(code) ? ` (a period within a year: set allowPeriods to read it as year ${code.slice(0, 4)})` : "";
  return fail({file}, `dimension ${dimension}, category ${quote(code)}: expected a year such as "2016"${hint}`);
}

function areaOf(file: string, at: string, code: string, map: ((code: string) => string) | undefined): string {
  const mapped = map ? map(code) : code;
  if (mapped === RIKET_CODE || isLanCode(mapped) || isKommunCode(mapped) || isStadsdelCode(mapped)) return mapped;
  const shown = map ? `${quote(code)}, mapped to ${quote(mapped)},` : quote(code);
  return fail({file}, `${at}: area code ${shown} is not an area code: expected 00 (riket), a two-digit län code, a four-digit kommun code or a stadsdel code such as 0180-01${map ? "" : " (options.areaCodeMap can translate codes)"}`);
}

function positionOf(cell: number, sizes: number[]): number[] {
  const at = new Array<number>(sizes.length).fill(0);
  for (let d = sizes.length - 1; d >= 0; d--) {
    at[d] = cell % sizes[d]!;
    cell = Math.floor(cell / sizes[d]!);
  }
  return at;
}

function parseJson(file: string, text: string): Record<string, unknown> {
  let doc: unknown;
  try {
    doc = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (error) {
    return fail({file}, `not valid JSON (${(error as Error).message}): expected a JSON-stat 2.0 dataset`);
  }
  if (!isRecord(doc)) return fail({file}, `expected a JSON-stat 2.0 dataset (a JSON object), found ${describeValue(doc)}`);
  return doc;
}

function checkIsDataset(file: string, doc: Record<string, unknown>): void {
  if (doc.class === "dataset") return;
  // JSON-stat 1.x wraps datasets in a bundle keyed by name, with no "class".
  const bundled = doc.class === undefined && Object.values(doc).some((v) => isRecord(v) && "dimension" in v);
  if (bundled) fail({file}, `this is a JSON-stat 1.x bundle: expected a JSON-stat 2.0 dataset ("class": "dataset"); ask PxWeb for "json-stat2"`);
  fail({file}, `expected a JSON-stat 2.0 dataset ("class": "dataset"), found class ${quote(doc.class)}`);
}

/** Shared by the register readers: a legend from JSON may hold any string as a meaning. */
export function checkLegend(file: string, legend: Legend): Legend {
  for (const [marker, meaning] of Object.entries(legend)) {
    if (!MEANINGS.includes(meaning)) fail({file}, `the legend maps ${quote(marker)} to ${quote(meaning)}: expected ${listOr(MEANINGS)}`);
  }
  return legend;
}

/** `".." (missing) or "X" (suppressed)`, or a note that the legend is empty. */
export function describeLegend(legend: Legend): string {
  const entries = Object.entries(legend).map(([marker, meaning]) => `${JSON.stringify(marker)} (${meaning})`);
  return entries.length ? listOr(entries) : "a marker, but the legend has none";
}



