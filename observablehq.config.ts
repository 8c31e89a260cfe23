export default {
  title: "Öppna jämförelser – barn och unga",
  root: "src",
  lang: "sv",
  globalStylesheets: [],
  duckdb: {extensions: {json: null, parquet: null}},
  search: false,
  footer: "Exempeldata",
  pages: [{name: "Översikt", path: "/"}]
};
