// @ts-check
// How wide a chart label is and on which side of a point it fits, without a
// DOM: margins and label sides are decided before Plot draws, from the text
// itself, so a tick label or a note is never cut at the chart's edge.

// Advance widths in hundredths of an em, the larger of DejaVu Sans (what
// system-ui is on Linux, and the widest common sans-serif) and Liberation
// Sans (Arial's metrics), so the estimate is an upper bound on every system.
const WIDTHS = new Map(
  Object.entries({
    "0123456789": 64,
    "abdeghnopquåäöéü": 63,
    c: 55, f: 35, ijl: 28, k: 58, m: 97, r: 41, s: 52, t: 39, vxy: 59, w: 82, z: 52,
    ABEKPSYÅÄÉ: 69, CR: 72, D: 77, FT: 61, GOQÖ: 79, HNUÜ: 75, I: 29, J: 50, L: 56, M: 86, VXZ: 69, W: 99,
    " ": 32, ".,": 32, ";:": 34, "%": 95, "-": 36, "–": 56, "—→": 100, "()": 39, "/": 34, "+×↑−": 84, "'": 27, '"': 46,
    "\u202f": 20, "\u00a0": 32, "&": 78, "?": 56, "!": 40
  }).flatMap(([chars, width]) => [...chars].map((c) => [c, width]))
);
/** Any character not listed: as wide as a wide capital, to stay an upper bound. */
const OTHER = 80;
/** Bold text in these fonts is at most this much wider. */
const BOLD = 1.12;

/**
 * The width in pixels of `text` set in the charts' sans-serif at `fontSize`
 * pixels: an upper bound, so margins made from it never clip.
 * @param {string} text
 * @param {{fontSize?: number, bold?: boolean}} [options]
 * @returns {number}
 */
export function textWidth(text, {fontSize = 10, bold = false} = {}) {
  let hundredths = 0;
  for (const c of text) hundredths += WIDTHS.get(c) ?? OTHER;
  return (hundredths / 100) * fontSize * (bold ? BOLD : 1);
}

/**
 * Which way a label of `width` pixels runs from `x` (after a `gap`) so that it
 * stays within [left, right]: "start" (to the right) when it fits there, else
 * "end" (to the left) when it fits there, else the side with more room.
 * @param {number} x
 * @param {number} width
 * @param {[number, number]} bounds
 * @param {number} [gap]
 * @returns {"start" | "end"}
 */
export function labelSide(x, width, [left, right], gap = 4) {
  if (x + gap + width <= right) return "start";
  if (x - gap - width >= left) return "end";
  return right - x >= x - left ? "start" : "end";
}
