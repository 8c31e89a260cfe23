// Observable Framework configuration. Offline by design: no global stylesheet
// from a font CDN, no DuckDB extensions to download, and pages import their
// libraries by name from node_modules (see README, "Offline").
export default {
  title: "Öppna jämförelser – barn och unga",
  root: "src",
  lang: "sv",
  style: "style.css",
  globalStylesheets: [],
  duckdb: {extensions: {json: null, parquet: null}},
  search: false,
  // Framework's pager and table of contents speak English; the sidebar is enough.
  pager: false,
  toc: {show: true, label: "Innehåll"},
  head: '<link rel="icon" href="favicon.svg" type="image/svg+xml">',
  header: '<span>Öppna jämförelser – social barn- och ungdomsvård</span> <span class="sample-badge" title="Enkätsvar och registervärden är genererade">Exempeldata</span>',
  footer:
    "<strong>Exempeldata</strong>: enkätsvar och registervärden är genererade för att likna de publicerade resultaten; de är inte verkliga uppgifter. Förlaga: Socialstyrelsen och SKL, Öppna jämförelser social barn- och ungdomsvård. Referensdata: SCB, Kolada (RKA).",
  pages: [
    {name: "Översikt", path: "/"},
    {
      name: "Rapporter",
      open: true,
      pages: [
        {name: "Barnens behov allt mer i centrum (2014)", path: "/rapporter/barnens-behov-allt-mer-i-centrum"},
        {name: "Några resultat i korthet (2016)", path: "/rapporter/resultat-i-korthet-2016"}
      ]
    },
    {name: "Användarguide", path: "/anvandarguide"}
  ]
};
