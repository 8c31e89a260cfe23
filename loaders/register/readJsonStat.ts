import {fail, listAnd, quote} from "../errors.js";
import {RIKET_CODE, isKommunCode, isLanCode, isStadsdelCode} from "../reference/areaCodes.js";
import {labelAgrees, resolveArea, type AreaIndex} from "../reference/areaIndex.js";
import type {Warn} from "../report/warnings.js";
import {FLAGS, type Flag, type Status} from "../schema/vocabulary.js";
import {advance, parseCube, positionOf, type Cube, type Dimension} from "./jsonstat/jsonStatCube.js";
import {pickDataset} from "./jsonstat/jsonStatDocument.js";
import {planTime, type YearlyRule} from "./jsonstat/jsonStatTime.js";
import type {Legend, RegisterValue} from "./registerValue.js";

/**
 * Reads a JSON-stat dataset — SCB's PxWebApi (v2, and v1 with "json-stat2"),
 * 1.x bundles of older PxWeb endpoints, collections, other statistics
 * offices' datasets — into register values.
 *
 * Series rule: a value's `series` is the codes of every dimension that is
 * neither the area nor the time dimension nor selected by the declaration, in
 * the dataset's `id` order, joined with ":". A table whose only other
 * dimension is ContentsCode gives "BE0101N1"; dimensions [Region, Alder, Kon,
 * ContentsCode, Tid] give "0-17:1:BE0101N1", or "0-17:BE0101N1" when the
 * declaration selects Kon. The rule depends only on which dimensions the table
 * has, never on how many categories a query selected.
 *
 * Status symbols mean what the source's legend says: a marker (missing,
 * suppressed, not_applicable, zero) stands for the value; a flag (estimate,
 * preliminary, revised, break) qualifies a value that is there and is kept in
 * `flag`. Cells a sparse "value" object leaves out are missing.
 */
export interface JsonStatOptions {
  legend: Legend;
  /** Default: the dimension whose role is geo, else "Region". */
  areaDimension?: string;
  /** Default: the dimension whose role is time, else "Tid". */
  timeDimension?: string;
  areaCodeMap?: (code: string) => string;
  /** The area of every value when the dataset has no area dimension (a PxWeb query that left Region out: "00"). */
  defaultAreaCode?: string;
  /** How a year's value is read from months, quarters or halves. */
  yearly?: YearlyRule;
  /** Dimensions fixed to one category: its cells are read, the others left out (and counted). */
  dimensions?: Record<string, string>;
  /** Which dataset of a bundle or collection (its key or label). */
  dataset?: string;
  /** The reference areas: codes are checked here, with the nearest valid code suggested. */
  areas?: AreaIndex;
  warn?: Warn;
}

export interface JsonStatRead {
  values: RegisterValue[];
  /** Where each value came from ("value[17] (Region=0114, …)"), for messages the pipeline writes later. */
  locations: string[];
  cells: number;
  notSelected: number;
}

export interface LocatedValues {
  values: RegisterValue[];
  locations: string[];
}

function parseText(file: string, text: string): unknown {
  try {
    return JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (error) {
    return fail({file}, `not valid JSON (${(error as Error).message}): expected a JSON-stat 2.0 dataset`);
  }
}

export function readJsonStat(file: string, text: string, options: JsonStatOptions): RegisterValue[] {
  return readJsonStatDocument(file, parseText(file, text), options).values;
}

export function readJsonStatWithLocations(file: string, text: string, options: JsonStatOptions): LocatedValues {
  const {values, locations} = readJsonStatDocument(file, parseText(file, text), options);
  return {values, locations};
}

/** One cell of the cube, before any area, year or series mapping. */
export interface JsonStatCell {
  index: number;
  codes: string[];
  value: number | null;
  status: Status;
  flag: Flag | null;
}

/** The whole cube, for tables whose shape a caller picks from itself. */
export function readJsonStatCube(file: string, text: string, legend: Legend, dataset?: string): {dimensions: Dimension[]; cells: JsonStatCell[]} {
  const cube = parseCube(file, pickDataset(file, parseText(file, text), dataset), legend);
  const cells: JsonStatCell[] = [];
  const position = new Array<number>(cube.dimensions.length).fill(0);
  for (let cell = 0; cell < cube.cellCount; cell++) {
    cells.push({index: cell, codes: cube.dimensions.map((d, i) => d.codes[position[i]!]!), ...cube.cellValue(cell, position)});
    advance(position, cube.sizes);
  }
  return {dimensions: cube.dimensions, cells};
}

interface Mean {
  series: string;
  area_code: string;
  year: number;
  sum: number;
  n: number;
  status: Status;
  flag: Flag | null;
  location: string;
}

export function readJsonStatDocument(file: string, doc: unknown, options: JsonStatOptions): JsonStatRead {
  const where = {file};
  const warn = options.warn ?? (() => {});
  const cube = parseCube(file, pickDataset(file, doc, options.dataset), options.legend);
  const {ids, sizes, dimensions, cellCount, role, cellName, cellValue} = cube;

  const timeIndex = pickDimension(file, ids, "time", options.timeDimension, role.time, "Tid");
  if (timeIndex === undefined) fail(where, `no time dimension: found ${listAnd(ids)}; expected "Tid", a dimension with role time, or options.timeDimension`);
  const areaIndex = pickDimension(file, ids, "area", options.areaDimension, role.geo, "Region");
  if (areaIndex === undefined && options.defaultAreaCode === undefined) {
    fail(where, `no area dimension: found ${listAnd(ids)}; expected "Region", a dimension with role geo, or options.areaDimension (or options.defaultAreaCode when the query left the area out)`);
  }
  if (areaIndex === timeIndex) fail(where, `dimension ${ids[timeIndex]} cannot be both the area and the time dimension`);

  const selected = selections(file, dimensions, options.dimensions ?? {}, [timeIndex, areaIndex]);
  const seriesIndexes = ids.map((_, d) => d).filter((d) => d !== timeIndex && d !== areaIndex && !selected.has(d));
  // Every other dimension selected: the selected categories name the series.
  const selectedSeries = ids.flatMap((_, d) => (selected.has(d) ? [dimensions[d]!.codes[selected.get(d)!]!] : [])).join(":");
  if (seriesIndexes.length === 0 && selected.size === 0) fail(where, `no dimension names the series: found only ${listAnd(ids)}; expected ContentsCode or another dimension besides area and time`);

  // Validated once per category rather than per cell, so a bad code is reported once, by its dimension.
  const time = planTime(file, ids[timeIndex]!, dimensions[timeIndex]!.codes, options.yearly, warn);
  const areas = areaIndex === undefined ? [areaOf(file, "options.defaultAreaCode", options.defaultAreaCode!, options)] : areaCodes(file, dimensions[areaIndex]!, options, warn);

  const values: RegisterValue[] = [];
  const locations: string[] = [];
  const seen = new Map<string, number>();
  const means = new Map<string, Mean>();
  const flagged = new Map<Flag, {count: number; first: string}>();
  const position = new Array<number>(ids.length).fill(0);
  let notSelected = 0;

  for (let cell = 0; cell < cellCount; cell++, advance(position, sizes)) {
    if ([...selected].some(([d, category]) => position[d] !== category)) {
      notSelected++;
      continue;
    }
    const t = position[timeIndex]!;
    if (!time.use[t]) continue;
    const series = seriesIndexes.length ? seriesIndexes.map((d) => dimensions[d]!.codes[position[d]!]).join(":") : selectedSeries;
    const area_code = areas[areaIndex === undefined ? 0 : position[areaIndex]!]!;
    const year = time.years[t]!;
    const {value, status, flag} = cellValue(cell, position);
    if (flag) {
      const entry = flagged.get(flag) ?? {count: 0, first: cellName(cell, position)};
      entry.count++;
      flagged.set(flag, entry);
    }
    const key = `${series}\u0000${area_code}\u0000${year}`;
    if (time.mean) {
      const mean = means.get(key) ?? {series, area_code, year, sum: 0, n: 0, status: "ok" as Status, flag: null, location: cellName(cell, position)};
      if (status === "ok" && mean.status === "ok") mean.sum += value!;
      else if (mean.status === "ok") mean.status = status;
      mean.n++;
      mean.flag ??= flag;
      means.set(key, mean);
      continue;
    }
    const first = seen.get(key);
    if (first !== undefined) {
      fail(where, `${cellName(first, positionOf(first, sizes))} and ${cellName(cell, position)} both give series ${quote(series)}, area ${area_code}, year ${year}: expected one value per series, area and year`);
    }
    seen.set(key, cell);
    values.push({series, area_code, year, value, status, ...(flag ? {flag} : {})});
    locations.push(cellName(cell, position));
  }
  for (const m of means.values()) {
    values.push({series: m.series, area_code: m.area_code, year: m.year, value: m.status === "ok" ? m.sum / m.n : null, status: m.status, ...(m.flag ? {flag: m.flag} : {})});
    locations.push(`${m.location} and the other periods of ${m.year}`);
  }
  for (const [flag, {count, first}] of flagged) {
    const symbols = Object.keys(options.legend).filter((symbol) => options.legend[symbol] === flag);
    warn({file, count, message: `${count} value${count === 1 ? " is" : "s are"} flagged ${FLAGS[flag].text} (${symbols.join(", ")}) by the source, first ${first}: kept, with the flag`});
  }
  return {values, locations, cells: cellCount, notSelected};
}

/** Declared selections: dimension index → the category index to read. */
function selections(file: string, dimensions: Dimension[], declared: Record<string, string>, reserved: (number | undefined)[]): Map<number, number> {
  const selected = new Map<number, number>();
  for (const [id, code] of Object.entries(declared)) {
    const d = dimensions.findIndex((dimension) => dimension.id === id);
    if (d < 0) fail({file}, `the declaration selects ${id} = ${quote(code)}, but the dataset's dimensions are ${listAnd(dimensions.map((x) => x.id))}`);
    if (reserved.includes(d)) fail({file}, `the declaration selects a category of ${id}, which is the ${d === reserved[0] ? "time" : "area"} dimension: expected another dimension`);
    const category = dimensions[d]!.codes.indexOf(code);
    if (category < 0) fail({file}, `the declaration selects ${id} = ${quote(code)}, but ${id} has ${listAnd(dimensions[d]!.codes.slice(0, 12).map(quote))}${dimensions[d]!.codes.length > 12 ? ", …" : ""}`);
    selected.set(d, category);
  }
  return selected;
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

const isSwedishShape = (code: string) => code === RIKET_CODE || isLanCode(code) || isKommunCode(code) || isStadsdelCode(code);

function areaOf(file: string, at: string, code: string, options: JsonStatOptions): string {
  const map = options.areaCodeMap;
  const mapped = map ? map(code) : code;
  const shown = map && mapped !== code ? `${quote(code)}, mapped to ${quote(mapped)},` : quote(code);
  if (options.areas) {
    const found = resolveArea(options.areas, mapped, "code");
    if ("problem" in found) fail({file}, `${at}: ${found.problem.replace(quote(mapped), shown)}`);
    return found.code;
  }
  if (isSwedishShape(mapped)) return mapped;
  return fail({file}, `${at}: area code ${shown} is not an area code: expected 00 (riket), a two-digit län code, a four-digit kommun code or a stadsdel code such as 0180-01${map ? "" : " (area_codes can translate codes)"}`);
}

/**
 * Each area category's project code. Geography that is not Sweden's (OECD
 * countries, another country's regions) is named as such rather than failing
 * on its first code, or passing as län when its codes happen to be two digits.
 */
function areaCodes(file: string, dimension: Dimension, options: JsonStatOptions, warn: Warn): string[] {
  const mapped = dimension.codes.map((code) => (options.areaCodeMap ? options.areaCodeMap(code) : code));
  const shown = (i: number) => `${dimension.codes[i]}${dimension.labels[dimension.codes[i]!] ? ` (${dimension.labels[dimension.codes[i]!]})` : ""}`;
  const foreignShapes = mapped.flatMap((code, i) => (isSwedishShape(code) ? [] : [i]));
  if (foreignShapes.length > 0 && foreignShapes.length >= Math.max(2, mapped.length / 2)) {
    const sample = foreignShapes.slice(0, 5).map(shown);
    fail({file}, `these codes are not Swedish area codes: dimension ${dimension.id} holds ${listAnd(sample)}${foreignShapes.length > 5 ? ` and ${foreignShapes.length - 5} more` : ""}: the dataset's geography is not Sweden's riket, län, kommuner and stadsdelar (expected codes such as 00, 01, 0114 or 0180-01; area_codes in data/sources.json can map a code, e.g. {"SE": "00"})`);
  }
  if (options.areas) {
    const index = options.areas;
    const disagree = mapped.flatMap((code, i) => {
      const area = index.byCode.get(code);
      const label = dimension.labels[dimension.codes[i]!];
      return area && label && label !== code && !labelAgrees(area, label) ? [{i, area, label}] : [];
    });
    const labelled = mapped.filter((_, i) => dimension.labels[dimension.codes[i]!] !== undefined).length;
    if (disagree.length > 0 && disagree.length >= Math.max(2, labelled / 2)) {
      const sample = disagree.slice(0, 3).map((d) => `${dimension.codes[d.i]} is labelled ${quote(d.label)}, but ${d.area.code} is ${d.area.name}`);
      fail({file}, `these codes are not Swedish area codes, though shaped like them: in dimension ${dimension.id}, ${sample.join("; ")}${disagree.length > 3 ? `; and ${disagree.length - 3} more` : ""}: the labels name other places (another country's regions?)`);
    }
    for (const d of disagree) warn({file, column: dimension.id, message: `category ${dimension.codes[d.i]} is labelled ${quote(d.label)}, but ${d.area.code} is ${d.area.name}: read as ${d.area.code} (check the code)`});
  }
  return dimension.codes.map((code) => areaOf(file, `dimension ${dimension.id}, category ${quote(code)}`, code, options));
}
