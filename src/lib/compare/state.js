// @ts-check
// The comparison tool's state in the URL, so a link reproduces the view:
//   /jamfor?enhet=1480&med=0114,1480-01&tema=bbic&ar=2016&karta=bbic_ordinarie_licens
// enhet: the chosen kommun or stadsdel; med: up to four more to compare with;
// tema: the theme's slug; ar: the year; karta: the indicator on the map.
// Unknown or malformed values fall back to the defaults, never to an error page.

export const MAX_UNITS = 5;

/**
 * Reads the state from a query string. `known` has sets/lists to validate
 * against: units (codes), themes (slugs); years and indicators are validated
 * later, when the theme's are known.
 * @param {string} search
 * @param {{units: Iterable<string>, themes: readonly string[], defaults?: {unit?: string | null, theme?: string | null}}} known
 * @returns {{unit: string | null, others: string[], theme: string | null, year: number | null, mapIndicator: string | null}}
 */
export function readState(search, {units, themes, defaults = {}}) {
  const params = new URLSearchParams(search);
  const unitSet = new Set(units);
  const enhet = params.get("enhet");
  const unit = enhet !== null && unitSet.has(enhet) ? enhet : defaults.unit ?? null;
  /** @type {string[]} */
  const others = [];
  for (const code of (params.get("med") ?? "").split(",").map((c) => c.trim())) {
    if (unitSet.has(code) && code !== unit && !others.includes(code) && others.length < MAX_UNITS - 1) others.push(code);
  }
  const tema = params.get("tema");
  const theme = tema !== null && themes.includes(tema) ? tema : defaults.theme ?? themes[0] ?? null;
  const year = /^\d{4}$/.test(params.get("ar") ?? "") ? Number(params.get("ar")) : null;
  const mapIndicator = /^[a-z0-9_]+$/.test(params.get("karta") ?? "") ? params.get("karta") : null;
  return {unit, others, theme, year, mapIndicator};
}

/**
 * The query string for a state (keys in a fixed order, empty ones left out).
 * @param {{unit?: string | null, others?: string[], theme?: string | null, year?: number | null, mapIndicator?: string | null}} state
 * @returns {string}
 */
export function stateSearch({unit, others = [], theme, year, mapIndicator}) {
  const params = new URLSearchParams();
  if (unit) params.set("enhet", unit);
  if (others.length) params.set("med", others.join(","));
  if (theme) params.set("tema", theme);
  if (year) params.set("ar", String(year));
  if (mapIndicator) params.set("karta", mapIndicator);
  return `?${params.toString().replaceAll("%2C", ",")}`;
}

/**
 * Picks `wanted` if it is among `available`, else the last (newest) available; null when none is.
 * @param {readonly number[]} available
 * @param {number | null | undefined} wanted
 * @returns {number | null}
 */
export function pickYear(available, wanted) {
  if (wanted !== null && wanted !== undefined && available.includes(wanted)) return wanted;
  return available[available.length - 1] ?? null;
}
