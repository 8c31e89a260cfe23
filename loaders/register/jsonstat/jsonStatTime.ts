/**
 * Time in JSON-stat: years ("2016"), months ("2016M12", "2016-12"), quarters
 * ("2016K4", "2016Q4", "2016-Q4") and halves ("2016H2"). The project's values
 * are yearly, so a source with sub-year periods declares how a year's value is
 * read: one period of the year ({"period": "M12"}), the year's last period
 * ("last"), or the mean over a complete year ("mean").
 */
import {fail, quote} from "../../errors.js";
import type {Warn} from "../../report/warnings.js";

export type YearlyRule = "last" | "mean" | {period: string};

export interface Period {
  code: string;
  year: number;
  /** Periods per year: 1, 2, 4 or 12. */
  frequency: number;
  /** 1-based position within the year. */
  index: number;
}

const FREQUENCY_NAME: Record<number, string> = {2: "half-year", 4: "quarter", 12: "month"};
const PREFIX: Record<number, string> = {2: "H", 4: "Q", 12: "M"};

export function parsePeriod(code: string): Period | undefined {
  let m = /^(\d{4})$/.exec(code);
  if (m) return {code, year: Number(m[1]), frequency: 1, index: 1};
  m = /^(\d{4})(?:M|-)(0[1-9]|1[0-2])$/.exec(code);
  if (m) return {code, year: Number(m[1]), frequency: 12, index: Number(m[2])};
  m = /^(\d{4})-?[KQ]([1-4])$/.exec(code);
  if (m) return {code, year: Number(m[1]), frequency: 4, index: Number(m[2])};
  m = /^(\d{4})-?[HS]([12])$/.exec(code);
  if (m) return {code, year: Number(m[1]), frequency: 2, index: Number(m[2])};
  return undefined;
}

/** "M12", "12", "K4", "Q4", "H2" → the period's frequency and index. */
function parseSubPeriod(text: string): {frequency: number; index: number} | undefined {
  const m = /^(?:([MKQHS])?)(\d{1,2})$/i.exec(text.trim());
  if (!m) return undefined;
  const letter = (m[1] ?? "M").toUpperCase();
  const frequency = letter === "M" ? 12 : letter === "H" || letter === "S" ? 2 : 4;
  const index = Number(m[2]);
  return index >= 1 && index <= frequency ? {frequency, index} : undefined;
}

export interface TimePlan {
  /** Per time category: its year, and whether its cells are read (undefined: read into a mean). */
  years: number[];
  use: boolean[];
  /** Per time category: part of a year's mean. */
  mean: boolean;
}

const label = (p: Period) => `${p.year}${PREFIX[p.frequency]}${String(p.index).padStart(p.frequency === 12 ? 2 : 1, "0")}`;

/**
 * Which time categories give a year's value. Years that lack the declared
 * period are left out with a warning (a current year still running); a mean
 * over part of a year is refused.
 */
export function planTime(file: string, dimension: string, codes: string[], rule: YearlyRule | undefined, warn: Warn): TimePlan {
  const periods = codes.map((code) => {
    const period = parsePeriod(code);
    if (!period) fail({file}, `dimension ${dimension}, category ${quote(code)}: expected a year such as "2016", or a month, quarter or half-year such as "2016M12" or "2016K4"`);
    return period;
  });
  const frequencies = new Set(periods.map((p) => p.frequency));
  if (frequencies.size > 1) fail({file}, `dimension ${dimension} mixes ${[...frequencies].map((f) => (f === 1 ? "years" : `${FREQUENCY_NAME[f]}s`)).join(" and ")}: expected one kind of period`);
  const frequency = periods[0]?.frequency ?? 1;
  const years = periods.map((p) => p.year);
  if (frequency === 1) return {years, use: periods.map(() => true), mean: false};
  const kind = FREQUENCY_NAME[frequency]!;
  if (rule === undefined) {
    fail({file}, `dimension ${dimension}, category ${quote(codes[0]!)}: a ${kind}, not a year: declare how a year's value is read ("yearly": {"period": "${PREFIX[frequency]}${frequency}"} for one ${kind} of the year, "last" or "mean")`);
  }
  const byYear = new Map<number, Period[]>();
  for (const p of periods) byYear.set(p.year, [...(byYear.get(p.year) ?? []), p]);
  if (rule === "mean") {
    for (const [year, list] of byYear) {
      if (list.length !== frequency) fail({file}, `dimension ${dimension}: ${year} has ${list.length} of its ${frequency} ${kind}s (${label(list[0]!)}–${label(list[list.length - 1]!)}): the mean over part of a year is not the year's value; declare one ${kind} ("yearly": {"period": …}) or "last"`);
    }
    warn({file, column: dimension, message: `each year's value is the mean of its ${frequency} ${kind}s, as declared`});
    return {years, use: periods.map(() => true), mean: true};
  }
  if (rule === "last") {
    const use = periods.map((p) => byYear.get(p.year)!.every((q) => q.index <= p.index));
    const partial = [...byYear.entries()].filter(([, list]) => Math.max(...list.map((p) => p.index)) !== frequency);
    warn({file, column: dimension, message: `each year's value is its last ${kind}, as declared${partial.length ? `; for ${partial.map(([year, list]) => `${year} that is ${label(list.reduce((a, b) => (b.index > a.index ? b : a)))}`).join(", ")}, not the end of the year` : ""}`});
    return {years, use, mean: false};
  }
  const sub = parseSubPeriod(rule.period);
  if (!sub) fail({file}, `"yearly": {"period": ${quote(rule.period)}} is not a period of the year: expected e.g. "M12", "K4" or "H2"`);
  if (sub.frequency !== frequency) fail({file}, `"yearly": {"period": ${quote(rule.period)}} is a ${FREQUENCY_NAME[sub.frequency]}, but dimension ${dimension} holds ${kind}s`);
  const use = periods.map((p) => p.index === sub.index);
  const lacking = [...byYear.entries()].filter(([, list]) => !list.some((p) => p.index === sub.index));
  if (lacking.length === byYear.size) fail({file}, `dimension ${dimension} has no ${PREFIX[frequency]}${sub.index} in any year (${codes[0]}–${codes[codes.length - 1]}): the declared "yearly" period gives no value`);
  const declared = `${PREFIX[frequency]}${String(sub.index).padStart(frequency === 12 ? 2 : 1, "0")}`;
  warn({
    file,
    column: dimension,
    message: `each year's value is its ${declared}, as declared; the other ${kind}s are not read${lacking.length ? `; left out ${lacking.map(([year]) => year).join(", ")}, which ${lacking.length === 1 ? "has" : "have"} no ${declared} (${lacking.map(([, list]) => `${label(list[0]!)}–${label(list[list.length - 1]!)}`).join(", ")})` : ""}`
  });
  return {years, use, mean: false};
}
