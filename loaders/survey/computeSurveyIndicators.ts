import {RIKET_CODE} from "../reference/areaCodes.js";
import {surveyUnits, type Reference} from "../reference/readReference.js";
import type {IndicatorMeta} from "../schema/metadata.js";
import type {Observation} from "../schema/observation.js";
import type {ValidSurvey} from "./validateSurvey.js";

/** Share in percent, numerator and denominator kept; no denominator → missing. */
function aggregate(indicator_id: string, area_code: string, year: number, source: string, cells: Observation[]): Observation {
  const answered = cells.filter((c) => c.status === "ok");
  const numerator = answered.reduce((s, c) => s + c.numerator!, 0);
  const denominator = answered.reduce((s, c) => s + c.denominator!, 0);
  if (denominator === 0) return {indicator_id, area_code, year, value: null, numerator: null, denominator: null, status: cells.some((c) => c.status === "no_answer") && cells.every((c) => c.status !== "missing") ? "no_answer" : "missing", source};
  return {indicator_id, area_code, year, value: (100 * numerator) / denominator, numerator, denominator, status: "ok", source};
}

/**
 * Survey indicators for one year, at every level. A unit's own value is 100
 * (answered yes) or 0, or has status no_answer (did not respond to the survey)
 * or missing (responded, left the question blank). Storstäder, län and riket are
 * the share of their responding units that answered yes, among those that
 * answered the question: numerator and denominator are unit counts.
 */
export function computeSurveyIndicators(survey: ValidSurvey, indicators: IndicatorMeta[], ref: Reference): Observation[] {
  const {year, file: source} = survey;
  const units = surveyUnits(ref);
  const answersOf = new Map(survey.units.map((u) => [u.code, u.answers]));
  const out: Observation[] = [];
  const groups: {code: string; members: string[]}[] = [
    ...ref.storstader.map((city) => ({code: city, members: units.filter((u) => u.kommun_code === city).map((u) => u.code)})),
    ...ref.lan.map((l) => ({code: l.code, members: units.filter((u) => u.lan_code === l.code).map((u) => u.code)})),
    {code: RIKET_CODE, members: units.map((u) => u.code)}
  ];

  for (const indicator of indicators) {
    const period = indicator.periods.find((p) => p.from <= year && year <= p.to);
    if (!period || indicator.source !== "enkät") continue;
    const unitCells = new Map<string, Observation>();
    for (const unit of units) {
      const answers = answersOf.get(unit.code);
      const base = {indicator_id: indicator.id, area_code: unit.code, year, source};
      let cell: Observation;
      if (indicator.measure === "response_rate") {
        const answered = answers !== undefined;
        cell = {...base, value: answered ? 100 : 0, numerator: answered ? 1 : 0, denominator: 1, status: "ok"};
      } else if (answers === undefined) {
        cell = {...base, value: null, numerator: null, denominator: null, status: "no_answer"};
      } else {
        const answer = answers[period.question!];
        if (answer === undefined || answer === "") cell = {...base, value: null, numerator: null, denominator: null, status: "missing"};
        else {
          const yes = period.yes!.includes(answer) ? 1 : 0;
          cell = {...base, value: 100 * yes, numerator: yes, denominator: 1, status: "ok"};
        }
      }
      unitCells.set(unit.code, cell);
      out.push(cell);
    }
    for (const group of groups) out.push(aggregate(indicator.id, group.code, year, source, group.members.map((m) => unitCells.get(m)!)));
  }
  return out;
}
