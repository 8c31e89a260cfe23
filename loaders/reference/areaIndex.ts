/**
 * Every area a reader may meet (riket, län, kommuner, stadsdelar), findable by
 * code, by name ("Upplands Väsby", "Stockholms län", "Riket") or by both in one
 * cell ("0114 Upplands Väsby"), with the nearest valid codes or names to
 * suggest when a cell names none.
 */
import {quote} from "../errors.js";
import {RIKET_CODE} from "./areaCodes.js";
import type {Reference} from "./readReference.js";

export type AreaLevel = "riket" | "län" | "kommun" | "stadsdel";
export interface Area {
  code: string;
  name: string;
  level: AreaLevel;
}

/** How a source writes its areas; "auto" accepts a code, a name or both in one cell. */
export type AreaFormat = "code" | "name" | "code_name" | "auto";

export type Resolved = {code: string; padded?: string} | {problem: string};

export interface AreaIndex {
  byCode: Map<string, Area>;
  /** Folded name → areas with that name (more than one: ambiguous). */
  byName: Map<string, Area[]>;
}

/** Case, diacritics, hyphens and spacing do not tell two Swedish place names apart. */
export const foldName = (name: string): string =>
  name.normalize("NFD").replace(/\p{Diacritic}/gu, "").toLowerCase().replace(/[-–\s]+/g, " ").trim();

export function areaIndex(ref: Reference): AreaIndex {
  const areas: Area[] = [
    {code: RIKET_CODE, name: "Riket", level: "riket"},
    ...ref.lan.map((l) => ({code: l.code, name: l.name, level: "län" as const})),
    ...ref.kommuner.map((k) => ({code: k.code, name: k.name, level: "kommun" as const})),
    ...ref.stadsdelar.map((s) => ({code: s.code, name: s.name, level: "stadsdel" as const}))
  ];
  const byCode = new Map(areas.map((a) => [a.code, a]));
  const byName = new Map<string, Area[]>();
  const add = (name: string, area: Area) => {
    const key = foldName(name);
    const list = byName.get(key) ?? [];
    if (!list.includes(area)) list.push(area);
    byName.set(key, list);
  };
  for (const area of areas) {
    add(area.name, area);
    if (area.level === "kommun") for (const suffix of [" kommun", "s kommun", " stad", "s stad"]) add(area.name + suffix, area);
  }
  for (const name of ["Hela riket", "Sverige", "Sweden", "Riket totalt"]) add(name, byCode.get(RIKET_CODE)!);
  return {byCode, byName};
}

const CODE = /^(\d{2}|\d{4}|\d{4}-\d{2})$/;
const LOST_ZERO = /^(\d|\d{3}|\d{3}-\d{2})$/;
const CODE_AND_NAME = /^(\d{1,4}(?:-\d{2})?)\s+(\S.*)$/;

export const describeArea = (area: Area): string => `${area.code} ${area.name}`;

/** Whether a label names the area (the publisher's spelling, possibly with "län", "kommun" or the code). */
export function labelAgrees(area: Area, label: string): boolean {
  const folded = foldName(label);
  const stem = foldName(area.name).replace(/s? lan$/, "").replace(/ kommun$/, "");
  return folded.includes(stem) || (area.level === "riket" && /\b(riket|sverige|sweden|total)/.test(folded));
}

/** Edits (insert, delete, replace, swap two neighbours) from a to b: a typed code or name's distance from a real one. */
function editDistance(a: string, b: string): number {
  const d = Array.from({length: a.length + 1}, (_, i) => Array.from({length: b.length + 1}, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i]![j] = Math.min(d[i]![j]!, d[i - 2]![j - 2]! + 1);
    }
  }
  return d[a.length]![b.length]!;
}

/** Up to three areas whose code (or name) is closest to what was written, as "0114 Upplands Väsby". */
export function nearestAreas(index: AreaIndex, written: string, by: "code" | "name"): Area[] {
  const target = by === "code" ? written : foldName(written);
  const scored = [...index.byCode.values()]
    .filter((area) => by === "name" || area.code.length === written.length)
    .map((area) => {
      const key = by === "code" ? area.code : foldName(area.name);
      const numeric = by === "code" ? Math.abs(Number(area.code.replace("-", "")) - Number(written.replace("-", ""))) || 0 : 0;
      return {area, distance: editDistance(target, key), numeric};
    })
    // A code is one typo away (a digit wrong, two swapped); a name may have a few.
    .filter((s) => s.distance <= (by === "code" ? 1 : Math.max(2, Math.floor(target.length / 4))))
    .sort((a, b) => a.distance - b.distance || a.numeric - b.numeric || a.area.code.localeCompare(b.area.code));
  return scored.slice(0, 3).map((s) => s.area);
}

function suggestion(index: AreaIndex, written: string, by: "code" | "name"): string {
  const near = nearestAreas(index, written, by);
  return near.length ? `; the nearest valid ${by === "code" ? "codes" : "names"}: ${near.map(describeArea).join(", ")}` : "";
}

const EXPECTED = "expected 00 (riket), a län code, one of the 290 kommunkoder or a stadsdel code such as 0180-01";

/** Whether a cell names an area (by code, "code name" or name), without wording a problem: cheap enough for every line of a file's tail. */
export function namesArea(index: AreaIndex, raw: string): boolean {
  const cell = raw.trim().replace(/\s+/g, " ");
  if (index.byCode.has(cell) || index.byName.has(foldName(cell))) return true;
  const both = CODE_AND_NAME.exec(cell);
  return both !== null && index.byCode.has(both[1]!);
}

/** Resolves one area cell; `padded` says that a lost leading zero was put back. */
export function resolveArea(index: AreaIndex, raw: string, format: AreaFormat = "auto"): Resolved {
  const cell = raw.trim().replace(/\s+/g, " ");
  if (cell === "") return {problem: `the area is blank: ${EXPECTED}`};
  const byCode = (code: string): Resolved => {
    if (index.byCode.has(code)) return {code};
    if (LOST_ZERO.test(code) && index.byCode.has(`0${code}`)) return {code: `0${code}`, padded: code};
    return {problem: `unknown area code ${quote(code)}: ${EXPECTED}${suggestion(index, LOST_ZERO.test(code) ? `0${code}` : code, "code")}`};
  };
  if (CODE.test(cell) || LOST_ZERO.test(cell)) {
    if (format === "name") return {problem: `${quote(cell)} is a code, but the source declares its areas as names`};
    return byCode(cell);
  }
  const both = CODE_AND_NAME.exec(cell);
  if (both && format !== "name") {
    const found = byCode(both[1]!);
    if ("problem" in found) return found;
    const area = index.byCode.get(found.code)!;
    if (!labelAgrees(area, both[2]!)) return {problem: `${quote(cell)}: code ${area.code} is ${area.name}, not ${quote(both[2]!)}: expected the code and the name of one area`};
    return found;
  }
  if (format === "code" || format === "code_name") return {problem: `${quote(cell)} is not an area code: ${EXPECTED}${suggestion(index, cell, "name")}`};
  const areas = index.byName.get(foldName(cell));
  if (!areas) return {problem: `unknown area name ${quote(cell)}: expected riket, a län, kommun or stadsdel name such as "Upplands Väsby" or "Stockholms län"${suggestion(index, cell, "name")}`};
  if (areas.length > 1) return {problem: `the name ${quote(cell)} is ambiguous (${areas.map(describeArea).join(" or ")}): write the code`};
  return {code: areas[0]!.code};
}
