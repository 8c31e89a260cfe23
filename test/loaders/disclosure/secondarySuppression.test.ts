import {readFileSync} from "node:fs";
import {join} from "node:path";
import {describe, expect, it} from "vitest";
import {InconsistentSums, type SumGroup} from "../../../loaders/disclosure/exposure.js";
import {priorKnowledge, secondarySuppression, shortfall, type TableCell} from "../../../loaders/disclosure/secondarySuppression.js";
import {FIXTURES} from "../../helpers/dataDir.js";

interface Case {
  name: string;
  why: string;
  cells: Record<string, number | string>;
  groups: SumGroup[];
  expect: {area_code: string; group: string; protects: string}[];
}

/** Hand-computed cases, each with its reasoning (test/fixtures/disclosure/suppression.json). */
const CASES = (JSON.parse(readFileSync(join(FIXTURES, "disclosure", "suppression.json"), "utf8")) as {cases: Case[]}).cases;
const PROTECT = {from: 1, to: 4};

const table = (cells: Record<string, number | string>, order = Object.keys(cells)) =>
  new Map<string, TableCell>(
    order.map((code) => {
      const v = cells[code]!;
      return [code, typeof v === "number" ? {value: v, status: "ok"} : {value: null, status: v === "X" ? "suppressed" : "missing"}];
    })
  );

describe("secondary suppression on hand-computed tables", () => {
  it.each(CASES)("$name", ({cells, groups, expect: expected}) => {
    expect(secondarySuppression(table(cells), groups, PROTECT)).toEqual(expected);
  });

  it("is deterministic: the same cells in any order, the sums in any order, give the same choice", () => {
    for (const c of CASES) {
      const reversed = secondarySuppression(table(c.cells, Object.keys(c.cells).reverse()), [...c.groups].reverse(), PROTECT);
      expect(reversed, c.name).toEqual(c.expect);
    }
  });

  it("stops on published figures that break a sum, naming it", () => {
    const error = (() => {
      try {
        secondarySuppression(table({L: 100, a: 20, b: 30, c: "X"}), [{id: "kommun→län L", total: "L", parts: ["a", "b"]}], PROTECT);
      } catch (e) {
        return e as InconsistentSums;
      }
    })();
    expect(error).toBeInstanceOf(InconsistentSums);
    expect(error!.message).toBe("kommun→län L: the total 100 is not the sum of its parts (parts fall short by 50)");
  });
});

describe("what the analyst knows beforehand", () => {
  it("a primary cell is 1–4, a secondary one ≥ 5, a missing one ≥ 0, a cell that cannot occur 0", () => {
    expect(priorKnowledge({value: null, status: "suppressed"}, PROTECT)).toEqual({value: null, lo: 1, hi: 4});
    expect(priorKnowledge({value: null, status: "suppressed_secondary"}, PROTECT)).toEqual({value: null, lo: 5, hi: Infinity});
    expect(priorKnowledge({value: null, status: "missing"}, PROTECT)).toEqual({value: null, lo: 0, hi: Infinity});
    expect(priorKnowledge({value: null, status: "not_applicable"}, PROTECT)).toEqual({value: 0});
    expect(priorKnowledge(undefined, PROTECT)).toEqual({value: null, lo: 0, hi: Infinity});
    expect(priorKnowledge({value: 12, status: "ok"}, PROTECT)).toEqual({value: 12});
  });
  it("a protected cell is safe only while its derivable range is still all of 1–4", () => {
    expect(shortfall({lo: 1, hi: 4}, PROTECT)).toBe(0);
    expect(shortfall({lo: 0.9999999999, hi: 17}, PROTECT)).toBe(0);
    expect(shortfall({lo: 2, hi: 4}, PROTECT)).toBe(1);
    expect(shortfall({lo: 3, hi: 3}, PROTECT)).toBe(3);
  });
});
