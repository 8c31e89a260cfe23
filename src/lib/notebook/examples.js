// @ts-check
// Example queries shown beside the notebook (click to insert). Each one answers
// a question an analyst of Öppna jämförelser asks, and test/notebook runs them
// all against the real tables, so none of them can rot unnoticed.

export const EXAMPLES = [
  {
    title: "Indikatorerna",
    description: "Alla indikatorer med tema, mått och vilka år de finns för.",
    sql: `SELECT id, short_title, theme, source, measure, first_year, last_year
FROM indicators
ORDER BY theme, short_title`
  },
  {
    title: "En indikator i riket över tid",
    description: "Andel kommuner och stadsdelar med ordinarie BBIC-licens, per år. Visa som linjediagram.",
    sql: `SELECT year, value AS procent, numerator AS ja, denominator AS svarande
FROM observations
WHERE indicator_id = 'bbic_ordinarie_licens' AND area_code = '00'
ORDER BY year`
  },
  {
    title: "Länen det senaste året",
    description: "En indikator per län det senaste året med värden, högst först. Visa som stapeldiagram.",
    sql: `SELECT a.name AS län, o.value AS procent, o.numerator AS ja, o.denominator AS svarande
FROM observations o
JOIN areas a ON a.code = o.area_code
WHERE o.indicator_id = 'samlad_kompetensplan'
  AND a.level = 'län'
  AND o.year = (SELECT max(year) FROM observations
                WHERE indicator_id = 'samlad_kompetensplan' AND status = 'ok')
ORDER BY o.value DESC NULLS LAST`
  },
  {
    title: "Andel per kommungrupp",
    description: "Andel kommuner och stadsdelar med en samlad kompetensplan, per SKR:s kommungrupp, år 2016.",
    sql: `SELECT a.kommungrupp_name AS kommungrupp,
       round(100 * sum(o.numerator) / sum(o.denominator), 1) AS procent,
       count(*) AS enheter
FROM observations o
JOIN areas a ON a.code = o.area_code
WHERE o.indicator_id = 'samlad_kompetensplan'
  AND o.year = 2016
  AND o.status = 'ok'
  AND a.level IN ('kommun', 'stadsdel')
GROUP BY a.kommungrupp_name
ORDER BY procent DESC`
  },
  {
    title: "Svarsfrekvens per enkätår",
    description: "Hur många enheter som fick och besvarade enkäten varje år.",
    sql: `SELECT year, period, units AS fick_enkäten, answered AS svarade,
       round(100.0 * answered / units, 1) AS procent
FROM surveys
ORDER BY year`
  },
  {
    title: "Värden som saknas",
    description: "Antal värden per status: hur många som finns, saknas, är skyddade av sekretess eller inte besvarades.",
    sql: `SELECT status, count(*) AS antal
FROM observations
GROUP BY status
ORDER BY antal DESC`
  },
  {
    title: "Folkmängd 0–17 år per län",
    description: "Befolkningen 0–17 år i varje län och år, med länens namn från areas.",
    sql: `SELECT p.year, a.name AS län, p.population_0_17 AS barn
FROM population p
JOIN areas a ON a.code = p.area_code
WHERE a.level = 'län'
ORDER BY p.year, a.name`
  }
];

/** An example that builds on an earlier cell: shown once the notebook has one. @param {string} name */
export function followUpExample(name) {
  return {
    title: `Bygg vidare på ${name}`,
    description: `Varje cells resultat är en tabell med cellens namn, så en ny cell kan fråga ${name}.`,
    sql: `SELECT *
FROM ${name}
LIMIT 10`
  };
}
