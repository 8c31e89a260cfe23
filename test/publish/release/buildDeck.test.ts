/**
 * The national slide deck unzipped and read as XML: every chart's cached data
 * and its embedded workbook (what "Edit data" opens) equal the riket figures
 * from DuckDB, no series crosses a comparability break, the summary sentences
 * are exactly what texts2016/texts2014 write for the report pages, speaker
 * notes cite the indicator ids, and every shape and text fits the 16:9 slide.
 */
import JSZip from "jszip";
import XLSX from "xlsx";
import {beforeAll, describe, expect, it} from "vitest";
import {buildRelease} from "../../../publish/release/buildRelease.js";
import {estimateLines, LINE_HEIGHT} from "../../../publish/release/fitText.js";
import {facts2014, releaseTexts, texts2014} from "../../../src/lib/releaseTexts.js";
import {useSampleTables} from "../../helpers/sampleTables.js";

const EMU = 914400;
const SLIDE_W = 12192000;
const SLIDE_H = 6858000;

const sample = useSampleTables();

const unescape = (s: string) => s.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, "&");
const paragraphs = (xml: string) => [...xml.matchAll(/<a:p>([\s\S]*?)<\/a:p>/g)].map((m) => unescape([...m[1]!.matchAll(/<a:t>([^<]*)<\/a:t>/g)].map((t) => t[1]).join("")));

interface Slide {
  n: number;
  xml: string;
  text: string[];
  notes: string;
  charts: Chart[];
}
interface Chart {
  name: string;
  kind: "line" | "bar";
  xml: string;
  series: {name: string; labels: string[]; values: (number | null)[]; column: string}[];
  embedded: XLSX.WorkSheet;
}

async function readDeck(bytes: Uint8Array) {
  const zip = await JSZip.loadAsync(bytes);
  const read = (name: string) => zip.file(name)!.async("string");
  const presentation = await read("ppt/presentation.xml");
  const count = Object.keys(zip.files).filter((n) => /^ppt\/slides\/slide\d+\.xml$/.test(n)).length;
  const slides: Slide[] = [];
  for (let n = 1; n <= count; n++) {
    const xml = await read(`ppt/slides/slide${n}.xml`);
    const rels = await read(`ppt/slides/_rels/slide${n}.xml.rels`);
    const notesTarget = rels.match(/Target="\.\.\/notesSlides\/([^"]+)"/)?.[1];
    const notes = notesTarget ? paragraphs(await read(`ppt/notesSlides/${notesTarget}`)).join("\n") : "";
    const charts: Chart[] = [];
    for (const [, target] of rels.matchAll(/Target="\/?(?:\.\.\/|ppt\/)?charts\/(chart\d+\.xml)"/g)) {
      const chartXml = await read(`ppt/charts/${target}`);
      const chartRels = await read(`ppt/charts/_rels/${target}.rels`);
      const book = XLSX.read(await zip.file(`ppt/embeddings/${chartRels.match(/embeddings\/([^"]+)"/)![1]}`)!.async("uint8array"));
      const series = [...chartXml.matchAll(/<c:ser>([\s\S]*?)<\/c:ser>/g)].map(([, ser]) => {
        const name = unescape(ser!.match(/<c:tx>[\s\S]*?<c:v>([^<]*)<\/c:v>/)![1]!);
        const cat = ser!.match(/<c:cat>([\s\S]*?)<\/c:cat>/)![1]!;
        const labels = [...cat.matchAll(/<c:v>([^<]*)<\/c:v>/g)].map((m) => unescape(m[1]!));
        const val = ser!.match(/<c:val>([\s\S]*?)<\/c:val>/)![1]!;
        const n = Number(val.match(/<c:ptCount val="(\d+)"\/>/)![1]);
        const values: (number | null)[] = Array.from({length: n}, () => null);
        for (const [, idx, v] of val.matchAll(/<c:pt idx="(\d+)"><c:v>([^<]*)<\/c:v><\/c:pt>/g)) values[Number(idx)] = Number(v);
        const column = val.match(/<c:f>[^!]*!\$([A-Z]+)\$/)![1]!;
        return {name, labels, values, column};
      });
      charts.push({name: target!, kind: chartXml.includes("<c:lineChart>") ? "line" : "bar", xml: chartXml, series, embedded: book.Sheets[book.SheetNames[0]!]!});
    }
    slides.push({n, xml, text: paragraphs(xml), notes, charts});
  }
  return {presentation, slides, zip};
}

async function indicatorsByShortTitle() {
  return new Map((await sample.query(`SELECT id, short_title, measure FROM indicators`)).map((r) => [String(r.short_title), {id: String(r.id), measure: String(r.measure)}]));
}

/** Riket values of an indicator up to `year`, by comparability group. */
async function riket(id: string, year: number) {
  return sample.query(`SELECT o.year, o.value, c.group_id FROM observations o JOIN comparability c ON c.indicator_id = o.indicator_id AND o.year BETWEEN c.first_year AND c.last_year
    WHERE o.indicator_id = '${id}' AND o.area_code = '00' AND o.status = 'ok' AND o.year <= ${year} ORDER BY o.year`);
}

describe.each([
  {year: 2016, release: 2016, template: "texts2016"},
  {year: 2013, release: 2014, template: "texts2014"}
] as const)("Öppna jämförelser $release (survey $year)", ({year, release, template}) => {
  let deck: Awaited<ReturnType<typeof readDeck>>;
  let name: string;
  beforeAll(async () => {
    const built = await buildRelease({year, release, tablesDir: sample.dir, kinds: ["pptx"]});
    name = built.files[0]!.name;
    deck = await readDeck(built.files[0]!.bytes);
  });

  it("is a 16:9 deck named for the release, opening with its title", () => {
    expect(name).toBe(`Öppna jämförelser ${release} – nationella resultat.pptx`);
    expect(deck.presentation).toContain(`<p:sldSz cx="${SLIDE_W}" cy="${SLIDE_H}"/>`);
    expect(deck.slides[0]!.text).toContain(`Öppna jämförelser ${release}`);
  });

  it("says the same sentences as the report pages, word for word", async () => {
    const t = await releaseTexts(template, sample.query, year);
    const sentences = Object.values(t).filter((v): v is string => typeof v === "string");
    expect(sentences.length).toBeGreaterThanOrEqual(year === 2016 ? 5 : 9);
    const summary = deck.slides.filter((s) => s.text.some((p) => p.startsWith("Några resultat i korthet")));
    expect(summary.length).toBeGreaterThanOrEqual(1);
    const body = summary.flatMap((s) => s.text);
    for (const sentence of sentences) expect(body.some((p) => p.includes(sentence)), sentence).toBe(true);
    // Headings are paragraphs of their own.
    for (const [key, sentence] of Object.entries(t)) if (key.endsWith("Heading")) expect(body).toContain(sentence);
  });

  it("charts every riket figure of the year, and each chart's data (cache and embedded workbook) equals DuckDB", async () => {
    const byTitle = await indicatorsByShortTitle();
    const charted = new Set<string>();
    let points = 0;
    for (const slide of deck.slides) {
      for (const chart of slide.charts) {
        const where = `slide ${slide.n} ${chart.name}`;
        if (chart.kind === "bar") {
          const [s] = chart.series;
          expect(chart.series, where).toHaveLength(1);
          for (const [i, label] of s!.labels.entries()) {
            const ind = byTitle.get(label);
            expect(ind, `${where}: ${label}`).toBeDefined();
            const [row] = await sample.query(`SELECT value FROM observations WHERE indicator_id = '${ind!.id}' AND area_code = '00' AND year = ${year} AND status = 'ok'`);
            expect(s!.values[i], `${where}: ${label}`).toBe(row!.value);
            charted.add(ind!.id);
            points++;
          }
        } else {
          for (const s of chart.series) {
            const match = s.name.match(/^(.*) \(([^()]+)\)$/);
            const ind = byTitle.get(s.name) ?? byTitle.get(match?.[1] ?? "");
            expect(ind, `${where}: series ${s.name}`).toBeDefined();
            const rows = await riket(ind!.id, year);
            const groups = new Set(rows.map((r) => r.group_id));
            const group = byTitle.has(s.name) ? [...groups][0] : match![2];
            // A series without a group in its name must be the only group in view.
            if (byTitle.has(s.name)) expect(groups.size, `${where}: ${s.name} spans ${[...groups].join(", ")}`).toBe(1);
            expect(s.labels.at(-1), where).toBe(String(year));
            s.labels.forEach((label, i) => {
              const row = rows.find((r) => r.year === Number(label) && r.group_id === group);
              expect(s.values[i], `${where}: ${s.name} ${label}`).toBe(row ? row.value : null);
              if (row) points++;
            });
            charted.add(ind!.id);
          }
        }
        // The embedded workbook holds the same numbers, blanks where the chart has gaps.
        for (const s of chart.series) {
          s.values.forEach((v, i) => {
            const cell = chart.embedded[`${s.column}${i + 2}`] as XLSX.CellObject | undefined;
            expect(cell?.v ?? null, `${where}: embedded ${s.column}${i + 2}`).toBe(v);
          });
        }
      }
    }
    const expected = (await sample.query(`SELECT DISTINCT indicator_id FROM observations WHERE area_code = '00' AND year = ${year} AND status = 'ok'`)).map((r) => String(r.indicator_id)).sort();
    expect([...charted].sort()).toEqual(expected);
    expect(points).toBeGreaterThan(expected.length);
  });

  it("breaks a trend where comparability breaks: a gap, never a line across", async () => {
    const lines = deck.slides.flatMap((s) => s.charts).filter((c) => c.kind === "line");
    expect(lines.length).toBeGreaterThan(0);
    for (const chart of lines) {
      expect(chart.xml).toContain('<c:dispBlanksAs val="gap"/>');
      expect(chart.xml).not.toMatch(/<c:pt idx="\d+"><c:v><\/c:v><\/c:pt>/);
    }
    if (year === 2016) {
      // BBIC changed question in 2016: two series, 2010–2015 ending in 2015 and 2016– holding only 2016.
      const bbic = lines.flatMap((c) => c.series).filter((s) => s.name.startsWith("Ordinarie BBIC-licens"));
      expect(bbic.map((s) => s.name)).toEqual(["Ordinarie BBIC-licens (2010–2015)", "Ordinarie BBIC-licens (2016–)"]);
      expect(bbic[0]!.values.at(-1)).toBeNull();
      expect(bbic[1]!.values.filter((v) => v !== null)).toHaveLength(1);
    }
  });

  it("has speaker notes citing the release and every indicator id on the slide", async () => {
    const byTitle = await indicatorsByShortTitle();
    for (const slide of deck.slides) {
      expect(slide.notes, `slide ${slide.n}`).toContain(year === release ? `Öppna jämförelser ${release}` : `${release}`);
      for (const chart of slide.charts) {
        for (const s of chart.series) {
          const titles = chart.kind === "bar" ? s.labels : [s.name.replace(/ \([^()]+\)$/, "")];
          for (const title of titles) expect(slide.notes, `slide ${slide.n}: ${title}`).toContain(byTitle.get(title)!.id);
        }
      }
    }
  });

  it("keeps every shape on the slide and every text inside its box, in Swedish", () => {
    const overflowing: string[] = [];
    for (const slide of deck.slides) {
      for (const [, x, y, cx, cy] of slide.xml.matchAll(/<a:off x="(-?\d+)" y="(-?\d+)"\/><a:ext cx="(\d+)" cy="(\d+)"\/>/g)) {
        expect(Number(x), `slide ${slide.n}`).toBeGreaterThanOrEqual(0);
        expect(Number(y), `slide ${slide.n}`).toBeGreaterThanOrEqual(0);
        expect(Number(x) + Number(cx), `slide ${slide.n}`).toBeLessThanOrEqual(SLIDE_W);
        expect(Number(y) + Number(cy), `slide ${slide.n}`).toBeLessThanOrEqual(SLIDE_H);
      }
      // Each text box: estimated height of its paragraphs at their font sizes within the box.
      for (const [, sp] of slide.xml.matchAll(/<p:sp>([\s\S]*?)<\/p:sp>/g)) {
        const ext = sp!.match(/<a:ext cx="(\d+)" cy="(\d+)"\/>/);
        const body = sp!.match(/<p:txBody>([\s\S]*?)<\/p:txBody>/)?.[1];
        if (!ext || !body) continue;
        // OOXML's default insets: 0.1 in left and right, 0.05 in top and bottom.
        const insets = (["lIns", "rIns", "tIns", "bIns"] as const).map((k) => Number(body.match(new RegExp(`${k}="(\\d+)"`))?.[1] ?? (k === "lIns" || k === "rIns" ? 91440 : 45720)) / EMU);
        const w = Number(ext[1]) / EMU - insets[0]! - insets[1]!;
        const h = Number(ext[2]) / EMU - insets[2]! - insets[3]!;
        let height = 0;
        for (const [, p] of body.matchAll(/<a:p>([\s\S]*?)<\/a:p>/g)) {
          const text = unescape([...p!.matchAll(/<a:t>([^<]*)<\/a:t>/g)].map((t) => t[1]).join(""));
          if (!text) continue;
          const size = Math.max(...[...p!.matchAll(/ sz="(\d+)"/g)].map((m) => Number(m[1]) / 100));
          const after = Number(p!.match(/<a:spcAft><a:spcPts val="(\d+)"\/><\/a:spcAft>/)?.[1] ?? 0) / 100;
          const indent = p!.includes("<a:buChar") ? 0.25 : 0;
          height += (estimateLines(text, w - indent, size) * size * LINE_HEIGHT + after) / 72;
        }
        if (height > h + 0.01) overflowing.push(`slide ${slide.n}: ${height.toFixed(2)} in of text in ${h.toFixed(2)} in: ${paragraphs(body).join(" / ").slice(0, 80)}`);
      }
      expect(slide.xml, `slide ${slide.n}`).not.toContain('lang="en-US"');
      expect(slide.xml, `slide ${slide.n}`).toContain('lang="sv-SE"');
    }
    expect(overflowing).toEqual([]);
    for (const chart of deck.slides.flatMap((s) => s.charts)) {
      expect(chart.xml).toContain('<c:lang val="sv-SE"/>');
      expect(chart.xml).not.toContain('lang="en-US"');
    }
  });
});

it("builds the deck for another survey year from the data alone", async () => {
  const built = await buildRelease({year: 2015, tablesDir: sample.dir, kinds: ["pptx"]});
  const deck = await readDeck(built.files[0]!.bytes);
  const t = texts2014(await facts2014(sample.query, 2015));
  const body = deck.slides[1]!.text;
  expect(body.some((p) => p.includes(String(t.participation)))).toBe(true);
  expect(String(t.participation)).toContain("november 2015");
});
