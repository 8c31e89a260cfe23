/**
 * What the rows around a table look like in files people and publishers save:
 * blank rows, rows of only delimiters (Excel's ";;;"), and notes (a source
 * line, a footnote) in one cell. Shared by the csv and xlsx readers.
 */

/** Blank, or only delimiters and spaces. */
export const isEmptyRow = (cells: readonly string[]): boolean => cells.every((c) => c.trim() === "");

/** A note: one non-empty cell, holding a letter ("Källa: Socialstyrelsen", "Uppgifterna avser …"). */
export function isNoteRow(cells: readonly string[]): boolean {
  const filled = cells.filter((c) => c.trim() !== "");
  return filled.length === 1 && /\p{L}/u.test(filled[0]!);
}

/** The text a message quotes for a row: its non-empty cells, cut to 80 characters. */
export function rowText(cells: readonly string[]): string {
  const text = cells.filter((c) => c.trim() !== "").join(" ").replace(/\s+/g, " ").trim();
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}

/**
 * How many rows at the end are notes or empty, after the last row that could
 * be data; `isData` lets a reader keep a lone cell that names an area.
 */
export function trailingNotes(rows: readonly (readonly string[])[], isData: (cells: readonly string[]) => boolean = () => false): number {
  let cut = rows.length;
  while (cut > 0) {
    const cells = rows[cut - 1]!;
    if (isEmptyRow(cells) || (isNoteRow(cells) && !isData(cells))) cut--;
    else break;
  }
  return rows.length - cut;
}
