/**
 * The contract between loaders and pages: every Parquet table, its columns and
 * their DuckDB types, declared once. The loader creates tables from these
 * declarations, tests assert the written files against them, and
 * publish/schema.ts publishes them with the vocabulary (vocabulary.ts) to
 * src/lib/schema.js and src/data/schema.json.
 */
import {FLAG_IDS, LEVELS, MEASURE_IDS, STATUS_IDS} from "./vocabulary.js";

export {LEVELS, type Level, type Status} from "./vocabulary.js";

export interface Column {
  name: string;
  type: "VARCHAR" | "INTEGER" | "DOUBLE" | "BOOLEAN" | "VARCHAR[]";
  nullable: boolean;
  description: string;
}

export interface TableSchema {
  name: string;
  description: string;
  columns: Column[];
  /** Sort order of the written file: pages filter by these, so row groups can be skipped. */
  orderBy: string[];
}

const col = (name: string, type: Column["type"], nullable: boolean, description: string): Column => ({name, type, nullable, description});

export const observations: TableSchema = {
  name: "observations",
  description: "Ett värde per indikator, område och år (enkät och register).",
  columns: [
    col("indicator_id", "VARCHAR", false, "Indikatorns id, se tabellen indicators"),
    col("area_code", "VARCHAR", false, "Områdeskod: 4-siffrig kommunkod, 2-siffrig länskod, 00 för riket eller stadsdelskod (0180-01)"),
    col("year", "INTEGER", false, "Mätår (enkätår eller registerår)"),
    col("value", "DOUBLE", true, "Värdet i indikatorns mått; null när status inte är ok"),
    col("numerator", "DOUBLE", true, "Täljare: antal enheter som svarat ja, eller antal i registret"),
    col("denominator", "DOUBLE", true, "Nämnare: antal enheter som besvarat frågan, eller befolkningen"),
    col("status", "VARCHAR", false, STATUS_IDS.join(", ")),
    col("source", "VARCHAR", false, "Källfilen värdet kommer från (sökväg under data/)"),
    col("flag", "VARCHAR", true, `Källans markering av ett värde som finns: ${FLAG_IDS.join(", ")}; null när ingen`),
    col("ci_low", "DOUBLE", true, "Nedre gräns för 95 procents konfidensintervall i värdets enhet (exakt Poisson för antal och antal per 1 000, Wilson för andelar där källan anger det); null när intervall saknas eller värdet är skyddat"),
    col("ci_high", "DOUBLE", true, "Övre gräns för 95 procents konfidensintervall, se ci_low")
  ],
  orderBy: ["indicator_id", "year", "area_code"]
};

export const areas: TableSchema = {
  name: "areas",
  description: "Riket, län, kommuner och storstädernas stadsdelar.",
  columns: [
    col("code", "VARCHAR", false, "Områdeskod"),
    col("name", "VARCHAR", false, "Namn som det skrivs i löptext"),
    col("level", "VARCHAR", false, LEVELS.join(", ")),
    col("lan_code", "VARCHAR", true, "Länskod (2 siffror) för kommun och stadsdel"),
    col("kommun_code", "VARCHAR", true, "Kommunkod för stadsdel (och för kommunen själv)"),
    col("kommungrupp", "VARCHAR", true, "SKR:s kommungrupp (A1–C9), kommuner och stadsdelar"),
    col("kommungrupp_name", "VARCHAR", true, "Kommungruppens namn"),
    col("survey_unit", "BOOLEAN", false, "Besvarar enkäten som egen enhet (kommuner utom storstäderna, samt stadsdelar)"),
    col("population_0_17", "INTEGER", true, "Folkmängd 0–17 år senaste året med uppgift (se tabellen population)"),
    col("population_year", "INTEGER", true, "Året folkmängden avser")
  ],
  orderBy: ["code"]
};

export const population: TableSchema = {
  name: "population",
  description: "Folkmängd 0–17 år per område och år.",
  columns: [
    col("area_code", "VARCHAR", false, "Områdeskod"),
    col("year", "INTEGER", false, "År (31 december)"),
    col("population_0_17", "INTEGER", false, "Antal invånare 0–17 år"),
    col("source", "VARCHAR", false, "Källfil")
  ],
  orderBy: ["area_code", "year"]
};

export const indicators: TableSchema = {
  name: "indicators",
  description: "Indikatorernas metadata, från data/indicators.json.",
  columns: [
    col("id", "VARCHAR", false, "Indikatorns id"),
    col("title", "VARCHAR", false, "Titel"),
    col("short_title", "VARCHAR", false, "Kort titel för tabellhuvuden och diagram"),
    col("description", "VARCHAR", false, "Beskrivning"),
    col("theme", "VARCHAR", false, "Tema"),
    col("source", "VARCHAR", false, "enkät eller register"),
    col("measure", "VARCHAR", false, MEASURE_IDS.join(", ")),
    col("unit", "VARCHAR", false, "Enhet i klartext (procent, antal, per 1 000 barn)"),
    col("higher_is_better", "BOOLEAN", true, "Om ett högre värde är bättre; null när det inte går att säga"),
    col("rule", "VARCHAR", false, "Hur värdet räknas fram"),
    col("questions", "VARCHAR", true, "Enkätfrågor per period, som text"),
    col("first_year", "INTEGER", false, "Första år med värden"),
    col("last_year", "INTEGER", false, "Sista år med värden")
  ],
  orderBy: ["id"]
};

export const comparability: TableSchema = {
  name: "comparability",
  description: "Jämförbarhetsgrupper: värden i olika grupper får inte jämföras eller förbindas med en linje.",
  columns: [
    col("indicator_id", "VARCHAR", false, "Indikatorns id"),
    col("group_id", "VARCHAR", false, "Gruppens id, t.ex. 2010–2015"),
    col("first_year", "INTEGER", false, "Första år i gruppen"),
    col("last_year", "INTEGER", false, "Sista år i gruppen"),
    col("note", "VARCHAR", true, "Varför serien bryts")
  ],
  orderBy: ["indicator_id", "first_year"]
};

export const responses: TableSchema = {
  name: "responses",
  description: "Vilka enheter som fick och besvarade enkäten varje år.",
  columns: [
    col("area_code", "VARCHAR", false, "Enhetens kod (kommun eller stadsdel)"),
    col("year", "INTEGER", false, "Enkätår"),
    col("answered", "BOOLEAN", false, "Om enheten besvarade enkäten"),
    col("source", "VARCHAR", true, "Enkätfilen, när enheten svarade")
  ],
  orderBy: ["year", "area_code"]
};

export const surveys: TableSchema = {
  name: "surveys",
  description: "Enkätomgångarna: när de gjordes, med vilket frågeformulär och hur många som svarade.",
  columns: [
    col("year", "INTEGER", false, "Enkätår"),
    col("period", "VARCHAR", false, "När enkäten besvarades, t.ex. november 2013"),
    col("questionnaire", "VARCHAR", false, "Frågeformulärets version"),
    col("file", "VARCHAR", false, "Enkätfilen under data/"),
    col("units", "INTEGER", false, "Antal enheter (kommuner och stadsdelar) som fick enkäten"),
    col("answered", "INTEGER", false, "Antal enheter som besvarade enkäten")
  ],
  orderBy: ["year"]
};

export const TABLES = {observations, areas, population, indicators, comparability, responses, surveys} as const;
export type TableName = keyof typeof TABLES;

export function createTableSql(schema: TableSchema, name = schema.name): string {
  const columns = schema.columns.map((c) => `"${c.name}" ${c.type}${c.nullable ? "" : " NOT NULL"}`);
  return `CREATE OR REPLACE TABLE "${name}" (${columns.join(", ")})`;
}
