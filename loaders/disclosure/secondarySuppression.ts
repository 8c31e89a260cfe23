/**
 * Secondary (complementary) suppression of one table: hide the fewest,
 * smallest further cells so that no protected cell can be narrowed, from the
 * published cells and every sum they are in, beyond what its marker already
 * says (a count between the threshold's bounds, e.g. 1–4).
 *
 * The analyst this guards against knows every published cell and sum, the
 * threshold, and each cell's status: a primary cell lies in [from, to], a
 * secondary cell is a count the threshold did not protect, so ≥ to + 1 (zero
 * cells are never used: hiding a zero hides nothing), a missing cell ≥ 0.
 * A primary cell is safe when the range the published figures leave for it is
 * still the whole [from, to]. This covers one protected cell in a sum (exact),
 * several whose sum is derivable and small (their range shrinks), the same cell
 * in two hierarchies and sums that combine across levels (linearBounds solves
 * all sums of the table together).
 *
 * Greedy and deterministic: while a primary cell is unsafe, take the first (by
 * area code); among the published cells in a sum with its connected unknowns,
 * take the one that leaves the least total shortfall of the unknowns' ranges,
 * then the smallest value, then the lowest code. When no single cell helps (a
 * total whose own parts all are published reveals itself), take the smallest
 * part, preferring parts to totals, so that the next round can cover it. The
 * top total of a hierarchy (riket) is used only when nothing else is left.
 */
import type {Status} from "../schema/vocabulary.js";
import {linkage, unknownRanges, type CellRange, type Knowledge, type SumGroup} from "./exposure.js";

export interface Protection {
  /** Counts from..to (inclusive) are protected. */
  from: number;
  to: number;
}

export interface TableCell {
  value: number | null;
  status: Status;
}

export interface SecondaryChoice {
  area_code: string;
  /** The sum it was chosen from. */
  group: string;
  /** The protected cell it covers. */
  protects: string;
}

/** What an analyst knows beforehand about a cell of this status. */
export function priorKnowledge(cell: TableCell | undefined, protect: Protection): Knowledge {
  if (!cell) return {value: null, lo: 0, hi: Infinity};
  switch (cell.status) {
    case "ok":
      return cell.value === null ? {value: null, lo: 0, hi: Infinity} : {value: cell.value};
    case "suppressed":
      return {value: null, lo: protect.from, hi: protect.to};
    case "suppressed_secondary":
      return {value: null, lo: protect.to + 1, hi: Infinity};
    case "not_applicable":
      return {value: 0};
    default:
      return {value: null, lo: 0, hi: Infinity};
  }
}

/** How far a primary cell's derivable range falls short of the whole protected range (0: safe). */
export function shortfall(range: CellRange, protect: Protection): number {
  const lacking = Math.max(0, range.lo - protect.from) + Math.max(0, protect.to - range.hi);
  return lacking < 1e-6 ? 0 : lacking;
}

const byCode = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export function secondarySuppression(table: ReadonlyMap<string, TableCell>, groups: readonly SumGroup[], protect: Protection): SecondaryChoice[] {
  const cells = new Map<string, TableCell>(table);
  const knowledge = new Map<string, Knowledge>();
  for (const group of groups) for (const key of [group.total, ...group.parts]) knowledge.set(key, priorKnowledge(cells.get(key), protect));
  const primaries = [...cells.keys()].filter((k) => cells.get(k)!.status === "suppressed" && knowledge.has(k)).sort(byCode);
  const isPart = new Set(groups.flatMap((g) => g.parts));
  const chosen: SecondaryChoice[] = [];

  const shortfallOf = (keys: readonly string[]): number => {
    const ranges = unknownRanges(knowledge, groups, keys);
    return keys.reduce((sum, k) => sum + (cells.get(k)?.status === "suppressed" ? shortfall(ranges.get(k)!, protect) : 0), 0);
  };

  for (;;) {
    const ranges = unknownRanges(knowledge, groups, primaries);
    const target = primaries.find((k) => shortfall(ranges.get(k)!, protect) > 0);
    if (target === undefined) return chosen;
    const link = linkage(knowledge, groups);
    const component = link.component(target);
    const touching = [...new Set(component.flatMap((k) => link.groupsOf.get(k) ?? []))];
    const candidates = new Map<string, {group: string; part: boolean}>();
    for (const group of touching.sort((a, b) => byCode(a.id, b.id))) {
      for (const key of [...group.parts, group.total]) {
        const k = knowledge.get(key);
        if (k === undefined || k.value === null || k.value < protect.to + 1 || candidates.has(key)) continue;
        candidates.set(key, {group: group.id, part: group.parts.includes(key)});
      }
    }
    // The top total (riket) only as a last resort: users need it most.
    const usable = [...candidates].filter(([key]) => isPart.has(key));
    const pool = usable.length ? usable : [...candidates];
    if (!pool.length) throw new Error(`secondary suppression: nothing left to hide around ${target} (${touching.map((g) => g.id).join(", ")})`);

    const before = shortfallOf(component);
    const scored = pool.map(([key, {group, part}]) => {
      const value = (knowledge.get(key) as {value: number}).value;
      knowledge.set(key, {value: null, lo: protect.to + 1, hi: Infinity});
      const after = Math.round(shortfallOf([...component, key]) * 1e6) / 1e6;
      knowledge.set(key, {value});
      return {key, group, part, value, after, helps: after < before - 1e-6};
    });
    // Cells that reduce the shortfall first (least left, then smallest); else the smallest part.
    scored.sort((a, b) => Number(b.helps) - Number(a.helps) || (a.helps ? a.after - b.after : Number(b.part) - Number(a.part)) || a.value - b.value || byCode(a.key, b.key));
    const best = scored[0]!;
    cells.set(best.key, {value: null, status: "suppressed_secondary"});
    knowledge.set(best.key, priorKnowledge(cells.get(best.key), protect));
    chosen.push({area_code: best.key, group: best.group, protects: target});
  }
}
