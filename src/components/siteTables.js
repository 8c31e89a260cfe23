// @ts-check
// The site's own tables: their Parquet files (the published contract, what
// pages name in Database.open) and the serving file built from them
// (src/data/serving/tables.duckdb.ts), which src/components/db.js reads
// instead whenever a page asks for one of these Parquet files.
import {FileAttachment} from "observablehq:stdlib";

const serving = FileAttachment("../data/serving/tables.duckdb");

/** @type {import("./db.js").Serving} */
export const SITE_TABLES = {
  url: serving.href,
  bytes: serving.size,
  parquet: {
    observations: FileAttachment("../data/observations.parquet").href,
    areas: FileAttachment("../data/areas.parquet").href,
    population: FileAttachment("../data/population.parquet").href,
    indicators: FileAttachment("../data/indicators.parquet").href,
    comparability: FileAttachment("../data/comparability.parquet").href,
    responses: FileAttachment("../data/responses.parquet").href,
    surveys: FileAttachment("../data/surveys.parquet").href
  }
};
