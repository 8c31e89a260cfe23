// The reference data every reader checks areas against.
import {cpSync, writeFileSync} from "node:fs";
import {join} from "node:path";
import {describe, expect, it} from "vitest";
import {isKommunCode, isLanCode, isStadsdelCode, RIKET_CODE} from "../../../loaders/reference/areaCodes.js";
import {readReference, surveyUnits} from "../../../loaders/reference/readReference.js";
import {DATA, tempDir} from "../../helpers/dataDir.js";
import {loadError} from "../../helpers/loadError.js";

describe("readReference on data/reference", () => {
  const ref = readReference(DATA);

  it("holds the 21 län, the 290 kommuner with their kommungrupp, and the storstäder's stadsdelar", () => {
    expect(ref.lan).toHaveLength(21);
    expect(ref.kommuner).toHaveLength(290);
    expect(ref.kommuner.find((k) => k.code === "0114")).toMatchObject({name: "Upplands Väsby", lan_code: "01", kommungrupp: expect.stringMatching(/^[ABC]\d$/)});
    expect(ref.storstader).toEqual(["0180", "1280", "1480"]);
    expect(ref.byCode.get(RIKET_CODE)).toEqual({name: "Riket", level: "riket"});
    expect(ref.byCode.size).toBe(1 + 21 + 290 + ref.stadsdelar.length);
  });

  it("sends the survey to the kommuner other than the storstäder, and to the storstäder's stadsdelar", () => {
    const units = surveyUnits(ref);
    expect(units).toHaveLength(290 - 3 + ref.stadsdelar.length);
    expect(units.some((u) => u.code === "0180")).toBe(false);
    expect(units.find((u) => u.code === "0180-01")).toMatchObject({lan_code: "01", kommun_code: "0180"});
  });

  it("refuses a kommun code that is not four digits, by file, row and column", () => {
    const dir = tempDir();
    cpSync(join(DATA, "reference"), join(dir, "reference"), {recursive: true});
    writeFileSync(join(dir, "reference", "lan.csv"), "county_code,county_name,county_name_short\n1,Stockholms län,Stockholm\n");
    expect(loadError(() => readReference(dir)).message).toBe('reference/lan.csv, row 2, column county_code: "1" is not a 2-digit länskod');
  });
});

describe("area code shapes", () => {
  it.each([
    ["00", [false, false, false]],
    ["01", [true, false, false]],
    ["0114", [false, true, false]],
    ["0180-01", [false, false, true]],
    ["114", [false, false, false]]
  ])("%s: län, kommun, stadsdel = %j", (code, expected) => {
    expect([isLanCode(code), isKommunCode(code), isStadsdelCode(code)]).toEqual(expected);
  });
});
