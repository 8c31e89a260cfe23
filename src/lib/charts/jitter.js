// @ts-check
// Where a unit's dot sits across a strip chart: a stable hash of its code, so
// the picture does not move between renders and units with the same value
// (a yes/no answer is 0 or 100 for most of them) stay apart.

/**
 * A number in [-0.5, 0.5) from a unit's code, the same for the same code.
 * @param {string | number} code
 * @returns {number}
 */
export function jitter(code) {
  let h = 0;
  for (const c of String(code)) h = (h * 31 + c.charCodeAt(0)) >>> 0;
  return (h % 1000) / 1000 - 0.5;
}
