// Walking a csv's records as DuckDB's strict parser does, to learn each row's line.
import {mkdtempSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {describe, expect, it} from "vitest";
import {lineMapper, walkRecords} from "../../../../loaders/register/csv/walkRecords.js";

const file = (text: string) => {
  const path = join(mkdtempSync(join(tmpdir(), "walk-")), "f.csv");
  writeFileSync(path, text);
  return path;
};
const start = {offset: 0, line: 1, headerFields: 2, delimiter: ";"};

describe("walkRecords", () => {
  it("counts blank lines and quoted line breaks into each row's line", async () => {
    const walk = await walkRecords(file('a;b\n1;2\n\n3;"x\ny"\n4;5\n'), "f.csv", start);
    expect(walk.records).toBe(4);
    const lineOf = lineMapper(1, walk.shifts);
    expect([0, 1, 2].map(lineOf)).toEqual([2, 4, 6]);
  });

  it("stops at a record over the limit and says where it starts", async () => {
    const walk = await walkRecords(file(`a;b\n1;"${"x".repeat(5000)}"\n`), "f.csv", start, 1000);
    expect(walk.problem).toEqual({line: 2, message: "a quoted cell starts here and runs on for more than 1000 bytes: expected a closing quote (one is probably missing)"});
  });

  it("names a tab-separated row with too few fields in the file's own delimiter", async () => {
    const walk = await walkRecords(file("a\tb\n1\n"), "f.csv", {...start, delimiter: "\t"});
    expect(walk.problem).toEqual({line: 2, message: "has 1 field but the header has 2: expected 2 fields separated by tab"});
  });
});
