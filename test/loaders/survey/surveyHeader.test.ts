// The header row and its wording, mapped by the questionnaire declaration.
import {describe, expect, it} from "vitest";
import {canonicalHeader, findHeaderRow, type HeaderWords} from "../../../loaders/survey/surveyHeader.js";

const WORDS: HeaderWords = {unit: ["Kod", "Kommunkod", "Kommun"], name: ["Namn", "Kommun"], questions: {F1: ["Fråga 1"], F2: []}};

describe("findHeaderRow", () => {
  it("finds the first row with a wording of the unit column, below title rows", () => {
    expect(findHeaderRow([["Enkät 2013"], [], ["KOMMUNKOD", "Kommun", "F1"]], WORDS)).toBe(2);
    expect(findHeaderRow([["Enhet", "F1"]], WORDS)).toBe(-1);
  });
});

describe("canonicalHeader", () => {
  it("maps the first unit wording to Kod, the next name wording to Namn, and question aliases to their codes", () => {
    expect(canonicalHeader(["Kommunkod", "Kommun", "Fråga 1", "f2", "Kommentar"], WORDS)).toEqual({
      names: ["Kod", "Namn", "F1", "F2", "Kommentar"],
      original: {Kod: "Kommunkod", Namn: "Kommun", F1: "Fråga 1", F2: "f2"}
    });
  });

  it("reads a lone Kommun column as the unit", () => {
    expect(canonicalHeader(["Kommun", "F1"], WORDS).names).toEqual(["Kod", "F1"]);
  });
});
