// The disclosure decisions of the load report in words, for Om data
// (src/lib/disclosureReport.js): counts per reason, and the protected cells
// with why and through which sum, never a value.
import {describe, expect, it} from "vitest";
import {groupText, protectedRows, reasonCounts, REASON_TEXT} from "../../../src/lib/disclosureReport.js";

type Cell = Parameters<typeof reasonCounts>[0][number];
const cell = (extra: Partial<Cell> & Pick<Cell, "area_code" | "reason" | "status">): Cell => ({indicator_id: "heldygnsinsats_antal", year: 2014, group: null, ...extra});
const names = {
  area: (code: string) => ({"0604": "Aneby", "0821": "Högsby", "0617": "Gnosjö", "06": "Jönköpings län", "00": "Riket"})[code] ?? code,
  indicator: (id: string) => ({heldygnsinsats_antal: "Heldygnsinsats, antal", heldygnsinsats_per_1000: "Heldygnsinsats per 1 000"})[id] ?? id
};

const cells: Cell[] = [
  cell({area_code: "0604", reason: "source", status: "suppressed"}),
  cell({area_code: "0617", reason: "secondary", status: "suppressed_secondary", group: "kommun→län 06", protects: "0604"}),
  cell({area_code: "0604", reason: "inherited", status: "suppressed", indicator_id: "heldygnsinsats_per_1000", group: "heldygnsinsats_antal"}),
  cell({area_code: "0821", reason: "threshold", status: "suppressed", year: 2013})
];

describe("protected cells per reason", () => {
  it("counts each reason in the order protection is applied, split into X and secondary X, leaving out reasons with no cell", () => {
    expect(reasonCounts(cells)).toEqual([
      {reason: "source", text: REASON_TEXT.source, suppressed: 1, secondary: 0, total: 1},
      {reason: "threshold", text: REASON_TEXT.threshold, suppressed: 1, secondary: 0, total: 1},
      {reason: "secondary", text: REASON_TEXT.secondary, suppressed: 0, secondary: 1, total: 1},
      {reason: "inherited", text: REASON_TEXT.inherited, suppressed: 1, secondary: 0, total: 1}
    ]);
    expect(reasonCounts([])).toEqual([]);
  });
});

describe("the list of protected cells", () => {
  it("names the sum a secondary cell was chosen from, and the count a rate inherits from", () => {
    expect(groupText(cells[1]!, names)).toBe("summan av kommunerna i Jönköpings län");
    expect(groupText(cells[2]!, names)).toBe("antalet: Heldygnsinsats, antal");
    expect(groupText(cells[0]!, names)).toBe("");
    expect(groupText(cell({area_code: "06", reason: "secondary", status: "suppressed_secondary", group: "län→riket 00"}), names)).toBe("summan av länen i Riket");
  });

  it("sorts by indicator, year and area, and holds no value, count or bound of any cell", () => {
    const rows = protectedRows(cells, names);
    // Swedish collation (compareSv) sets "Heldygnsinsats per 1 000" before "Heldygnsinsats, antal".
    expect(rows.map((r) => [r.indicator, r.year, r.area, r.status])).toEqual([
      ["Heldygnsinsats per 1 000", 2014, "Aneby", "X"],
      ["Heldygnsinsats, antal", 2013, "Högsby", "X"],
      ["Heldygnsinsats, antal", 2014, "Aneby", "X"],
      ["Heldygnsinsats, antal", 2014, "Gnosjö", "X (sekundär)"]
    ]);
    expect(rows[3]).toMatchObject({reason: REASON_TEXT.secondary, sum: "summan av kommunerna i Jönköpings län", protects: "Aneby (0604)"});
    for (const row of rows) expect(Object.keys(row).sort()).toEqual(["area", "code", "indicator", "protects", "reason", "status", "sum", "year"]);
  });
});
