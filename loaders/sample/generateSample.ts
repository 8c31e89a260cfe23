/**
 * Deterministic sample data: every raw file under data/survey, data/register and
 * data/published, shaped exactly as publishers deliver them. Real unit-level
 * survey answers are not public, so the answers are generated from a seeded
 * model (regional and kommungrupp effects, persistent unit differences, trends)
 * and calibrated so that the national results equal the published figures
 * (see targets.ts). Everything it writes is "Exempeldata".
 */
import {mkdirSync, writeFileSync} from "node:fs";
import {dirname, join} from "node:path";
import ExcelJS from "exceljs";
import {readReference, surveyUnits, type Reference} from "../reference/readReference.js";
import {questionsOf, readMetadata, type Metadata} from "../schema/metadata.js";
import {rng, type Rng} from "./random.js";
import {NO_BLANKS, RESPONDING, YES} from "./targets.js";

export const SAMPLE_SEED = 20140408;
export const YEARS = [2010, 2011, 2012, 2013, 2014, 2015, 2016];

type Unit = ReturnType<typeof surveyUnits>[number];
/** answers[year][unitCode][question] = raw answer ("" = blank); absent unit = did not respond. */
export type Answers = Map<number, Map<string, Record<string, string>>>;

function effects(r: Rng, keys: string[], sd: number): Map<string, number> {
  return new Map(keys.map((k) => [k, r.normal(0, sd)]));
}

/** Picks the `k` items with the highest score (ties broken by code, so runs are reproducible). */
function topK<T extends {code: string}>(items: T[], score: (t: T) => number, k: number): Set<string> {
  const ranked = items.map((t) => ({t, s: score(t)})).sort((a, b) => b.s - a.s || a.t.code.localeCompare(b.t.code));
  return new Set(ranked.slice(0, k).map((x) => x.t.code));
}

export function generateAnswers(ref: Reference, meta: Metadata, seed = SAMPLE_SEED): Answers {
  const r = rng(seed);
  const units = surveyUnits(ref);
  const groupOf = new Map(ref.kommuner.map((k) => [k.code, k.kommungrupp]));
  const lanEffect = effects(r, ref.lan.map((l) => l.code), 0.45);
  const groupEffect = effects(r, [...new Set(ref.kommuner.map((k) => k.kommungrupp))], 0.3);
  const base = new Map(units.map((u) => [u.code, lanEffect.get(u.lan_code)! + groupEffect.get(groupOf.get(u.kommun_code)!)! + r.normal(0, 0.7)]));
  const questionScore = new Map<string, number>();
  const score = (q: string, u: Unit) => {
    const key = `${q}|${u.code}`;
    if (!questionScore.has(key)) questionScore.set(key, 0.7 * base.get(u.code)! + r.normal(0, 0.6));
    return questionScore.get(key)!;
  };
  const respondScore = new Map(units.map((u) => [u.code, r.normal(0, 1) + 0.4 * base.get(u.code)!]));

  const answers: Answers = new Map();
  for (const source of meta.sources.survey) {
    const year = source.year;
    const questionnaire = meta.questionnaires.questionnaires.find((q) => q.id === source.questionnaire)!;
    const responding = topK(units, (x) => respondScore.get(x.code)! + r.normal(0, 0.35), RESPONDING[year]!);
    const responders = units.filter((u) => responding.has(u.code));
    const rows = new Map<string, Record<string, string>>(responders.map((u) => [u.code, {}]));
    for (const question of questionsOf(questionnaire, year)) {
      const answerSet = meta.questionnaires.answer_sets[question.answers]!;
      const codes = Object.keys(answerSet);
      const blanks = NO_BLANKS.has(question.code) ? new Set<string>() : new Set(responders.filter(() => r.next() < 0.015).map((u) => u.code));
      const answering = responders.filter((u) => !blanks.has(u.code));
      const target = YES[question.code]?.[year];
      if (target === undefined) throw new Error(`sample targets: no target for ${question.code} ${year}`);
      const k = target >= 1 ? target : Math.round(target * answering.length);
      const yes = topK(answering, (u) => score(question.code, u) + r.normal(0, 0.25), k);
      for (const u of responders) {
        const row = rows.get(u.code)!;
        if (blanks.has(u.code)) row[question.code] = "";
        else if (yes.has(u.code)) row[question.code] = codes[0]!;
        else if (codes.length === 3 && codes[2] !== "Vet ej") row[question.code] = r.next() < 0.6 ? codes[1]! : codes[2]!;
        else row[question.code] = codes.length === 3 && !NO_BLANKS.has(question.code) && r.next() < 0.04 ? codes[2]! : codes[1]!;
      }
    }
    answers.set(year, rows);
  }
  return answers;
}

function surveyTable(ref: Reference, meta: Metadata, year: number, rows: Map<string, Record<string, string>>): string[][] {
  const source = meta.sources.survey.find((s) => s.year === year)!;
  const questionnaire = meta.questionnaires.questionnaires.find((q) => q.id === source.questionnaire)!;
  const questions = questionsOf(questionnaire, year).map((q) => q.code);
  const table = [["Kod", "Namn", ...questions]];
  for (const code of [...rows.keys()].sort()) {
    table.push([code, ref.byCode.get(code)!.name, ...questions.map((q) => rows.get(code)![q] ?? "")]);
  }
  return table;
}

const csvCell = (s: string, delimiter: string) => (/["\n\r]/.test(s) || s.includes(delimiter) ? `"${s.replaceAll('"', '""')}"` : s);
const toCsv = (table: (string | number)[][], delimiter = ";") => table.map((row) => row.map((c) => csvCell(String(c), delimiter)).join(delimiter)).join("\r\n") + "\r\n";

async function writeXlsx(path: string, sheets: {name: string; rows: (string | number | null)[][]}[]): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "Exempeldata (oj-barn-unga)";
  // Fixed dates keep the generated files byte-stable across runs.
  workbook.created = workbook.modified = new Date(Date.UTC(2016, 5, 1));
  for (const sheet of sheets) {
    const ws = workbook.addWorksheet(sheet.name);
    for (const row of sheet.rows) ws.addRow(row);
  }
  mkdirSync(dirname(path), {recursive: true});
  writeFileSync(path, Buffer.from(await workbook.xlsx.writeBuffer()));
}

/** Population 0–17 per kommun and year, consistent with each kommun's Kolada size class. */
export function generatePopulation(ref: Reference, seed = SAMPLE_SEED): Map<string, Map<number, number>> {
  const r = rng(seed + 1);
  const big: Record<string, number> = {"0180": 880_000, "1480": 530_000, "1280": 310_000};
  const pop = new Map<string, Map<number, number>>();
  for (const k of ref.kommuner) {
    const m = /(\d[\d ]*)\s*-\s*(\d[\d ]*)/.exec(k.size_class) ?? /fler än (\d[\d ]*)/.exec(k.size_class);
    const lo = m ? Number(m[1]!.replaceAll(" ", "")) : 10_000;
    const hi = m?.[2] ? Number(m[2].replaceAll(" ", "")) : lo * 2;
    const total = big[k.code] ?? Math.exp(Math.log(Math.max(lo, 2_500)) + r.next() * (Math.log(hi) - Math.log(Math.max(lo, 2_500))));
    const childShare = Math.min(0.25, Math.max(0.15, r.normal(0.205, 0.014)));
    const growth = r.normal(0.007, 0.006);
    const series = new Map<number, number>();
    YEARS.forEach((year, i) => series.set(year, Math.round(total * childShare * Math.pow(1 + growth, i - (YEARS.length - 1)))));
    pop.set(k.code, series);
  }
  return pop;
}

/** Splits an integer total over weights so the parts sum to it exactly (largest remainder). */
export function splitInteger(total: number, weights: number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  const raw = weights.map((w) => (total * w) / sum);
  const parts = raw.map(Math.floor);
  let rest = total - parts.reduce((a, b) => a + b, 0);
  raw.map((x, i) => ({i, f: x - Math.floor(x)})).sort((a, b) => b.f - a.f || a.i - b.i).forEach(({i}) => {
    if (rest-- > 0) parts[i]!++;
  });
  return parts;
}

function sumBy<T>(items: T[], key: (t: T) => string, value: (t: T) => number): Map<string, number> {
  const out = new Map<string, number>();
  for (const t of items) out.set(key(t), (out.get(key(t)) ?? 0) + value(t));
  return out;
}

const swedishNumber = (n: number, decimals = 0) => {
  const [int, frac] = n.toFixed(decimals).split(".");
  return int!.replace(/\B(?=(\d{3})+(?!\d))/g, "\u00a0") + (frac ? `,${frac}` : "");
};

export async function generateSample(dataDir: string, seed = SAMPLE_SEED): Promise<string[]> {
  const ref = readReference(dataDir);
  const meta = readMetadata(dataDir);
  const written: string[] = [];
  const write = (file: string, content: string | Buffer) => {
    const path = join(dataDir, file);
    mkdirSync(dirname(path), {recursive: true});
    writeFileSync(path, content);
    written.push(file);
  };

  // Survey answers: csv exports for 2010–2012 (UTF-8 with BOM, semicolon), xlsx from 2013.
  const answers = generateAnswers(ref, meta, seed);
  for (const source of meta.sources.survey) {
    const table = surveyTable(ref, meta, source.year, answers.get(source.year)!);
    if (source.file.endsWith(".csv")) write(source.file, "\ufeff" + toCsv(table));
    else {
      await writeXlsx(join(dataDir, source.file), [{name: `Enkät ${source.year}`, rows: table}]);
      written.push(source.file);
    }
  }

  // Population 0–17: SCB JSON-stat 2.0 for riket, län and kommuner.
  const population = generatePopulation(ref, seed);
  const kommunLan = new Map(ref.kommuner.map((k) => [k.code, k.lan_code]));
  const regions = ["00", ...ref.lan.map((l) => l.code), ...ref.kommuner.map((k) => k.code)];
  const popOf = (code: string, year: number): number => {
    if (code === "00") return ref.kommuner.reduce((s, k) => s + population.get(k.code)!.get(year)!, 0);
    if (code.length === 2) return ref.kommuner.filter((k) => k.lan_code === code).reduce((s, k) => s + population.get(k.code)!.get(year)!, 0);
    return population.get(code)!.get(year)!;
  };
  const values: number[] = [];
  for (const code of regions) for (const year of YEARS) values.push(popOf(code, year));
  const index = (keys: string[]) => Object.fromEntries(keys.map((k, i) => [k, i]));
  const jsonStat = {
    version: "2.0",
    class: "dataset",
    label: "Folkmängden 0–17 år efter region och år (Exempeldata)",
    source: "SCB (Exempeldata)",
    updated: "2017-02-21T09:30:00Z",
    id: ["Region", "ContentsCode", "Tid"],
    size: [regions.length, 1, YEARS.length],
    role: {geo: ["Region"], time: ["Tid"], metric: ["ContentsCode"]},
    dimension: {
      Region: {label: "region", category: {index: index(regions), label: Object.fromEntries(regions.map((c) => [c, c === "00" ? "Riket" : ref.byCode.get(c)!.name]))}},
      ContentsCode: {label: "tabellinnehåll", category: {index: {BE0101N1: 0}, label: {BE0101N1: "Folkmängd 0–17 år"}, unit: {BE0101N1: {base: "antal", decimals: 0}}}},
      Tid: {label: "år", category: {index: index(YEARS.map(String)), label: Object.fromEntries(YEARS.map((y) => [String(y), String(y)]))}}
    },
    value: values
  };
  write("register/scb_folkmangd_0_17.json", JSON.stringify(jsonStat, null, 1) + "\n");

  // Stadsdelar: the cities' statistics offices, csv with Swedish conventions (UTF-8 with BOM).
  const r = rng(seed + 2);
  const stadsdelRows: string[][] = [["Stadsdel", "Namn", "År", "Antal 0-17 år"]];
  const weights = new Map(ref.stadsdelar.map((s) => [s.code, 0.5 + r.next()]));
  for (const year of YEARS) {
    for (const city of ref.storstader) {
      const parts = ref.stadsdelar.filter((s) => s.kommun_code === city);
      const split = splitInteger(population.get(city)!.get(year)!, parts.map((s) => weights.get(s.code)! * (1 + 0.01 * r.normal())));
      parts.forEach((s, i) => stadsdelRows.push([s.code, s.name, String(year), swedishNumber(split[i]!)]));
    }
  }
  write("register/stadsdelar_folkmangd_0_17.csv", "\ufeff" + toCsv(stadsdelRows));

  // Children with heldygnsinsats 1 November: Socialstyrelsen csv, Latin-1, with its legend
  // ("-" is zero, "X" suppressed (1–4), ".." missing).
  const rateOf = new Map(ref.kommuner.map((k) => [k.code, Math.exp(r.normal(Math.log(6), 0.25))]));
  const counts = new Map<string, number>();
  for (const k of ref.kommuner) for (const [i, year] of YEARS.entries()) counts.set(`${k.code}|${year}`, r.poisson((popOf(k.code, year) * rateOf.get(k.code)! * (1 + 0.02 * i)) / 1000));
  const heldygn: string[][] = [["Regionkod", "Region", "År", "Antal"]];
  for (const year of YEARS) {
    const byKommun = ref.kommuner.map((k) => ({code: k.code, n: counts.get(`${k.code}|${year}`)!}));
    const lanSums = sumBy(byKommun, (x) => kommunLan.get(x.code)!, (x) => x.n);
    heldygn.push(["00", "Riket", String(year), swedishNumber(byKommun.reduce((s, x) => s + x.n, 0))]);
    for (const l of ref.lan) heldygn.push([l.code, l.name, String(year), swedishNumber(lanSums.get(l.code)!)]);
    for (const {code, n} of byKommun) {
      const cell = r.next() < 0.004 ? ".." : n === 0 ? "-" : n < 5 ? "X" : swedishNumber(n);
      heldygn.push([code, ref.byCode.get(code)!.name, String(year), cell]);
    }
  }
  write("register/socialstyrelsen_heldygnsinsatser_0_17.csv", Buffer.from(toCsv(heldygn), "latin1"));

  // Kolada N33817 (familjehem per 1 000 inv 0–20 år), API v2 envelope, genders T/K/M.
  const koladaId = (code: string) => (code === "00" ? "0000" : code.length === 2 ? `00${code}` : code);
  const famRate = new Map(regions.map((c) => [c, Math.exp(r.normal(Math.log(7), c.length === 4 ? 0.4 : 0.15))]));
  const items = [];
  for (const year of YEARS) {
    for (const code of regions) {
      const t = famRate.get(code)! * (1 + 0.015 * (year - 2010)) * (1 + 0.05 * r.normal());
      const missing = code.length === 4 && r.next() < 0.01;
      const genders = [
        ["T", t],
        ["K", t * 0.95],
        ["M", t * 1.05]
      ] as const;
      items.push({
        kpi: "N33817",
        municipality: koladaId(code),
        period: year,
        values: genders.map(([gender, v]) => ({count: 1, gender, status: missing ? "Missing" : "", value: missing ? null : Math.round(v * 10) / 10}))
      });
    }
  }
  write("register/kolada_N33817.json", JSON.stringify({count: items.length, values: items}) + "\n");

  // The 2016 release's Excel file of results per kommun, län and riket, as published.
  await writePublished(dataDir, ref, meta, answers, written);
  return written;
}

async function writePublished(dataDir: string, ref: Reference, meta: Metadata, answers: Answers, written: string[]): Promise<void> {
  for (const source of meta.sources.published) {
    const year = source.year;
    const rows = answers.get(year)!;
    const inds = meta.indicators.indicators.filter((i) => i.source === "enkät" && i.measure === "share_yes" && i.periods.some((p) => p.from <= year && year <= p.to));
    const period = (id: string) => inds.find((i) => i.id === id)!.periods.find((p) => p.from <= year && year <= p.to)!;
    const units = surveyUnits(ref);
    // A unit's cell: Ja/Nej from its answer; "–" when it did not answer (legend on the sheet).
    const unitCell = (code: string, id: string): string => {
      const p = period(id);
      const answer = rows.get(code)?.[p.question!];
      if (answer === undefined || answer === "") return "–";
      return p.yes!.includes(answer) ? "Ja" : "Nej";
    };
    const share = (codes: string[], id: string): number | string => {
      const cells = codes.map((c) => unitCell(c, id)).filter((c) => c !== "–");
      return cells.length ? Math.round((1000 * cells.filter((c) => c === "Ja").length) / cells.length) / 10 : "–";
    };
    const header = (first: string[]) => [
      [...first, ...inds.map((i) => i.short_title)],
      [...first.map(() => ""), ...inds.map((i) => i.id)]
    ];
    const kommunRows: (string | number)[][] = header(["Kod", "Namn"]);
    for (const k of ref.kommuner) {
      if (ref.storstader.includes(k.code)) {
        const parts = ref.stadsdelar.filter((s) => s.kommun_code === k.code).map((s) => s.code);
        kommunRows.push([k.code, k.name, ...inds.map((i) => share(parts, i.id))]);
        for (const s of parts) kommunRows.push([s, ref.byCode.get(s)!.name, ...inds.map((i) => unitCell(s, i.id))]);
      } else kommunRows.push([k.code, k.name, ...inds.map((i) => unitCell(k.code, i.id))]);
    }
    const lanRows: (string | number)[][] = header(["Kod", "Län"]);
    for (const l of ref.lan) lanRows.push([l.code, l.name, ...inds.map((i) => share(units.filter((u) => u.lan_code === l.code).map((u) => u.code), i.id))]);
    const riketRows: (string | number)[][] = [...header(["Kod", "Namn"]), ["00", "Riket", ...inds.map((i) => share(units.map((u) => u.code), i.id))]];
    await writeXlsx(join(dataDir, source.file), [
      {name: "Kommuner", rows: kommunRows},
      {name: "Län", rows: lanRows},
      {name: "Riket", rows: riketRows},
      {name: "Teckenförklaring", rows: [["Tecken", "Betydelse"], ["–", "Uppgift saknas (enheten besvarade inte frågan)"], ["Ja/Nej", "Enhetens svar"], ["Tal", "Andel (procent) av enheterna som svarat ja"]]}
    ]);
    written.push(source.file);
  }
}
