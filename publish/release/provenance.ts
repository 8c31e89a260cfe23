/**
 * When, by what and from which data a release file was built. The time is the
 * build's, unless SOURCE_DATE_EPOCH (seconds, the reproducible-builds
 * convention) pins it.
 */
import {readFileSync} from "node:fs";
import {fail} from "../../loaders/errors.js";
import type {TableSet} from "./tableSet.js";

export interface Provenance {
  builtAt: Date;
  program: string;
  tables: {name: string; sha256: string; rows: number}[];
  /** SHA-256 over the per-table hashes: `sha256sum *.parquet | sha256sum`. */
  digest: string;
}

export function buildTime(env: NodeJS.ProcessEnv = process.env): Date {
  const epoch = env.SOURCE_DATE_EPOCH;
  if (epoch === undefined || epoch === "") return new Date(Math.floor(Date.now() / 1000) * 1000);
  if (!/^\d+$/.test(epoch)) fail({file: "SOURCE_DATE_EPOCH"}, `"${epoch}" is not a number of seconds since 1970-01-01`);
  return new Date(Number(epoch) * 1000);
}

export function programName(): string {
  const pkg = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as {name: string; version: string};
  return `${pkg.name} ${pkg.version}`;
}

export function provenanceOf(tables: TableSet, builtAt = buildTime()): Provenance {
  return {builtAt, program: programName(), tables: tables.tables.map(({name, sha256, rows}) => ({name, sha256, rows})), digest: tables.digest};
}
