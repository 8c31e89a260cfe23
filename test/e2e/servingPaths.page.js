// Driver for test/e2e/servingPaths.test.ts, served by bench/scale/harness.ts
// beside the project's src/: opens the site's seven tables with the real
// Database (src/components/db.js) in the mode asked for and answers queries.
const {Database} = await import("/src/components/db.js");
const files = window.__siteFiles;
const tables = Object.fromEntries(
  ["observations", "areas", "population", "indicators", "comparability", "responses", "surveys"].map((name) => [name, files[`../data/${name}.parquet`].href])
);
let db;
window.__open = async (mode) => {
  db = await Database.open(tables, {mode});
  const inMemory = db.serving ? await db.serving.inMemory : false;
  return {plan: db.serving?.plan ?? "parquet", inMemory, location: db.serving?.location ?? "page"};
};
window.__query = async (sql) => JSON.stringify(await db.query(sql), (_, v) => (typeof v === "bigint" ? Number(v) : v));
window.__ready = true;
