/**
 * A survey file's header as a person saves it: below title rows, in the
 * wording of whoever exported it ("Kommunkod", "kommunkod", "Kommun"). The
 * questionnaire declaration (data/survey/questionnaires.json "columns", and a
 * question's "aliases") says which wordings mean the unit, its name and each
 * question; the readers find the header row with it and give the columns their
 * canonical names (Kod, Namn, F1, …).
 */
import {foldName} from "../reference/areaIndex.js";

export const UNIT_COLUMN = "Kod";
export const NAME_COLUMN = "Namn";

export interface HeaderWords {
  /** Wordings of the unit column and of the name column, in order of preference. */
  unit: string[];
  name: string[];
  /** Question code → other wordings of its column. */
  questions: Record<string, string[]>;
}

/** Rows above the header that a reader looks through. */
export const HEADER_SEARCH_ROWS = 20;

const matches = (cell: string, words: string[]) => words.some((w) => foldName(w) === foldName(cell));

/** The first of `rows` holding a wording of the unit column, or -1. */
export function findHeaderRow(rows: string[][], words: HeaderWords): number {
  return rows.slice(0, HEADER_SEARCH_ROWS).findIndex((cells) => cells.some((c) => c.trim() !== "" && matches(c, words.unit)));
}

/**
 * Canonical names for a header row: the first unit wording present becomes
 * Kod, the first other name wording Namn, a question's code or alias its code;
 * every other cell keeps its text (and validation refuses it).
 */
export function canonicalHeader(header: string[], words: HeaderWords): {names: string[]; original: Record<string, string>} {
  const names = header.map((h) => h.trim());
  const original: Record<string, string> = {};
  const take = (canonical: string, wordings: string[]) => {
    for (const wording of wordings) {
      const at = names.findIndex((h, i) => !(i in taken) && foldName(h) === foldName(wording));
      if (at >= 0) {
        taken[at] = true;
        if (names[at] !== canonical) original[canonical] = names[at]!;
        names[at] = canonical;
        return;
      }
    }
  };
  const taken: Record<number, true> = {};
  take(UNIT_COLUMN, words.unit);
  take(NAME_COLUMN, words.name);
  for (const [code, aliases] of Object.entries(words.questions)) take(code, [code, ...aliases]);
  return {names, original};
}
