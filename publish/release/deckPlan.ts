/**
 * What the national slide deck shows, as data: one slide per theme and kind of
 * measure (shares, rates per 1 000, counts), each with the riket figures of
 * its indicators by year and comparability group. Kept apart from the drawing
 * (buildDeck.ts) so tests can check the figures without parsing slides.
 */
import type {Indicator, Measure, ReleaseModel} from "./releaseModel.js";
import {sqlYear} from "../../src/lib/sql.js";
import {isShare} from "../../src/lib/vocabulary.js";
import type {Query} from "./tableSet.js";

export type MeasureClass = "share" | "rate" | "count";
export const measureClass = (m: Measure): MeasureClass => (isShare(m) ? "share" : m === "count" ? "count" : "rate");

export interface NationalPoint {
  indicator_id: string;
  year: number;
  value: number;
  numerator: number | null;
  denominator: number | null;
  group_id: string;
  group_first_year: number;
}

export interface ChartSeries {
  indicator_id: string;
  group_id: string;
  /** Shown in the legend: the short title, with the comparability group when the indicator has several in view. */
  name: string;
  /** One value per label (year); null where the series has no value: a gap, never a zero. */
  values: (number | null)[];
}

export interface ChartSpec {
  kind: "trend" | "bars";
  title?: string;
  /** Category labels: years for a trend, short titles for bars. */
  labels: string[];
  series: ChartSeries[];
  /** Series colour index per series (the indicator's position on the slide). */
  colorIndex: number[];
}

export interface ThemeSlidePlan {
  theme: string;
  measureClass: MeasureClass;
  indicators: Indicator[];
  /** The riket value of each indicator this year. */
  current: Map<string, NationalPoint>;
  charts: ChartSpec[];
  /** Comparability notes of series that break this year. */
  breaks: {indicator: Indicator; note: string}[];
  /** Every riket value of the slide's indicators up to this year, for the speaker notes. */
  history: NationalPoint[];
}

/** Riket values up to and including `year`, each with its comparability group. */
export async function nationalPoints(query: Query, year: number): Promise<NationalPoint[]> {
  const rows = await query(`SELECT o.indicator_id, o.year, o.value, o.numerator, o.denominator,
      coalesce(c.group_id, '') AS group_id, coalesce(c.first_year, o.year) AS group_first_year
    FROM observations o LEFT JOIN comparability c ON c.indicator_id = o.indicator_id AND o.year BETWEEN c.first_year AND c.last_year
    WHERE o.area_code = '00' AND o.status = 'ok' AND o.year <= ${sqlYear(year)}
    ORDER BY o.indicator_id, o.year`);
  return rows.map((r) => ({
    indicator_id: String(r.indicator_id),
    year: Number(r.year),
    value: Number(r.value),
    numerator: r.numerator === null ? null : Number(r.numerator),
    denominator: r.denominator === null ? null : Number(r.denominator),
    group_id: String(r.group_id),
    group_first_year: Number(r.group_first_year)
  }));
}

function trendChart(indicators: Indicator[], points: NationalPoint[], year: number, title?: string): ChartSpec {
  const first = Math.min(...points.map((p) => p.year));
  const years = Array.from({length: year - first + 1}, (_, i) => first + i);
  const series: ChartSeries[] = [];
  const colorIndex: number[] = [];
  indicators.forEach((ind, i) => {
    const own = points.filter((p) => p.indicator_id === ind.id);
    const groups = [...new Map(own.map((p) => [p.group_id, p.group_first_year])).entries()].sort((a, b) => a[1] - b[1]).map(([g]) => g);
    for (const group of groups) {
      const byYear = new Map(own.filter((p) => p.group_id === group).map((p) => [p.year, p.value]));
      series.push({
        indicator_id: ind.id,
        group_id: group,
        name: groups.length > 1 ? `${ind.short_title} (${group})` : ind.short_title,
        values: years.map((y) => byYear.get(y) ?? null)
      });
      colorIndex.push(i);
    }
  });
  return {kind: "trend", ...(title ? {title} : {}), labels: years.map(String), series, colorIndex};
}

function barChart(indicators: Indicator[], current: Map<string, NationalPoint>, year: number): ChartSpec {
  return {
    kind: "bars",
    labels: indicators.map((i) => i.short_title),
    series: [{indicator_id: "", group_id: "", name: `Riket ${year}`, values: indicators.map((i) => current.get(i.id)!.value)}],
    colorIndex: [0]
  };
}

/**
 * One slide per theme (metadata order) and measure class, for indicators with
 * a riket value this year. Shares and rates share one chart per slide (same
 * scale); counts get one chart each (their scales differ by orders of
 * magnitude). A chart is a trend when at least half of its indicators have
 * more than one year; otherwise bars of this year's values (a slide of new
 * indicators is not a trend, and their single points would crowd one year).
 */
export function planThemeSlides(model: ReleaseModel, points: NationalPoint[]): ThemeSlidePlan[] {
  const current = new Map(points.filter((p) => p.year === model.year).map((p) => [p.indicator_id, p]));
  const breakNote = new Map(model.breaks.map((b) => [b.indicator_id, b.note ?? `Ny jämförbarhetsgrupp från ${model.year} (${b.group_id}).`]));
  const plans: ThemeSlidePlan[] = [];
  for (const theme of model.themes) {
    const inTheme = model.indicators.filter((i) => i.theme === theme && current.has(i.id));
    for (const cls of ["share", "rate", "count"] as const) {
      const indicators = inTheme.filter((i) => measureClass(i.measure) === cls);
      if (!indicators.length) continue;
      const own = (ids: string[]) => points.filter((p) => ids.includes(p.indicator_id));
      const groupsOf = (ind: Indicator) => own([ind.id]);
      const charts =
        cls === "count"
          ? indicators.map((ind) => (groupsOf(ind).length > 1 ? trendChart([ind], groupsOf(ind), model.year, ind.short_title) : {...barChart([ind], current, model.year), title: ind.short_title}))
          : indicators.filter((ind) => groupsOf(ind).length > 1).length * 2 >= indicators.length
            ? [trendChart(indicators, own(indicators.map((i) => i.id)), model.year)]
            : [barChart(indicators, current, model.year)];
      plans.push({
        theme,
        measureClass: cls,
        indicators,
        current: new Map(indicators.map((i) => [i.id, current.get(i.id)!])),
        charts,
        breaks: indicators.filter((i) => breakNote.has(i.id)).map((i) => ({indicator: i, note: breakNote.get(i.id)!})),
        history: own(indicators.map((i) => i.id))
      });
    }
  }
  return plans;
}
