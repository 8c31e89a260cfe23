/**
 * The attack: try to recover every protected count from what the published
 * files show, four ways, and count what was tried.
 *
 * - direct: another file shows the number where the tables show X;
 * - rate × population: a published rate (or the count beside it) times the
 *   published population, within the rounding of the rate;
 * - difference: one sum of one hierarchy in one file (total minus the
 *   published parts), solved exactly for the cells it leaves unknown;
 * - linked: every sum of every hierarchy, with what all files show and the
 *   rate × population ranges, solved together (linear programming): the
 *   strongest attack, which finds combinations across levels and hierarchies.
 *
 * The analyst knows the threshold and the statuses (a primary cell lies in
 * [from, to], a secondary one above to, a missing one ≥ 0). A protected count
 * counts as recovered when what it can be narrowed to is smaller than the
 * whole protected range (e.g. "3 or 4" instead of "1–4").
 */
import {unknownRanges, type CellRange, type Knowledge, type SumGroup} from "../../loaders/disclosure/exposure.js";
import {groupsInTable, relationName, RELATIONS, sumGroups, type AreaRow} from "../../loaders/disclosure/hierarchy.js";
import {priorKnowledge, shortfall, type Protection} from "../../loaders/disclosure/secondarySuppression.js";
import type {Status} from "../../loaders/schema/vocabulary.js";
import type {PublishedFile, Sighting} from "./publishedCells.js";

export type Method = "direct" | "rate × population" | "difference" | "linked";
export const METHODS: readonly Method[] = ["direct", "rate × population", "difference", "linked"];

/** A rate indicator and the count and population it is computed from. */
export interface RateDefinition {
  rate: string;
  numerator: string;
  denominator: string;
}

export interface AttackInput {
  files: PublishedFile[];
  /** The file whose statuses say which cells are protected (observations.parquet). */
  statusFile: string;
  areas: AreaRow[];
  /** The protected range of a count indicator in a year; null when it is not protected. */
  protection: (indicator: string, year: number) => Protection | null;
  rates: RateDefinition[];
}

export interface Attempt {
  method: Method;
  file: string;
  /** The hierarchy, for differences. */
  relation?: string;
  tried: number;
  recovered: number;
}

export interface Recovery {
  indicator_id: string;
  area_code: string;
  year: number;
  method: Method;
  file: string;
  /** What the cell was narrowed to. */
  low: number;
  high: number;
  /** The sum used (difference). */
  group?: string;
}

export interface AttackResult {
  /** Primary protected cells examined. */
  targets: number;
  attempts: Attempt[];
  recovered: Recovery[];
  /** Sums the published figures break (left out of the attack). */
  brokenSums: string[];
}

const key = (indicator: string, area: string, year: number) => `${indicator}|${area}|${year}`;
const MERGED = "all files together";

/** A rate shown with full precision or rounded to 6 significant digits (the unit archive): the count it implies, as a range. */
function rateRange(rate: number, population: number): CellRange {
  const slack = Math.abs(rate) * 5e-6 + 1e-9;
  return {lo: Math.max(0, Math.ceil(((rate - slack) * population) / 1000 - 1e-9)), hi: Math.floor(((rate + slack) * population) / 1000 + 1e-9)};
}

export function attack(input: AttackInput): AttackResult {
  const statusFile = input.files.find((f) => f.name === input.statusFile);
  if (!statusFile) throw new Error(`no file ${input.statusFile} among ${input.files.map((f) => f.name).join(", ")}`);
  const status = new Map(statusFile.sightings.map((s) => [key(s.indicator_id, s.area_code, s.year), s.status as Status]));
  const targets = statusFile.sightings.filter((s) => s.status === "suppressed" && input.protection(s.indicator_id, s.year));
  const targetKeys = new Set(targets.map((t) => key(t.indicator_id, t.area_code, t.year)));
  const attempts = new Map<string, Attempt>();
  const attempt = (method: Method, file: string, relation?: string) => {
    const k = `${method}|${file}|${relation ?? ""}`;
    if (!attempts.has(k)) attempts.set(k, {method, file, ...(relation ? {relation} : {}), tried: 0, recovered: 0});
    return attempts.get(k)!;
  };
  const recovered = new Map<string, Recovery>();
  const found = (r: Recovery) => {
    const k = key(r.indicator_id, r.area_code, r.year);
    if (!recovered.has(k)) recovered.set(k, r);
  };
  const seen = input.files.map((f) => ({name: f.name, at: new Map(f.sightings.map((s) => [key(s.indicator_id, s.area_code, s.year), s]))}));
  const anywhere = (k: string): Sighting[] => seen.flatMap((f) => (f.at.has(k) ? [f.at.get(k)!] : []));

  // direct
  for (const file of seen) {
    for (const t of targets) {
      const s = file.at.get(key(t.indicator_id, t.area_code, t.year));
      if (!s || file.name === input.statusFile) continue;
      const a = attempt("direct", file.name);
      a.tried++;
      if (s.value !== null) {
        a.recovered++;
        found({indicator_id: t.indicator_id, area_code: t.area_code, year: t.year, method: "direct", file: file.name, low: s.value, high: s.value});
      }
    }
  }

  // rate × population: the range each published rate implies for its count (any count cell, for the linked attack)
  const implied = new Map<string, CellRange>();
  for (const file of seen) {
    for (const def of input.rates) {
      for (const s of file.at.values()) {
        if (s.indicator_id !== def.rate) continue;
        const countKey = key(def.numerator, s.area_code, s.year);
        const isTarget = targetKeys.has(countKey);
        const a = isTarget ? attempt("rate × population", file.name) : null;
        if (a) a.tried++;
        let range: CellRange | null = null;
        if (s.numerator !== undefined && s.numerator !== null) range = {lo: s.numerator, hi: s.numerator};
        else if (s.value !== null) {
          const population = s.denominator ?? anywhere(key(def.denominator, s.area_code, s.year)).find((p) => p.value !== null)?.value ?? null;
          if (population !== null) range = rateRange(s.value, population);
        }
        if (!range) continue;
        const before = implied.get(countKey);
        implied.set(countKey, before ? {lo: Math.max(before.lo, range.lo), hi: Math.min(before.hi, range.hi)} : range);
        const protect = input.protection(def.numerator, s.year);
        if (a && protect && shortfall(range, protect) > 0) {
          a.recovered++;
          found({indicator_id: def.numerator, area_code: s.area_code, year: s.year, method: "rate × population", file: file.name, low: range.lo, high: range.hi});
        }
      }
    }
  }

  // difference and linked, table by table (indicator and year)
  const allGroups = RELATIONS.map((r) => ({relation: relationName(r), groups: sumGroups(input.areas, [r])}));
  const tables = new Map<string, Sighting[]>();
  for (const t of targets) {
    const k = `${t.indicator_id}|${t.year}`;
    if (!tables.has(k)) tables.set(k, []);
    tables.get(k)!.push(t);
  }
  const brokenSums: string[] = [];
  for (const tableTargets of tables.values()) {
    const {indicator_id: indicator, year} = tableTargets[0]!;
    const protect = input.protection(indicator, year)!;
    const prior = (area: string): Knowledge => {
      const s = status.get(key(indicator, area, year));
      return priorKnowledge(s ? {status: s, value: null} : undefined, protect);
    };
    const inTable = (file: {at: Map<string, Sighting>}) => (area: string) => file.at.has(key(indicator, area, year));
    const knowledgeFrom = (shown: (area: string) => number | null, areas: Iterable<string>) => {
      const cells = new Map<string, Knowledge>();
      for (const area of areas) {
        const v = shown(area);
        cells.set(area, v !== null ? {value: v} : prior(area));
      }
      return cells;
    };
    const judge = (ranges: Map<string, CellRange>, areas: readonly string[], method: Method, file: string, group?: string) => {
      let n = 0;
      for (const area of areas) {
        const range = ranges.get(area);
        if (!targetKeys.has(key(indicator, area, year)) || !range || shortfall(range, protect) === 0) continue;
        n++;
        found({indicator_id: indicator, area_code: area, year, method, file, low: range.lo, high: range.hi, ...(group ? {group} : {})});
      }
      return n;
    };

    for (const file of seen) {
      const has = inTable(file);
      for (const {relation, groups} of allGroups) {
        for (const group of groupsInTable(groups, has)) {
          const members = [group.total, ...group.parts];
          const inGroup = members.filter((m) => targetKeys.has(key(indicator, m, year))).length;
          if (!inGroup) continue;
          const a = attempt("difference", file.name, relation);
          a.tried += inGroup;
          const cells = knowledgeFrom((area) => file.at.get(key(indicator, area, year))?.value ?? null, members);
          try {
            a.recovered += judge(unknownRanges(cells, [group], members), members, "difference", file.name, group.id);
          } catch {
            brokenSums.push(`${indicator} ${year} ${group.id} (${file.name})`);
          }
        }
      }
    }

    // linked: everything every file shows, with the rate ranges as tighter priors
    const hasAnywhere = (area: string) => seen.some((f) => f.at.has(key(indicator, area, year)));
    const groups: SumGroup[] = allGroups.flatMap((g) => groupsInTable(g.groups, hasAnywhere));
    const members = [...new Set(groups.flatMap((g) => [g.total, ...g.parts]))];
    const cells = knowledgeFrom((area) => anywhere(key(indicator, area, year)).find((s) => s.value !== null)?.value ?? null, members);
    for (const [area, k] of cells) {
      const range = implied.get(key(indicator, area, year));
      if (!range || k.value !== null) continue;
      const lo = Math.max(k.lo, range.lo);
      const hi = Math.min(k.hi, range.hi);
      if (lo <= hi) cells.set(area, lo === hi ? {value: lo} : {value: null, lo, hi});
    }
    const usable = groups.filter((g) => {
      try {
        unknownRanges(cells, [g], []);
        return true;
      } catch {
        brokenSums.push(`${indicator} ${year} ${g.id}`);
        return false;
      }
    });
    const a = attempt("linked", MERGED);
    a.tried += tableTargets.length;
    // A target some file or rate already gives exactly (found above by its own method) counts here too.
    for (const t of tableTargets) {
      const k = cells.get(t.area_code);
      if (k?.value === null || k === undefined) continue;
      a.recovered++;
      found({indicator_id: indicator, area_code: t.area_code, year, method: "linked", file: MERGED, low: k.value, high: k.value});
    }
    try {
      a.recovered += judge(unknownRanges(cells, usable, tableTargets.map((t) => t.area_code).filter((area) => cells.get(area)?.value === null)), members, "linked", MERGED);
    } catch {
      brokenSums.push(`${indicator} ${year}: the sums together`);
    }
  }

  const order = (r: Recovery) => `${r.indicator_id}|${r.year}|${r.area_code}`;
  return {targets: targets.length, attempts: [...attempts.values()], recovered: [...recovered.values()].sort((a, b) => (order(a) < order(b) ? -1 : 1)), brokenSums: [...new Set(brokenSums)]};
}
