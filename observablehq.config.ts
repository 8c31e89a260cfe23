// Observable Framework configuration. Offline by design: no global stylesheet
// from a font CDN, no DuckDB extensions to download, and pages import their
// libraries by name from node_modules (see README, "Offline").
import {existsSync} from "node:fs";
import {staticUnits, unitPageText} from "./publish/units/unitMarkdown.js";
import {readReference} from "./loaders/reference/readReference.js";

const CSP = "default-src 'self'; script-src 'self' 'unsafe-inline' 'wasm-unsafe-eval'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; worker-src 'self' blob:; frame-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'";
const src = (path: string) => existsSync(new URL(`./src/${path}`, import.meta.url));
type Page = {name: string; path?: string; open?: boolean; pages?: Page[]};
// The sidebar lists the pages that exist in src/, so a page is added by writing it.
const existing = (pages: Page[]): Page[] =>
  pages.filter((p) => p.pages || (p.path && src(p.path === "/" ? "index.md" : p.path.endsWith("/") ? `${p.path.slice(1)}index.md` : `${p.path.slice(1)}.md`)));

// One report page per kommun and stadsdel (src/kommun/[kod].md).
const reference = readReference(new URL("./data", import.meta.url).pathname);
const unitCodes = [...reference.kommuner.map((k) => k.code), ...reference.stadsdelar.map((s) => s.code)];
const unitPages = src("kommun/[kod].md") && process.env.OJ_UNIT_PAGES !== "0";

export default {
  title: "Öppna jämförelser – barn och unga",
  root: "src",
  output: process.env.OJ_DIST ?? "dist",
  lang: "sv",
  style: "style.css",
  globalStylesheets: [],
  duckdb: {extensions: {json: null, parquet: null}},
  search: false,
  // Framework's pager speaks English; the sidebar is enough.
  pager: false,
  toc: {show: true, label: "Innehåll"},
  // The Content-Security-Policy of every page (see scripts/csp.mjs, which fills in
  // the hashes of each page's inline scripts after the build; test/scripts/csp.test.ts
  // checks that this text is that script's policy).
  head: `<meta http-equiv="Content-Security-Policy" content="${CSP}"><link rel="icon" href="favicon.svg" type="image/svg+xml">`,
  header: '<span>Öppna jämförelser – social barn- och ungdomsvård</span> <span class="sample-badge" title="Enkätsvar och registervärden är genererade">Exempeldata</span>',
  footer:
    "<strong>Exempeldata</strong>: enkätsvar och registervärden är genererade för att likna de publicerade resultaten; de är inte verkliga uppgifter. Förlaga: Socialstyrelsen och SKL, Öppna jämförelser social barn- och ungdomsvård. Referensdata: SCB, Kolada (RKA).",
  dynamicPaths: unitPages ? unitCodes.map((code) => `/kommun/${code}`) : [],
  // Unit pages: names and other static text written into the built HTML (title, h1), not only by the browser.
  markdownIt: (md: import("markdown-it").default) => md.use(unitPageText(staticUnits(reference))),
  pages: existing([
    {name: "Översikt", path: "/"},
    {name: "Jämför kommuner", path: "/jamfor"},
    {name: "Kommuner och stadsdelar", path: "/kommun/"},
    {
      name: "Rapporter",
      open: true,
      pages: [
        {name: "Barnens behov allt mer i centrum (2014)", path: "/rapporter/barnens-behov-allt-mer-i-centrum"},
        {name: "Några resultat i korthet (2016)", path: "/rapporter/resultat-i-korthet-2016"}
      ]
    },
    {name: "Utforska data", path: "/utforska"},
    {name: "Användarguide", path: "/anvandarguide"},
    {name: "Om data", path: "/om-data"}
  ])
};
