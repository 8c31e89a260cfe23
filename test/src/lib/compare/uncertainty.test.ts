// The rules of honest comparison (src/lib/compare/uncertainty.js) against
// known values: the intervals of counts are R's poisson.test(x)$conf.int, and
// whether two rates differ is checked against R's exact two-sample
// poisson.test (binom.test on the conditional count), both written into
// test/fixtures/compare/differences.json. A rate's interval is the count's
// divided by the children in thousands. MOVER limits worked out as
//   low  = d − √((a − a.low)² + (b.high − b)²),  high = d + √((a.high − a)² + (b − b.low)²).
import {readFileSync} from "node:fs";
import {join} from "node:path";
import {DuckDBInstance} from "@duckdb/node-api";
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {comparison} from "../../../../src/lib/compare/queries.js";
import {
  cautionText,
  census,
  clearlyAboveSql,
  compareEstimates,
  countBehind,
  differenceInterval,
  estimateOf,
  intervalText,
  MIN_COUNT,
  placeRange,
  rankSpan,
  smallCount
} from "../../../../src/lib/compare/uncertainty.js";
import {FIXTURES} from "../../../helpers/dataDir.js";

type Reference = {unit: string; x: number; children: number; low: number; high: number};
const REFERENCE = JSON.parse(readFileSync(join(FIXTURES, "compare", "differences.json"), "utf8")) as {poisson: Reference[]; rate_ratio: Reference[]};

/** The rate per 1 000 of a unit in the fixture, with R's interval of its count divided by its children in thousands. */
function rate(code: string) {
  const r = REFERENCE.poisson.find((d) => d.unit.startsWith(`${code} `))!;
  const per = (n: number) => (1000 * n) / r.children;
  return {value: per(r.x), low: per(r.low), high: per(r.high), count: r.x};
}

const aneby = rate("0604"); // 6 of 1 011: 5,93 (2,18–12,92)
const riket = rate("00"); // 16 440 of 2 280 260: 7,21 (7,10–7,32)
const fagersta = rate("1982"); // 22 of 2 959: 7,43 (4,66–11,26)
const stockholm = rate("0180"); // 1 682 of 185 462: 9,07 (8,64–9,51)

describe("the reference values", () => {
  it("are the sample data's rates: Aneby 5,93, riket 7,21, Fagersta 7,43, Stockholm 9,07 per 1 000", () => {
    expect([aneby, riket, fagersta, stockholm].map((d) => d.value.toFixed(4))).toEqual(["5.9347", "7.2097", "7.4349", "9.0692"]);
    expect([aneby.low, aneby.high]).toEqual([expect.closeTo(2.177937, 6), expect.closeTo(12.917383, 6)]);
  });

  it.each(REFERENCE.rate_ratio)("$unit against riket: the interval of the difference holds 0 exactly when R's exact rate ratio ($low–$high) holds 1", ({unit, low, high}) => {
    const d = differenceInterval(rate(unit.split(" ")[0]!), riket)!;
    expect(d.low <= 0 && d.high >= 0).toBe(low <= 1 && high >= 1);
  });
});

describe("the interval of a difference (MOVER)", () => {
  it("whole numbers: 10 (8–13) − 5 (4–7) = 5, from 5 − √8 to 5 + √10", () => {
    const d = differenceInterval({value: 10, low: 8, high: 13}, {value: 5, low: 4, high: 7})!;
    expect(d.low).toBeCloseTo(5 - Math.sqrt(8), 12);
    expect(d.high).toBeCloseTo(5 + Math.sqrt(10), 12);
    expect(d.low).toBeCloseTo(2.171573, 6);
    expect(d.high).toBeCloseTo(8.162278, 6);
  });

  it("Aneby against riket: −1,275, from −5,033 to 5,709 (holds 0)", () => {
    const d = differenceInterval(aneby, riket)!;
    expect(d.low).toBeCloseTo(-5.033409, 5);
    expect(d.high).toBeCloseTo(5.708542, 5);
  });

  it("Stockholm against riket: 1,860, from 1,417 to 2,317 (leaves out 0)", () => {
    const d = differenceInterval(stockholm, riket)!;
    expect(d.low).toBeCloseTo(1.417085, 5);
    expect(d.high).toBeCloseTo(2.316934, 5);
  });

  it("is null when either value has no interval", () => {
    expect(differenceInterval({value: 4.1}, riket)).toBeNull();
    expect(differenceInterval(riket, {value: 4.1, low: null, high: 3})).toBeNull();
  });
});

describe("whether a text may say that two values differ", () => {
  it("not when a value rests on fewer than MIN_COUNT children: the basis is small, and how small", () => {
    expect(MIN_COUNT).toBe(20);
    expect(compareEstimates(aneby, riket)).toMatchObject({verdict: "small", count: 6});
    // 19 is small, 20 is not.
    expect(compareEstimates({...fagersta, count: 19}, riket).verdict).toBe("small");
    expect(compareEstimates({...fagersta, count: 20}, riket).verdict).toBe("similar");
  });

  it("not when the interval of the difference holds 0 (Fagersta 7,4 against riket 7,2: −2,55 to 4,05)", () => {
    const result = compareEstimates(fagersta, riket);
    expect(result.verdict).toBe("similar");
    expect(result.interval!.low).toBeCloseTo(-2.552485, 5);
    expect(result.interval!.high).toBeCloseTo(4.048468, 5);
  });

  it("yes when it leaves out 0 (Stockholm 9,1 against riket 7,2)", () => {
    expect(compareEstimates(stockholm, riket).verdict).toBe("different");
  });

  it("cannot be judged for a rate without a count or interval (a Kolada rate)", () => {
    expect(compareEstimates({value: 4.1}, {value: 3.2}).verdict).toBe("unknown");
  });

  it("census values are exact: the survey's counts of kommuner differ whenever they are unequal (BBIC 2010 → 2013)", () => {
    expect(compareEstimates(census(232), census(82)).verdict).toBe("different");
    expect(compareEstimates(census(82), census(82)).verdict).toBe("similar");
  });
});

describe("a row's count, estimate, interval and caution", () => {
  const rate = {value: 5.934718, numerator: 6, ci_low: 2.177937, ci_high: 12.917383};

  it("the count behind a rate is its numerator, a count is itself; none without an interval", () => {
    expect(countBehind(rate, "rate_per_1000")).toBe(6);
    expect(countBehind({value: 7, numerator: 7, ci_low: 2.81, ci_high: 14.42}, "count")).toBe(7);
    // A survey share has a numerator (yes answers) but is no count of children.
    expect(countBehind({value: 80, numerator: 8, ci_low: null}, "share_yes")).toBeNull();
    expect(countBehind({value: 4.1, numerator: null, ci_low: null}, "rate_per_1000")).toBeNull();
  });

  it("an estimate from a row; a census value is its own interval", () => {
    expect(estimateOf(rate, "rate_per_1000")).toEqual({value: 5.934718, low: 2.177937, high: 12.917383, count: 6});
    expect(estimateOf({value: 98}, "share_yes", {exact: true})).toEqual({value: 98, low: 98, high: 98, count: null});
  });

  it("intervals with one decimal at least, and the caution on a small basis", () => {
    expect(intervalText(rate, {measure: "rate_per_1000"})).toBe("2,2–12,9");
    expect(intervalText({value: 7, ci_low: 2.81436, ci_high: 14.42268}, {measure: "count"})).toBe("2,8–14,4");
    expect(intervalText({value: 80, ci_low: null, ci_high: null}, {measure: "share_yes"})).toBe("");
    expect(cautionText(rate, {measure: "rate_per_1000"})).toBe("litet underlag (6 barn)");
    expect(smallCount({...rate, numerator: 20}, "rate_per_1000")).toBeNull();
    expect(cautionText({...rate, value: null}, {measure: "rate_per_1000"})).toBe("");
  });

  it("a place as a range only where it is one", () => {
    const f = (n: number | null | undefined) => String(n);
    expect(placeRange({rank: 46, rank_low: 6, rank_high: 162, rank_n: 274}, f)).toBe("plats 6–162 av 274");
    expect(placeRange({rank: 3, rank_low: 3, rank_high: 3, rank_n: 4}, f)).toBe("plats 3 av 4");
    expect(placeRange({rank: 3, rank_n: 4}, f)).toBe("plats 3 av 4");
    expect(rankSpan({rank: 3, rank_low: 3, rank_high: 3})).toBeNull();
  });
});

// Four kommuner with hand-made intervals. Clearly above (MOVER lower limit > 0):
//   A 10 (8–13) over B 5 (4–7): 5 − √(2² + 2²) = 2,17; over D 2 (1–3): 8 − √(2² + 1²) = 5,76
//   C 9 (6–12) over B: 4 − √(3² + 2²) = 0,39; over D: 7 − √(3² + 1²) = 3,84
//   B over D: 3 − √(1² + 1²) = 1,59;  A over C: 1 − √(2² + 3²) = −2,61, not clearly.
// So A and C share places 1–2, B is 3rd, D 4th.
describe("ranks as ranges, in SQL", () => {
  let instance: DuckDBInstance;
  let query: (sql: string) => Promise<Record<string, unknown>[]>;
  const units = [
    ["0101", 10, 8, 13],
    ["0102", 5, 4, 7],
    ["0103", 9, 6, 12],
    ["0104", 2, 1, 3]
  ] as const;

  beforeAll(async () => {
    instance = await DuckDBInstance.create(":memory:");
    const connection = await instance.connect();
    const rows = units.map(([code, v, lo, hi]) => `('r', 2016, '${code}', ${v}, ${v}, 1000, 'ok', ${lo}, ${hi})`).join(", ");
    await connection.run(`CREATE TABLE observations (indicator_id TEXT, year INTEGER, area_code TEXT, value DOUBLE, numerator DOUBLE, denominator DOUBLE, status TEXT, ci_low DOUBLE, ci_high DOUBLE);
      INSERT INTO observations VALUES ${rows}, ('r', 2016, '01', 6.5, 26, 4000, 'ok', 4.2, 9.5), ('r', 2016, '00', 6.5, 26, 4000, 'ok', 4.2, 9.5);
      CREATE TABLE indicators (id TEXT, measure TEXT, source TEXT);
      INSERT INTO indicators VALUES ('r', 'count', 'register');
      CREATE TABLE areas (code TEXT, level TEXT, kommungrupp TEXT, lan_code TEXT, survey_unit BOOLEAN);
      INSERT INTO areas VALUES ${units.map(([code]) => `('${code}', 'kommun', 'B3', '01', true)`).join(", ")}, ('01', 'län', NULL, '01', false), ('00', 'riket', NULL, NULL, false);`);
    query = async (sql) => (await connection.runAndReadAll(sql)).getRowObjectsJS().map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, typeof v === "bigint" ? Number(v) : v])));
  });
  afterAll(() => instance?.closeSync());

  it("runs from one more than the units clearly above to the units not clearly below", async () => {
    const rows = await comparison(query, {indicatorIds: ["r"], year: 2016});
    const places = Object.fromEntries(rows.map((r) => [r.code, [r.rank, r.rank_low, r.rank_high, r.rank_n]]));
    expect(places).toEqual({"0101": [1, 1, 2, 4], "0102": [3, 3, 3, 4], "0103": [2, 1, 2, 4], "0104": [4, 4, 4, 4]});
    expect(rows.find((r) => r.code === "0101")).toMatchObject({ci_low: 8, ci_high: 13, riket_ci_low: 4.2, lan_ci_high: 9.5});
  });

  it("the SQL test agrees with differenceInterval for every pair", async () => {
    const pairs = await query(`SELECT a.area_code AS a, b.area_code AS b, ${clearlyAboveSql("a", "b")} AS above
      FROM observations a, observations b WHERE a.area_code LIKE '01__' AND b.area_code LIKE '01__' AND a.area_code <> b.area_code`);
    const byCode = new Map(units.map(([code, value, low, high]) => [code as string, {value, low, high}]));
    for (const p of pairs) expect(p.above, `${p.a} over ${p.b}`).toBe(differenceInterval(byCode.get(String(p.a))!, byCode.get(String(p.b))!)!.low > 0);
    expect(pairs.filter((p) => p.above)).toHaveLength(5);
  });
});
