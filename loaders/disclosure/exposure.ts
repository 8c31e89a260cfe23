/**
 * What the published cells of one table (one indicator and year) reveal about
 * its unpublished cells: each sum (a total and its parts) is an equation, each
 * unpublished cell an unknown with the range an analyst knows beforehand (a
 * protected count lies between the threshold's bounds, any count is ≥ 0), and
 * linearBounds gives the range every unknown is narrowed to. Unknowns that
 * share no sum are solved separately, so each problem stays small.
 */
import {linearBounds, type Equation} from "./linearBounds.js";

/** A sum that holds in the table: total = Σ parts (area codes). */
export interface SumGroup {
  id: string;
  total: string;
  parts: readonly string[];
}

/** A published cell has a value; an unpublished one the range known beforehand. */
export type Knowledge = {value: number} | {value: null; lo: number; hi: number};

export interface CellRange {
  lo: number;
  hi: number;
}

/** The published cells contradict a sum (or a combination of sums). */
export class InconsistentSums extends Error {
  constructor(
    readonly groups: readonly string[],
    message: string
  ) {
    super(message);
    this.name = "InconsistentSums";
  }
}

/** How the unknowns hang together: which sums each unknown is in, and which unknowns each sum holds. */
export interface Linkage {
  groupsOf: Map<string, SumGroup[]>;
  /** The unknowns connected to `key` through sums with other unknowns (itself included), sorted. */
  component(key: string): string[];
}

const isKnown = (k: Knowledge | undefined): k is {value: number} => k !== undefined && k.value !== null;

export function linkage(cells: ReadonlyMap<string, Knowledge>, groups: readonly SumGroup[]): Linkage {
  const groupsOf = new Map<string, SumGroup[]>();
  for (const group of groups) {
    for (const key of [group.total, ...group.parts]) {
      if (!groupsOf.has(key)) groupsOf.set(key, []);
      groupsOf.get(key)!.push(group);
    }
  }
  const component = (key: string): string[] => {
    const seen = new Set([key]);
    const queue = [key];
    while (queue.length) {
      for (const group of groupsOf.get(queue.pop()!) ?? []) {
        for (const other of [group.total, ...group.parts]) {
          if (!seen.has(other) && !isKnown(cells.get(other))) {
            seen.add(other);
            queue.push(other);
          }
        }
      }
    }
    return [...seen].sort();
  };
  return {groupsOf, component};
}

/** The equation of one sum over the unknowns in `index`: Σ unknown parts − unknown total = known total − Σ known parts. */
function equationOf(group: SumGroup, cells: ReadonlyMap<string, Knowledge>, index: ReadonlyMap<string, number>): Equation {
  const terms: [number, number][] = [];
  let rhs = 0;
  const add = (key: string, sign: number) => {
    const k = cells.get(key);
    if (isKnown(k)) rhs -= sign * k.value;
    else terms.push([index.get(key)!, sign]);
  };
  for (const part of group.parts) add(part, 1);
  add(group.total, -1);
  return {terms, rhs};
}

/**
 * The range of each unknown in `keys` (and of those connected to them) that
 * the published cells allow. Throws InconsistentSums when the published cells
 * break a sum.
 */
export function unknownRanges(cells: ReadonlyMap<string, Knowledge>, groups: readonly SumGroup[], keys?: Iterable<string>): Map<string, CellRange> {
  const link = linkage(cells, groups);
  const ranges = new Map<string, CellRange>();
  for (const group of groups) {
    const members = [group.total, ...group.parts];
    if (members.every((m) => isKnown(cells.get(m)))) {
      const eq = equationOf(group, cells, new Map());
      if (Math.abs(eq.rhs) > 1e-6 * Math.max(1, Math.abs((cells.get(group.total) as {value: number}).value))) {
        throw new InconsistentSums([group.id], `${group.id}: the total ${(cells.get(group.total) as {value: number}).value} is not the sum of its parts (${-eq.rhs > 0 ? "parts exceed it by " : "parts fall short by "}${Math.abs(eq.rhs)})`);
      }
    }
  }
  const wanted = keys ? [...keys] : [...cells.keys()];
  for (const key of wanted) {
    if (ranges.has(key) || isKnown(cells.get(key))) continue;
    const members = link.component(key);
    const index = new Map(members.map((m, i) => [m, i]));
    const sums = [...new Set(members.flatMap((m) => link.groupsOf.get(m) ?? []))].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    const prior = members.map((m) => {
      const k = cells.get(m);
      return k && k.value === null ? k : {lo: 0, hi: Infinity};
    });
    const solved = linearBounds({lower: prior.map((p) => p.lo), upper: prior.map((p) => p.hi), equations: sums.map((g) => equationOf(g, cells, index))});
    if (!solved) throw new InconsistentSums(sums.map((g) => g.id), `${sums.map((g) => g.id).join(", ")}: the published cells do not fit these sums with the unpublished cells in their known ranges`);
    members.forEach((m, i) => ranges.set(m, {lo: solved[i]!.min, hi: solved[i]!.max}));
  }
  return ranges;
}
