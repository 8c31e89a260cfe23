// @ts-check
// Användarguide: indicator metadata, comparability groups, survey rounds and
// how many areas of each level there are. Computed at build time only
// (publish/firstViews.ts): the guide needs no database in the browser.

/** @typedef {import("./sql.js").Query} Query */

/** @param {Query} query */
export async function guideData(query) {
  const [indicators, groups, surveys, counts] = await Promise.all([
    query("SELECT * FROM indicators ORDER BY theme, title"),
    query("SELECT * FROM comparability ORDER BY indicator_id, first_year"),
    query("SELECT * FROM surveys ORDER BY year"),
    query("SELECT level, count(*) AS n FROM areas GROUP BY level ORDER BY level")
  ]);
  return {indicators, groups, surveys, n: Object.fromEntries(counts.map((d) => [d.level, d.n]))};
}
