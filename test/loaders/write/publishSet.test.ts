// A set of files made the target folder in one rename; leftovers of killed runs removed.
import {existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync} from "node:fs";
import {join} from "node:path";
import {describe, expect, it} from "vitest";
import {publishSet, removeStaleStaging} from "../../../loaders/write/publishSet.js";
import {sqlIdent, sqlString} from "../../../loaders/write/sql.js";
import {tempDir} from "../../helpers/dataDir.js";

const SET = ["a.parquet", "b.parquet", "report.json"];
const write = (files: Record<string, string>) => async (staging: string) => {
  for (const [name, text] of Object.entries(files)) writeFileSync(join(staging, name), text);
};

describe("publishSet", () => {
  it("creates the target, replaces an earlier set whole, and leaves nothing beside it", async () => {
    const parent = tempDir();
    const out = join(parent, "tables");
    await publishSet(out, SET, write({"a.parquet": "1", "b.parquet": "1", "report.json": "1"}));
    await publishSet(out, SET, write({"a.parquet": "2", "report.json": "2"}));
    expect(readdirSync(out).sort()).toEqual(["a.parquet", "report.json"]);
    expect(readFileSync(join(out, "a.parquet"), "utf8")).toBe("2");
    expect(readdirSync(parent)).toEqual(["tables"]);
  });

  it("leaves the earlier set untouched when writing the new one fails", async () => {
    const out = join(tempDir(), "tables");
    await publishSet(out, SET, write({"a.parquet": "old"}));
    await expect(
      publishSet(out, SET, async (staging) => {
        writeFileSync(join(staging, "a.parquet"), "half");
        throw new Error("killed");
      })
    ).rejects.toThrow("killed");
    expect(readFileSync(join(out, "a.parquet"), "utf8")).toBe("old");
  });

  it("removes staging folders whose process is gone, and keeps those of live ones", () => {
    const parent = tempDir();
    const out = join(parent, "tables");
    const dead = join(parent, ".tables.staging-2147483646-0badf00d");
    const live = join(parent, `.tables.old-${process.pid}-0badf00d`);
    const other = join(parent, ".other.staging-2147483646-0badf00d");
    for (const dir of [dead, live, other]) mkdirSync(dir);
    expect(removeStaleStaging(out)).toEqual([".tables.staging-2147483646-0badf00d"]);
    expect([existsSync(dead), existsSync(live), existsSync(other)]).toEqual([false, true, true]);
  });
});

describe("sql", () => {
  it("quotes text and names for SQL, doubling the quote", () => {
    expect(sqlString("Ö'land")).toBe("'Ö''land'");
    expect(sqlIdent('Antal "0–17"')).toBe('"Antal ""0–17"""');
  });
});
