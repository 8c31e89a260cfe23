// Areas by code, by name, or both in one cell, with the nearest valid ones suggested.
import {describe, expect, it} from "vitest";
import {areaIndex, foldName, labelAgrees, namesArea, nearestAreas, resolveArea} from "../../../loaders/reference/areaIndex.js";
import {readReference} from "../../../loaders/reference/readReference.js";
import {DATA} from "../../helpers/dataDir.js";

const index = areaIndex(readReference(DATA));

describe("resolveArea", () => {
  it.each([
    ["00", "00"],
    ["Riket", "00"],
    ["Hela riket", "00"],
    ["01", "01"],
    ["Stockholms län", "01"],
    ["0114", "0114"],
    ["Upplands Väsby", "0114"],
    ["upplands väsby", "0114"],
    ["Upplands-Väsby", "0114"],
    ["Upplands Väsby kommun", "0114"],
    ["0114 Upplands Väsby", "0114"],
    ["0180-01", "0180-01"],
    ["Rinkeby-Kista", "0180-01"],
    ["Göteborg", "1480"],
    ["Goteborg", "1480"]
  ])("%s is %s", (cell, code) => {
    expect(resolveArea(index, cell)).toEqual({code});
  });

  it("gives a code its lost leading zero back and says so", () => {
    expect(resolveArea(index, "114")).toEqual({code: "0114", padded: "114"});
    expect(resolveArea(index, "1")).toEqual({code: "01", padded: "1"});
  });

  it.each([
    ["0118", 'unknown area code "0118": expected 00 (riket), a län code, one of the 290 kommunkoder or a stadsdel code such as 0180-01; the nearest valid codes: 0117 Österåker, 0115 Vallentuna, 0114 Upplands Väsby'],
    ["0141", 'unknown area code "0141": expected 00 (riket), a län code, one of the 290 kommunkoder or a stadsdel code such as 0180-01; the nearest valid codes: 0140 Nykvarn, 0114 Upplands Väsby, 0181 Södertälje'],
    ["9999", 'unknown area code "9999": expected 00 (riket), a län code, one of the 290 kommunkoder or a stadsdel code such as 0180-01'],
    ["Upplandsväsby", 'unknown area name "Upplandsväsby": expected riket, a län, kommun or stadsdel name such as "Upplands Väsby" or "Stockholms län"; the nearest valid names: 0114 Upplands Väsby'],
    ["0114 Vallentuna", '"0114 Vallentuna": code 0114 is Upplands Väsby, not "Vallentuna": expected the code and the name of one area'],
    ["", "the area is blank: expected 00 (riket), a län code, one of the 290 kommunkoder or a stadsdel code such as 0180-01"]
  ])("%j: %s", (cell, problem) => {
    expect(resolveArea(index, cell)).toEqual({problem});
  });

  it("holds a source to the format it declares", () => {
    expect(resolveArea(index, "Upplands Väsby", "code")).toEqual({problem: '"Upplands Väsby" is not an area code: expected 00 (riket), a län code, one of the 290 kommunkoder or a stadsdel code such as 0180-01; the nearest valid names: 0114 Upplands Väsby'});
    expect(resolveArea(index, "0114", "name")).toEqual({problem: '"0114" is a code, but the source declares its areas as names'});
  });
});

describe("names and labels", () => {
  it("folds case, accents, hyphens and spacing", () => {
    expect(foldName("  Malung-Sälen ")).toBe("malung salen");
  });

  it("agrees with a publisher's label in Swedish or English, with or without code or suffix", () => {
    const area = (code: string) => index.byCode.get(code)!;
    expect(labelAgrees(area("01"), "Stockholm county")).toBe(true);
    expect(labelAgrees(area("01"), "01 Stockholms län")).toBe(true);
    expect(labelAgrees(area("00"), "Sweden")).toBe(true);
    expect(labelAgrees(area("0114"), "Upplands Väsby kommun")).toBe(true);
    expect(labelAgrees(area("03"), "Oslo")).toBe(false);
  });

  it("tells cheaply whether a cell names an area", () => {
    expect(namesArea(index, "Vallentuna")).toBe(true);
    expect(namesArea(index, "0114 Upplands Väsby")).toBe(true);
    expect(namesArea(index, "Källa: SCB")).toBe(false);
  });

  it("suggests at most three areas, nearest first", () => {
    expect(nearestAreas(index, "Malmöö", "name").map((a) => a.code)).toEqual(["1280"]);
    expect(nearestAreas(index, "0180-15", "code").map((a) => a.code)).toEqual(["0180-14", "0180-13", "0180-12"]);
  });
});
