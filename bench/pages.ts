// `npm run bench -- page`: every page's first content, cold (new browser
// context each: empty HTTP cache, no compiled wasm), median of BENCH_RUNS (5),
// and what it cost on the wire: bytes as sent (compressed where the server had
// a .br/.gz copy) and the same files uncompressed (their size in dist/), and
// whether the page fetched DuckDB-WASM at all. "First content" is the page's
// first view: the figure a reader came for (see each milestone), not a spinner.
import {existsSync, statSync} from "node:fs";
import {join} from "node:path";
import {launchBrowser} from "../test/e2e/globalSetup.js";
import {coldLoad, type Milestone, type Sample} from "./pageLoad.js";
import {fixed, median, type BenchSection, type BenchTable} from "./types.js";

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const TARGET_MS = 1000;

const visible = (selector: string, count = 1) =>
  `() => [...document.querySelectorAll(${JSON.stringify(selector)})].filter((e) => e.getClientRects().length > 0).length >= ${count}`;
const MARKS = 'g[aria-label="line"] path, g[aria-label="dot"] circle, g[aria-label="bar"] rect';

/** Each page and the first view it must show. */
export const PAGES: {path: string; what: string; milestone: Milestone}[] = [
  {path: "/", what: "national trend chart and the table per län", milestone: {key: "first", label: "", test: `() => (${visible(`#trend-card svg :is(${MARKS})`)})() && (${visible("#lan-table tbody tr", 21)})()`}},
  {path: "/jamfor", what: "0180's indicator cards with their charts", milestone: {key: "first", label: "", test: visible("#compare-results .indicator-card svg", 3)}},
  {path: "/kommun/", what: "the list of kommuner and stadsdelar", milestone: {key: "first", label: "", test: visible("#unit-table tbody tr", 100)}},
  {path: "/kommun/0180", what: "Stockholm's summary sentences", milestone: {key: "first", label: "", test: visible("#narrative li", 2)}},
  {
    path: "/rapporter/barnens-behov-allt-mer-i-centrum",
    what: "the 2013 sentences and the län chart",
    milestone: {key: "first", label: "", test: `() => !!document.querySelector('[data-sentence="lead"]')?.textContent.trim() && (${visible('#competence-by-lan svg g[aria-label="bar"] rect', 21)})()`}
  },
  {
    path: "/rapporter/resultat-i-korthet-2016",
    what: "the 2016 sentences and the BBIC trend",
    milestone: {key: "first", label: "", test: `() => !!document.querySelector('[data-sentence="bbic"]')?.textContent.trim() && (${visible(`#bbic-trend svg :is(${MARKS})`)})()`}
  },
  {path: "/anvandarguide", what: "every indicator's description", milestone: {key: "first", label: "", test: visible(".card.indicator h4", 18)}},
  {path: "/om-data", what: "the load report's tables and sources", milestone: {key: "first", label: "", test: visible("table tbody tr", 7)}},
  {path: "/utforska", what: "the notebook (editor); its first cell then runs in DuckDB-WASM", milestone: {key: "first", label: "", test: visible(".nb-cell .cm-editor")}}
];

/** The size of the file a URL of the site names in dist/ (the uncompressed bytes), 0 if it is none. */
function distSize(distDir: string, url: string): number {
  const path = decodeURIComponent(new URL(url).pathname);
  for (const candidate of [path, `${path}.html`, join(path, "index.html")]) {
    const file = join(distDir, candidate);
    if (existsSync(file) && statSync(file).isFile()) return statSync(file).size;
  }
  return 0;
}

export const page: BenchSection = {
  name: "page",
  title: `First content of every page, cold, median of ${RUNS} (headless Chromium, new context per load, ms from navigation start)`,
  async run({baseUrl, distDir, ensureBuilt, onCleanup, log}) {
    await ensureBuilt();
    const base = `${await baseUrl()}/`;
    const browser = await launchBrowser();
    onCleanup(() => browser.close());
    const table: BenchTable = {
      columns: ["page", "first content ms", "min–max", "main-thread CPU ms", "DOMContentLoaded ms", "requests", "sent MB (compressed)", "files MB (uncompressed)", "DuckDB-WASM fetched by then", "first view"],
      rows: [],
      notes: [
        `Target (issue 15): first content ≤ ${TARGET_MS} ms on every page, drawn before DuckDB-WASM is up.`,
        "sent: response bodies as transferred plus headers (.br/.gz where the server has them); files: the same responses' files in dist/.",
        "main-thread CPU: the page's own work until its first content (CDP ThreadTime), which other load on the machine does not inflate as it does wall time.",
        "/jamfor: the indicator cards above the fold (the map below them is drawn from the same build-time answers, a moment later).",
        "/utforska opens the engine at once (its first cell runs); its first content is the notebook itself."
      ]
    };
    for (const {path, what, milestone} of PAGES) {
      const samples: Sample[] = [];
      for (let i = 0; i < RUNS; i++) {
        try {
          samples.push(await coldLoad(browser, new URL(path.slice(1), base).href, [milestone]));
        } catch (error) {
          log(`page ${path}: run ${i + 1} failed: ${error instanceof Error ? error.message.slice(0, 160) : error}`);
        }
      }
      if (samples.length === 0) {
        table.rows.push([path, "FAILED", "", "", "", "", "", "", "", what]);
        continue;
      }
      const first = samples.map((s) => s.marks.first!);
      const wasm = samples.some((s) => s.transfers.some((t) => t.url.endsWith(".wasm")));
      const files = samples.map((s) => s.transfers.reduce((a, t) => a + distSize(distDir, t.url), 0));
      log(`page ${path}: first content ${fixed(median(first), 0)} ms`);
      table.rows.push([
        path,
        fixed(median(first), 0),
        `${fixed(Math.min(...first), 0)}–${fixed(Math.max(...first), 0)}`,
        fixed(median(samples.map((s) => s.cpuMs)), 0),
        fixed(median(samples.map((s) => s.domContentLoaded)), 0),
        median(samples.map((s) => s.requests)),
        fixed(median(samples.map((s) => s.bytes)) / 1e6, 2),
        fixed(median(files) / 1e6, 2),
        wasm ? "yes" : "no",
        what
      ]);
    }
    return table;
  }
};

export const sections = [page];
