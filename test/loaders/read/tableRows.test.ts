// Rows around a table: empty rows, Excel's delimiter-only rows, notes.
import {describe, expect, it} from "vitest";
import {isEmptyRow, isNoteRow, rowText, trailingNotes} from "../../../loaders/read/tableRows.js";

describe("tableRows", () => {
  it("tells empty rows and notes from data", () => {
    expect(isEmptyRow(["", " ", ""])).toBe(true);
    expect(isNoteRow(["Källa: Socialstyrelsen", "", ""])).toBe(true);
    expect(isNoteRow(["2016", "", ""])).toBe(false);
    expect(isNoteRow(["0114", "12", ""])).toBe(false);
    expect(rowText(["Källa:", " Socialstyrelsen ", ""])).toBe("Källa: Socialstyrelsen");
  });

  it("counts the notes and empty rows after the last data row, keeping a lone area name as data", () => {
    const rows = [["0114", "12"], ["Vallentuna", ""], [""], ["Källa: SCB", ""], ["", ""]];
    expect(trailingNotes(rows)).toBe(4);
    expect(trailingNotes(rows, (cells) => cells[0] === "Vallentuna")).toBe(3);
    expect(trailingNotes([["0114", "12"]])).toBe(0);
  });
});
