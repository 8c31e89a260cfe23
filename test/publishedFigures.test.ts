/**
 * Every published figure of the two releases (../shared/README.md), recomputed
 * from the committed sample data through the real pipeline: raw files in data/
 * → loaders → Parquet → SQL.
 */
import {describe, expect, it} from "vitest";
import {useSampleTables} from "./helpers/sampleTables.js";

const sample = useSampleTables();

const riket = async (indicator: string, year: number) => {
  const rows = await sample.query(`SELECT value, numerator, denominator FROM observations WHERE indicator_id = '${indicator}' AND area_code = '00' AND year = ${year}`);
  expect(rows, `${indicator} ${year}`).toHaveLength(1);
  return rows[0] as {value: number; numerator: number; denominator: number};
};
const series = async (indicator: string, from: number, to: number) =>
  (await sample.query(`SELECT value FROM observations WHERE indicator_id = '${indicator}' AND area_code = '00' AND year BETWEEN ${from} AND ${to} ORDER BY year`)).map((r) => r.value as number);

describe("2014 release (survey of November 2013)", () => {
  it('"Fyra av fem kommuner har nu ordinarie BBIC-licens": 80 %', async () => {
    expect((await riket("bbic_ordinarie_licens", 2013)).value).toBe(80);
  });
  it('"nästan tre gånger så många som år 2010": count ratio just under 3', async () => {
    const ratio = (await riket("bbic_ordinarie_licens", 2013)).numerator / (await riket("bbic_ordinarie_licens", 2010)).numerator;
    expect(ratio).toBeGreaterThanOrEqual(2.7);
    expect(ratio).toBeLessThan(2.95);
  });
  it('"hälften av landets kommuner har handläggare med fem års erfarenhet och socionomexamen": 50 %', async () => {
    expect((await riket("handlaggare_socionom_5ar", 2013)).value).toBe(50);
  });
  it('"95 procent av landets socialförvaltningar besvarade enkäten"', async () => {
    const r = await riket("svarsfrekvens", 2013);
    expect(Math.round(r.value)).toBe(95);
    expect(r.denominator).toBe(316);
  });
  it('"samverkan med barn- och ungdomspsykiatrin och barnhälsovården ökar": rises every year 2010–2013', async () => {
    for (const id of ["samverkan_bup", "samverkan_bhv"]) {
      const v = await series(id, 2010, 2013);
      expect(v).toHaveLength(4);
      v.slice(1).forEach((x, i) => expect(x, id).toBeGreaterThan(v[i]!));
    }
  });
  it('"i allt högre grad med att involvera barn och unga": rises every year 2010–2013', async () => {
    const v = await series("barns_delaktighet", 2010, 2013);
    v.slice(1).forEach((x, i) => expect(x).toBeGreaterThan(v[i]!));
  });
});

describe("2016 results (survey of spring 2016)", () => {
  it('"98 procent av kommunerna och stadsdelarna i storstäderna har ordinarie licens för BBIC", stadsdelar counted', async () => {
    const r = await riket("bbic_ordinarie_licens", 2016);
    expect(Math.round(r.value)).toBe(98);
    const stadsdelar = await sample.query(`SELECT count(*) AS n FROM responses r JOIN areas a ON a.code = r.area_code WHERE r.year = 2016 AND r.answered AND a.level = 'stadsdel'`);
    expect(stadsdelar[0]!.n).toBeGreaterThan(0);
    expect(r.denominator).toBe((await riket("svarsfrekvens", 2016)).numerator);
  });
  it.each([
    ["samlad_kompetensplan", 24],
    ["overenskommelse_primarvard", 44],
    ["overenskommelse_skola", 53],
    ["overenskommelse_forskola", 52]
  ])("%s: %d procent", async (id, percent) => {
    expect(Math.round((await riket(id, 2016)).value)).toBe(percent);
  });
  it('"kan inte jämföras": 2016 starts a new comparability group for every indicator measured before', async () => {
    const rows = await sample.query(`SELECT indicator_id, count(DISTINCT group_id) AS groups FROM comparability c
      WHERE indicator_id IN (SELECT id FROM indicators WHERE source = 'enkät')
        AND indicator_id IN (SELECT indicator_id FROM comparability WHERE 2016 BETWEEN first_year AND last_year)
      GROUP BY indicator_id HAVING min(first_year) < 2016`);
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows) {
      const g = await sample.query(`SELECT group_id FROM comparability WHERE indicator_id = '${r.indicator_id}' AND 2016 BETWEEN first_year AND last_year`);
      const before = await sample.query(`SELECT group_id FROM comparability WHERE indicator_id = '${r.indicator_id}' AND 2015 BETWEEN first_year AND last_year`);
      expect(g[0]!.group_id, String(r.indicator_id)).not.toBe(before[0]?.group_id);
    }
  });
});
