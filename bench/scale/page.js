// The in-page driver of `npm run bench -- scale` (served by bench/scale/harness.ts
// beside the project's own src/ and node_modules/): opens the tables with the
// project's Database (src/components/db.js) one way, runs the same queries as
// every other way, and leaves what it measured in window.__scale.
// URL parameters: rows, mode (an OpenMode of db.js), lookups.
const params = new URLSearchParams(location.search);
const rows = Number(params.get("rows"));
const mode = params.get("mode") ?? "auto";
const LOOKUPS = Number(params.get("lookups") ?? 20);
const YEARS = 15;
const AREAS = 341;
const out = (window.__scale = {marks: {}, lookups: [], done: false});

const indicatorId = (i) => `indikator_${String(i).padStart(5, "0")}_andel`;
/** One indicator, one year, every unit: the query a page runs when the user picks an indicator. */
export const lookupSql = (i, year) =>
  `SELECT o.area_code, a.name, o.value, o.status FROM observations o JOIN areas a ON a.code = o.area_code WHERE o.indicator_id = '${indicatorId(i)}' AND o.year = ${year} ORDER BY o.area_code`;
/** Every row once: the heaviest thing a notebook commonly asks. */
export const GROUP_BY_SQL = `SELECT indicator_id, year, count(*) AS units, avg(value) AS mean, sum(numerator) AS yes FROM observations GROUP BY indicator_id, year ORDER BY indicator_id, year`;

try {
  const {Database} = await import("/src/components/db.js");
  const timings = {};
  const db = await Database.open(
    {observations: window.__siteFiles["../data/observations.parquet"].href, areas: window.__siteFiles["../data/areas.parquet"].href},
    {mode, timings}
  );
  out.marks.up = timings.up;
  out.marks.ready = timings.ready;
  out.plan = db.serving?.plan ?? "parquet";
  const indicators = Math.ceil(rows / (AREAS * YEARS));
  const first = await db.query(lookupSql(indicators >> 1, 2016));
  out.marks.first = performance.now();
  out.firstRows = first.map((r) => [r.area_code, r.name, r.value, r.status]);
  if (db.serving) {
    out.inMemory = await db.serving.inMemory;
    out.marks.inMemory = performance.now();
  }
  for (let k = 0; k < LOOKUPS; k++) {
    const started = performance.now();
    const result = await db.query(lookupSql((k * 7919 + 11) % indicators, 2010 + (k % YEARS)));
    out.lookups.push(performance.now() - started);
    if (result.length !== AREAS && result.length !== 0) throw new Error(`lookup ${k}: ${result.length} rows`);
  }
  const started = performance.now();
  const grouped = await db.query(GROUP_BY_SQL);
  out.groupBy = performance.now() - started;
  out.groupRows = grouped.length;
  out.groupSum = grouped.reduce((sum, r) => sum + Number(r.units) + (r.mean ?? 0) + Number(r.yes ?? 0), 0);
} catch (error) {
  out.error = String(error?.stack ?? error);
}
out.done = true;
