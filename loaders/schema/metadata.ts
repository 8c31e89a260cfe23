import {readFileSync} from "node:fs";
import {join} from "node:path";
import {fail} from "../errors.js";
import type {Legend} from "../register/registerValue.js";

import {MEASURE_IDS, type Measure} from "./vocabulary.js";

/** Types of the declarative files in data/: indicators.json, survey/questionnaires.json, sources.json. */
export type {Measure};

export interface RegisterRef {
  source: string;
  series: string;
}
export interface IndicatorPeriod {
  group: string;
  from: number;
  to: number;
  note?: string;
  /** Survey indicators: the question and the answers that count as yes. */
  question?: string;
  yes?: string[];
  /** Register indicators: series read from sources. */
  register?: RegisterRef[];
  /** Derived rates: numerator / denominator × 1 000, both indicator ids. */
  rate?: {numerator: string; denominator: string};
}
export interface IndicatorMeta {
  id: string;
  title: string;
  short_title: string;
  description: string;
  theme: string;
  source: "enkät" | "register";
  measure: Measure;
  higher_is_better: boolean | null;
  periods: IndicatorPeriod[];
}
export interface IndicatorFile {
  themes: Record<string, string>;
  indicators: IndicatorMeta[];
}

export interface Question {
  code: string;
  answers: string;
  text: string;
  from?: number;
  /** Other wordings of the question's column in files people save ("Fråga 1"). */
  aliases?: string[];
}
export interface Questionnaire {
  id: string;
  years: number[];
  period: string;
  questions: Question[];
}
export interface QuestionnaireFile {
  answer_sets: Record<string, Record<string, string>>;
  questionnaires: Questionnaire[];
  /** Wordings of the unit column (Kod) and the name column (Namn), in order of preference. */
  columns?: {Kod?: string[]; Namn?: string[]};
}

export interface SurveySource {
  year: number;
  file: string;
  questionnaire: string;
  /** csv: declared encoding ("utf-8", "latin-1", …); detected when absent. */
  encoding?: string;
  /** xlsx: the sheet with the answers; default the first sheet with a unit column. */
  sheet?: string;
  period: string;
}
export interface PublishedSource {
  year: number;
  file: string;
}
export type YearlyDeclaration = "last" | "mean" | {period: string};
export type RegisterSource =
  | {
      file: string;
      format: "json-stat2" | "json-stat";
      publisher: string;
      legend: Legend;
      /** A bundle's or collection's dataset (key or label). */
      dataset?: string;
      area_dimension?: string;
      time_dimension?: string;
      /** Codes the source uses → project codes ({"SE": "00"}). */
      area_codes?: Record<string, string>;
      /** The area of every value when the dataset has no area dimension. */
      area_code?: string;
      yearly?: YearlyDeclaration;
      /** Dimension → the one category to read. */
      dimensions?: Record<string, string>;
    }
  | {
      /** A response file, or a folder of the pages `npm run fetch:kolada` saved. */
      file: string;
      format: "kolada";
      publisher: string;
      kpis?: string[];
    }
  | {
      file: string;
      format: "csv";
      publisher: string;
      /** Declared encoding; detected when absent. */
      encoding?: string;
      delimiter?: string;
      area_column?: string;
      area_code?: string;
      area_format?: "code" | "name" | "code_name" | "auto";
      year_column?: string;
      value_columns?: string[];
      wide?: {series: string};
      /** Column → "*" (kept in the series) or the one value to read. */
      dimensions?: Record<string, string>;
      legend: Legend;
    };
export interface SourcesFile {
  survey: SurveySource[];
  published: PublishedSource[];
  register: Record<string, RegisterSource>;
}

function readJson<T>(dataDir: string, file: string): T {
  let text: string;
  try {
    text = readFileSync(join(dataDir, file), "utf8");
  } catch {
    fail({file}, "file not found");
  }
  try {
    return JSON.parse(text) as T;
  } catch (error) {
    fail({file}, `not valid JSON (${(error as Error).message})`);
  }
}


/** Reads data/indicators.json and checks what the pipeline relies on. */
export function readIndicators(dataDir: string, questionnaires: QuestionnaireFile, sources: SourcesFile): IndicatorFile {
  const file = "indicators.json";
  const meta = readJson<IndicatorFile>(dataDir, file);
  const ids = new Set<string>();
  meta.indicators.forEach((ind, i) => {
    const column = `indicators[${i}]`;
    if (!/^[a-z0-9_]+$/.test(ind.id ?? "")) fail({file, column}, `id ${JSON.stringify(ind.id)} must be lower-case letters, digits and _`);
    if (ids.has(ind.id)) fail({file, column}, `duplicate indicator id "${ind.id}"`);
    ids.add(ind.id);
    if (!meta.themes[ind.theme]) fail({file, column}, `unknown theme "${ind.theme}" (expected one of ${Object.keys(meta.themes).join(", ")})`);
    if (!MEASURE_IDS.includes(ind.measure)) fail({file, column}, `unknown measure "${ind.measure}" (expected ${MEASURE_IDS.join(", ")})`);
    if (!ind.periods?.length) fail({file, column}, `indicator "${ind.id}" has no periods`);
    let lastTo = -Infinity;
    for (const p of ind.periods) {
      if (p.from > p.to || p.from <= lastTo) fail({file, column}, `indicator "${ind.id}": periods must be ordered and not overlap (${p.from}–${p.to})`);
      lastTo = p.to;
      if (p.question) {
        for (let year = p.from; year <= p.to; year++) {
          const q = questionnaires.questionnaires.find((qq) => qq.years.includes(year))?.questions.find((qq) => qq.code === p.question);
          if (!q) fail({file, column}, `indicator "${ind.id}": question ${p.question} is not in the questionnaire of ${year}`);
          const answers = questionnaires.answer_sets[q.answers] ?? {};
          for (const y of p.yes ?? []) if (!(y in answers)) fail({file, column}, `indicator "${ind.id}": "${y}" is not an answer to ${p.question}`);
        }
      }
      for (const r of p.register ?? []) {
        if (!sources.register[r.source]) fail({file, column}, `indicator "${ind.id}": unknown register source "${r.source}"`);
      }
    }
  });
  for (const ind of meta.indicators) {
    for (const p of ind.periods) {
      if (p.rate && (!ids.has(p.rate.numerator) || !ids.has(p.rate.denominator))) {
        fail({file, column: ind.id}, `rate refers to unknown indicators ${p.rate.numerator} / ${p.rate.denominator}`);
      }
    }
  }
  return meta;
}

export function readQuestionnaires(dataDir: string): QuestionnaireFile {
  return readJson<QuestionnaireFile>(dataDir, join("survey", "questionnaires.json"));
}

export function readSources(dataDir: string): SourcesFile {
  return readJson<SourcesFile>(dataDir, "sources.json");
}

export interface Metadata {
  indicators: IndicatorFile;
  questionnaires: QuestionnaireFile;
  sources: SourcesFile;
}

export function readMetadata(dataDir: string): Metadata {
  const questionnaires = readQuestionnaires(dataDir);
  const sources = readSources(dataDir);
  return {questionnaires, sources, indicators: readIndicators(dataDir, questionnaires, sources)};
}

export function questionnaireFor(q: QuestionnaireFile, id: string): Questionnaire | undefined {
  return q.questionnaires.find((x) => x.id === id);
}

/** The questions asked in a given year (some start later than their questionnaire). */
export function questionsOf(questionnaire: Questionnaire, year: number): Question[] {
  return questionnaire.questions.filter((q) => (q.from ?? -Infinity) <= year);
}
