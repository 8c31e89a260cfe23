/**
 * A JSON-stat dataset as a cube: its dimensions with their category codes and
 * labels, and every cell's value and status mapped through the source's
 * legend. Checked here: the shape ("id", "size", categories), the cell count
 * against the values, and the size limit, before anything is allocated.
 */
import {describeValue, fail, isRecord, quote} from "../../errors.js";
import {LIMITS} from "../../read/limits.js";
import type {Flag, Status} from "../../schema/vocabulary.js";
import {checkLegend, describeLegend, isFlag} from "../legend.js";
import type {Legend, MarkerMeaning} from "../registerValue.js";
import type {RawDataset} from "./jsonStatDocument.js";

export interface Dimension {
  id: string;
  codes: string[];
  /** Category labels by code, where the dataset gives them. */
  labels: Record<string, string>;
}

export interface CellValue {
  value: number | null;
  status: Status;
  flag: Flag | null;
}

export interface Cube {
  ids: string[];
  sizes: number[];
  dimensions: Dimension[];
  cellCount: number;
  role: Record<string, unknown>;
  cellName: (cell: number, position: readonly number[]) => string;
  cellValue: (cell: number, position: readonly number[]) => CellValue;
}

const formatCount = (n: number) => n.toLocaleString("sv-SE").replace(/\u00a0/g, " ");

export function parseCube(file: string, dataset: RawDataset, legendOption: Legend): Cube {
  const where = {file};
  const legend = checkLegend(file, legendOption, {flags: true});
  const {ids, sizes} = dataset;
  if (!Array.isArray(ids) || !ids.every((id): id is string => typeof id === "string")) fail(where, `"id" must be an array of dimension names, found ${describeValue(ids)}`);
  if (!Array.isArray(sizes) || !sizes.every((n): n is number => Number.isInteger(n) && n >= 0)) fail(where, `"size" must be an array of category counts, found ${describeValue(sizes)}`);
  if (sizes.length !== ids.length) fail(where, `"size" has ${sizes.length} entries but "id" names ${ids.length} dimensions (${ids.join(", ")})`);
  const cellCount = sizes.reduce((a, b) => a * b, 1);
  if (cellCount > LIMITS.jsonStatCells) {
    fail(where, `its dimensions multiply to ${formatCount(cellCount)} cells ("size" [${sizes.join(", ")}], ${ids.join(" × ")}), more than the reader's limit of ${formatCount(LIMITS.jsonStatCells)}: ask the API for a smaller selection`);
  }
  if (Object.keys(dataset.dimension).length === 0) fail(where, `"dimension" is missing: expected one entry per dimension in "id" (${ids.join(", ")})`);
  const dimensions = ids.map((id, d) => readDimension(file, id, dataset.dimension[id], sizes[d]!));
  const valueAt = valueAccessor(file, dataset.value, cellCount, sizes, ids);
  const statusAt = statusAccessor(file, dataset.status, cellCount);
  const cellName = (cell: number, position: readonly number[]) =>
    `value[${cell}] (${dimensions.map((dimension, d) => `${dimension.id}=${dimension.codes[position[d]!]}`).join(", ")})`;
  return {
    ids,
    sizes,
    dimensions,
    cellCount,
    role: dataset.role,
    cellName,
    cellValue: (cell, position) => cellValue(file, legend, valueAt(cell), statusAt(cell), () => cellName(cell, position))
  };
}

/** Row-major: the last dimension in "id" varies fastest. */
export function advance(position: number[], sizes: readonly number[]): void {
  for (let d = position.length - 1; d >= 0; d--) {
    if (++position[d]! < sizes[d]!) return;
    position[d] = 0;
  }
}

export function positionOf(cell: number, sizes: readonly number[]): number[] {
  const at = new Array<number>(sizes.length).fill(0);
  for (let d = sizes.length - 1; d >= 0; d--) {
    at[d] = cell % sizes[d]!;
    cell = Math.floor(cell / sizes[d]!);
  }
  return at;
}

/** A cell a sparse "value" object leaves out: missing, as JSON-stat defines it. */
const OMITTED = Symbol("omitted");

function cellValue(file: string, legend: Legend, raw: unknown, status: string | undefined, name: () => string): CellValue {
  const meaning = status === undefined ? undefined : legend[status];
  if (status !== undefined && meaning === undefined) fail({file}, `${name()}: status ${quote(status)} is not in the legend: expected ${describeLegend(legend)}`);
  if (meaning !== undefined && isFlag(meaning)) {
    if (typeof raw !== "number") fail({file}, `${name()}: status ${quote(status)} flags the value as ${meaning}, but the value is ${raw === OMITTED ? "left out" : describeValue(raw)}: expected a number with that flag`);
    return {value: raw, status: "ok", flag: meaning};
  }
  const marker = meaning as MarkerMeaning | undefined;
  if (raw === OMITTED) return marker === "zero" ? {value: 0, status: "ok", flag: null} : {value: null, status: marker ?? "missing", flag: null};
  if (raw === null || raw === undefined) {
    if (marker === undefined) fail({file}, `${name()}: value is null and has no status: expected a status from the legend, ${describeLegend(legend)}`);
    return marker === "zero" ? {value: 0, status: "ok", flag: null} : {value: null, status: marker, flag: null};
  }
  if (typeof raw !== "number") fail({file}, `${name()}: expected a number or null, found ${describeValue(raw)}`);
  if (marker === undefined) return {value: raw, status: "ok", flag: null};
  // A marker on a non-null value: accept it only where the two agree, since a
  // publisher that sends both has said two things about one cell.
  if (marker === "zero" && raw === 0) return {value: 0, status: "ok", flag: null};
  return fail({file}, `${name()}: value ${raw} has status ${quote(status)}, which the legend says means ${marker}: expected ${marker === "zero" ? "0" : "null"} with that status`);
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
  const labels: Record<string, string> = {};
  if (isRecord(category.label)) for (const [code, label] of Object.entries(category.label)) if (typeof label === "string") labels[code] = label;
  return {id, codes, labels};
}

function valueAccessor(file: string, raw: unknown, cellCount: number, sizes: number[], ids: string[]): (cell: number) => unknown {
  const expected = `"size" [${sizes.join(", ")}] (${ids.join(" × ")}) gives ${cellCount} cells`;
  if (Array.isArray(raw)) {
    if (raw.length !== cellCount) fail({file}, `"value" has ${raw.length} entries but ${expected}`);
    return (cell) => raw[cell];
  }
  if (isRecord(raw)) {
    checkSparseKeys(file, "value", raw, cellCount);
    return (cell) => (Object.hasOwn(raw, cell) ? raw[cell] : OMITTED);
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
    if (!/^(0|[1-9]\d*)$/.test(key) || Number(key) >= cellCount) fail({file}, `"${name}" has key ${quote(key)}: expected a cell index from 0 to ${cellCount - 1}`);
  }
}
