/**
 * Which areas add up to which: kommuner to their län, län to riket,
 * stadsdelar to their storstad (and kommuner straight to riket, when a policy
 * says so). Each relation gives one sum per total area; a table (one indicator
 * and year) holds the sums whose total and at least one part it has.
 */
import type {Level} from "../schema/vocabulary.js";
import {RIKET_CODE} from "../reference/areaCodes.js";
import type {SumGroup} from "./exposure.js";

export interface AreaRow {
  code: string;
  level: Level | string;
  lan_code: string | null;
  kommun_code: string | null;
}

export interface TotalRelation {
  parts: Level;
  total: Level;
}

/** The relations the area reference knows, with the parent of each part. */
const PARENT: Record<string, (area: AreaRow) => string | null> = {
  "kommun→län": (a) => a.lan_code,
  "län→riket": () => RIKET_CODE,
  "kommun→riket": () => RIKET_CODE,
  "stadsdel→kommun": (a) => a.kommun_code
};

export const RELATIONS: readonly TotalRelation[] = Object.keys(PARENT).map((key) => {
  const [parts, total] = key.split("→") as [Level, Level];
  return {parts, total};
});

export const relationName = (r: TotalRelation): string => `${r.parts}→${r.total}`;

export const isKnownRelation = (r: TotalRelation): boolean => relationName(r) in PARENT;

/** Every sum of the given relations over the area reference: id "kommun→län 06", total "06", parts its kommuner. */
export function sumGroups(areas: readonly AreaRow[], relations: readonly TotalRelation[]): SumGroup[] {
  const groups: SumGroup[] = [];
  for (const relation of relations) {
    const parent = PARENT[relationName(relation)];
    if (!parent) throw new Error(`no relation ${relationName(relation)} (expected one of ${Object.keys(PARENT).join(", ")})`);
    const byTotal = new Map<string, string[]>();
    for (const area of areas) {
      if (area.level !== relation.parts) continue;
      const total = parent(area);
      if (total === null) continue;
      if (!byTotal.has(total)) byTotal.set(total, []);
      byTotal.get(total)!.push(area.code);
    }
    const totals = new Set(areas.filter((a) => a.level === relation.total).map((a) => a.code));
    for (const [total, parts] of [...byTotal].sort(([a], [b]) => (a < b ? -1 : 1))) {
      if (totals.has(total)) groups.push({id: `${relationName(relation)} ${total}`, total, parts: parts.sort()});
    }
  }
  return groups;
}

/** The sums a table can use: its total has a row, and so has at least one part (parts without a row are unknown). */
export function groupsInTable(groups: readonly SumGroup[], has: (code: string) => boolean): SumGroup[] {
  return groups.filter((g) => has(g.total) && g.parts.some(has));
}
