/**
 * "Några resultat i korthet": the same generated sentences as the report
 * pages, from the one source of truth in src/lib/releaseTexts.js. This
 * module only decides which template fits a survey year and how its sentences
 * group into paragraphs; every word comes from texts2016/texts2014.
 */
import {releaseTexts} from "../../src/lib/releaseTexts.js";
import {sqlYear} from "../../src/lib/sql.js";
import type {Query} from "./tableSet.js";

export interface SummaryParagraph {
  /** A heading sentence (keys ending in "Heading"), shown in bold before the sentences. */
  heading?: string;
  sentences: string[];
}

export interface Summary {
  template: "texts2016" | "texts2014";
  /** The template's output as is. */
  texts: Record<string, unknown>;
  paragraphs: SummaryParagraph[];
  /** A closing note shown apart (the comparability warning of texts2016). */
  note?: string;
}

/** How each template's sentences group into paragraphs (keys of its output, in reading order). */
export const SUMMARY_LAYOUTS = {
  texts2016: {paragraphs: [["bbic"], ["competencePlan"], ["primaryCare", "school"]], note: "comparability"},
  texts2014: {paragraphs: [["lead", "involve"], ["bbicHeading", "bbic"], ["competenceNew", "competence"], ["improvement"], ["participationHeading", "participation"]], note: null}
} as const;

export function layoutSummary(template: Summary["template"], texts: Record<string, unknown>): Summary {
  const layout = SUMMARY_LAYOUTS[template];
  const used = new Set<string>();
  const paragraphs: SummaryParagraph[] = [];
  for (const keys of layout.paragraphs) {
    const p: SummaryParagraph = {sentences: []};
    for (const key of keys) {
      const text = texts[key];
      if (typeof text !== "string" || !text) continue;
      used.add(key);
      if (key.endsWith("Heading")) p.heading = text;
      else p.sentences.push(text);
    }
    if (p.sentences.length) paragraphs.push(p);
  }
  const note = layout.note && typeof texts[layout.note] === "string" ? (texts[layout.note] as string) : undefined;
  if (layout.note) used.add(layout.note);
  // A sentence the template gains later still reaches the slide.
  for (const [key, text] of Object.entries(texts)) {
    if (!used.has(key) && typeof text === "string" && text && !key.endsWith("Heading")) paragraphs.push({sentences: [text]});
  }
  return {template, texts, paragraphs, ...(note ? {note} : {})};
}

/**
 * Which template applies to a survey year, by the same rule as the report
 * pages' year selectors: texts2016 needs the competence plan question (asked
 * from the 2016 questionnaire), texts2014 the competence question and the
 * collaboration routines of the 2010–2015 questionnaire.
 */
export const TEMPLATE_RULES = {
  texts2016: `EXISTS (SELECT 1 FROM observations WHERE indicator_id = 'samlad_kompetensplan' AND area_code = '00' AND status = 'ok' AND year = $year)`,
  texts2014: `EXISTS (SELECT 1 FROM observations WHERE indicator_id = 'handlaggare_socionom_5ar' AND area_code = '00' AND status = 'ok' AND year = $year)
    AND EXISTS (SELECT 1 FROM observations WHERE indicator_id = 'samverkan_bhv' AND area_code = '00' AND year = $year)`,
  /** Years before 2013 fit neither fully; the 2014 template then writes what the data allows. */
  texts2014Partial: `EXISTS (SELECT 1 FROM observations WHERE indicator_id = 'samverkan_bhv' AND area_code = '00' AND year = $year)`
} as const;

export async function templateFor(query: Query, year: number): Promise<Summary["template"]> {
  const applies = async (rule: string) => Boolean((await query(`SELECT ${rule.replaceAll("$year", sqlYear(year))} AS ok`))[0]?.ok);
  if (await applies(TEMPLATE_RULES.texts2016)) return "texts2016";
  if ((await applies(TEMPLATE_RULES.texts2014)) || (await applies(TEMPLATE_RULES.texts2014Partial))) return "texts2014";
  return "texts2016";
}

export async function summaryFor(query: Query, year: number): Promise<Summary> {
  const template = await templateFor(query, year);
  return layoutSummary(template, await releaseTexts(template, query, year));
}
