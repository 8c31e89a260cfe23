/**
 * Text that must fit a slide box: PowerPoint does not shrink text written by a
 * program until someone edits it, and LibreOffice never does, so we choose the
 * font size ourselves from a conservative estimate of how many lines the text
 * takes. The estimate assumes an average glyph width of 0.52 em (Arial/Liberation
 * Sans in Swedish running text measures about 0.47 em) and breaks only at spaces.
 */
export const AVERAGE_GLYPH_EM = 0.52;
export const LINE_HEIGHT = 1.2;

/** Lines `text` takes in a box `widthIn` inches wide at `fontPt` points, wrapping at spaces. */
export function estimateLines(text: string, widthIn: number, fontPt: number): number {
  const perLine = Math.max(1, Math.floor((widthIn * 72) / (fontPt * AVERAGE_GLYPH_EM)));
  let lines = 0;
  for (const part of text.split("\n")) {
    let line = 0;
    lines++;
    for (const word of part.split(/\s+/).filter(Boolean)) {
      const need = line === 0 ? word.length : line + 1 + word.length;
      if (need <= perLine) line = need;
      else {
        lines += line === 0 ? Math.ceil(word.length / perLine) - 1 : 1;
        line = word.length % perLine || perLine;
      }
    }
  }
  return lines;
}

/** Height in inches of paragraphs at `fontPt`, with `spacingPt` after each paragraph. */
export function estimateHeight(paragraphs: string[], widthIn: number, fontPt: number, spacingPt = 0): number {
  const lines = paragraphs.reduce((n, p) => n + estimateLines(p, widthIn, fontPt), 0);
  return (lines * fontPt * LINE_HEIGHT + paragraphs.length * spacingPt) / 72;
}

/**
 * The largest size from `max` down to `min` (whole points) at which the
 * paragraphs fit the box, or null when they do not fit even at `min`.
 * `insetIn` is the text box's inner margin on each side.
 */
export function fitFontSize(
  paragraphs: string[],
  box: {w: number; h: number},
  {max, min, spacing = (size: number) => size * 0.6, insetIn = 0.1}: {max: number; min: number; spacing?: (size: number) => number; insetIn?: number}
): number | null {
  for (let size = max; size >= min; size--) {
    if (estimateHeight(paragraphs, box.w - 2 * insetIn, size, spacing(size)) <= box.h - 2 * insetIn) return size;
  }
  return null;
}
