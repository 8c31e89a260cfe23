// @ts-check
// The charts' own colours. Units and references take theirs from
// src/lib/compare/palette.js; these are for marks with no unit behind them.

/** The page theme's focus colour: one series, a highlighted bar or dot. */
export const FOCUS = "var(--theme-foreground-focus)";
/** Every other unit, as a quiet dot or bar. */
export const MUTED = "#9fb3d9";
/** Where there is no value: a grey that reads as "nothing here", on maps and as a year's gap band. */
export const MISSING_FILL = "#c4c4c4";
/** A map's ramp, light to dark blue; the light end still clearly blue, so a 0 stands out from the page. */
export const MAP_RANGE = ["#d6e6f5", "#0b3d7a"];
/** Series without a colour of their own (Tableau 10). */
export const SERIES_COLORS = ["#4e79a7", "#f28e2c", "#59a14f", "#e15759", "#76b7b2", "#edc949", "#af7aa1", "#ff9da7", "#9c755f", "#bab0ab"];
