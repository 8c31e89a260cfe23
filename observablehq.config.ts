// Observable Framework configuration. Offline by design: no global stylesheet
// from a font CDN, no DuckDB extensions to download, and pages import their
// libraries by name from node_modules (see README, "Offline").
export default {
  title: "Öppna jämförelser – barn och unga",
  root: "src",
  lang: "sv",
  theme: ["air", "near-midnight"],
  globalStylesheets: [],
  duckdb: {extensions: {json: null, parquet: null}},
  search: false,
  head: '<link rel="icon" href="/favicon.svg" type="image/svg+xml">',
  footer: "Exempeldata: enkätsvar och registervärden är genererade för att likna de publicerade resultaten, inte verkliga uppgifter. Källor: Socialstyrelsen och SKR (Öppna jämförelser), SCB, Kolada (RKA).",
  pages: [{name: "Översikt", path: "/"}]
};
