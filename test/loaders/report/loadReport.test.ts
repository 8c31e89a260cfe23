// The load report as printed at the end of a load.
import {describe, expect, it} from "vitest";
import {formatReport, type LoadReport} from "../../../loaders/report/loadReport.js";
import {formatWarning} from "../../../loaders/report/warnings.js";

const report: LoadReport = {
  built: "2026-01-01T00:00:00.000Z",
  sources: [
    {
      id: "heldygn",
      kind: "register",
      files: ["register/heldygn.csv"],
      format: "csv",
      encoding: "Latin-1/Windows-1252 (upptäckt)",
      delimiter: ";",
      read: 8,
      values: 8,
      leftOut: [{count: 4, reason: "rader med andra värden i en vald dimension"}],
      tables: {observations: 8},
      statuses: {ok: 6, suppressed: 1, missing: 1},
      flags: {}
    },
    {id: "kolada", kind: "register", files: ["k/page-001.json", "k/page-002.json"], format: "kolada", read: 63, values: 63, leftOut: [], tables: {observations: 63}, statuses: {ok: 63}, flags: {estimate: 2}}
  ],
  derived: [{source: "a / b", rows: 8, statuses: {ok: 8}}],
  tables: {observations: 79, areas: 341, population: 0, indicators: 2, comparability: 2, responses: 0, surveys: 0},
  warnings: [{file: "register/heldygn.csv", row: 18, message: "left out 2 note lines below the table", count: 2}],
  vocabulary: {statuses: {ok: "med värde", missing: "uppgift saknas", suppressed: "x", suppressed_secondary: "x2", no_answer: "y", not_applicable: "z"}, flags: {estimate: "e", preliminary: "p", revised: "r", break: "b"}},
  disclosure: {protected: [], intervals: 0}
};

describe("formatReport", () => {
  it("prints sources with their rows, statuses, what was left out, and every warning with its place", () => {
    expect(formatReport(report, "/tables/load_report.json")).toEqual([
      "Load report: 2 sources, 7 tables, 1 warning (/tables/load_report.json)",
      "  tables: observations 79, areas 341, population 0, indicators 2, comparability 2, responses 0, surveys 0",
      "  register/heldygn.csv [csv, Latin-1/Windows-1252 (upptäckt), delimiter ;]: read 8, gave 8; observations 8",
      "      ok 6, missing 1, suppressed 1",
      "      left out 4 rader med andra värden i en vald dimension",
      "  k/page-001.json (+1 pages) [kolada]: read 63, gave 63; observations 63",
      "      ok 63, estimate 2",
      "  derived a / b: 8 (ok 8)",
      "  warnings:",
      "    register/heldygn.csv, row 18: left out 2 note lines below the table"
    ]);
  });

  it("words a warning's place as errors do", () => {
    expect(formatWarning({file: "f.csv", row: 3, column: "Kod", message: "m"})).toBe("f.csv, row 3, column Kod: m");
  });
});
