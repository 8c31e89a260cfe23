/**
 * The national slide deck (16:9): a title slide, "Några resultat i korthet"
 * with the report pages' generated sentences, one slide per theme with the
 * riket figures as native, editable charts (trends broken where comparability
 * breaks), and a closing slide on how the figures were made. Speaker notes cite
 * the indicator ids and the release on every slide.
 */
import {formatNumber, formatPercent, formatValue} from "../../src/lib/format.js";
import {planThemeSlides, nationalPoints, type ChartSpec, type MeasureClass, type ThemeSlidePlan, type NationalPoint} from "./deckPlan.js";
import {finishDeck} from "./finishDeck.js";
import {fitFontSize} from "./fitText.js";
import {deckFileName, releaseTitle, workbookFileName} from "./names.js";
import type {Provenance} from "./provenance.js";
import type {Indicator, ReleaseModel} from "./releaseModel.js";
import {PptxGen, type PptxGenJS} from "./pptxgen.js";
import {summaryFor, type Summary} from "./summaryTexts.js";
import type {Query} from "./tableSet.js";

type Slide = ReturnType<PptxGenJS["addSlide"]>;

export const SLIDE = {w: 13.333, h: 7.5, margin: 0.6} as const;
const FONT = "Arial";
const COLORS = {ink: "1F2937", muted: "6B7280", accent: "1F3A5F", rule: "D1D5DB", grid: "E5E7EB", note: "F3F4F6", notice: "FDE68A", noticeText: "78350F"};
/** Tableau 10, the site's chart palette: the same indicator order gets the same colours as on the pages. */
export const PALETTE = ["4E79A7", "F28E2B", "E15759", "76B7B2", "59A14F", "EDC948", "B07AA1", "FF9DA7", "9C755F", "BAB0AC"];
const LANG = "sv-SE";

/** Chart number formats: format codes, rendered in the viewer's locale (98,1 % in a Swedish PowerPoint). */
export const CHART_FORMATS: Record<MeasureClass, {axis: string; label: string}> = {
  share: {axis: '0" %"', label: '0.0" %"'},
  rate: {axis: "0.0", label: "0.0"},
  count: {axis: "#,##0", label: "#,##0"}
};

const CLASS_SUBTITLE: Record<MeasureClass, string> = {
  share: "andel av kommunerna och stadsdelarna, procent",
  rate: "antal per 1 000 invånare",
  count: "antal"
};

/** Text in slides uses a no-break space (U+00A0) rather than the pages' narrow one, which not every slide font has. */
const slideText = (s: string) => s.replace(/\u202f/g, "\u00a0");
const value = (v: number, measure: string) => slideText(formatValue(v, measure));

export interface DeckOptions {
  /** A notice shown on every slide, e.g. that the data are a generated sample. */
  notice?: string;
}

function footer(slide: Slide, model: ReleaseModel, notice?: string) {
  slide.addShape("rect", {x: 0, y: 0, w: SLIDE.w, h: 0.1, fill: {color: COLORS.accent}, line: {color: COLORS.accent}});
  slide.addText(releaseTitle(model), {x: SLIDE.margin, y: 7.0, w: 7.5, h: 0.3, fontFace: FONT, fontSize: 10, color: COLORS.muted, lang: LANG});
  if (notice) slide.addText("Exempeldata", {x: 8.4, y: 7.02, w: 1.5, h: 0.26, fontFace: FONT, fontSize: 9, bold: true, color: COLORS.noticeText, fill: {color: COLORS.notice}, align: "center", lang: LANG});
  slide.slideNumber = {x: SLIDE.w - SLIDE.margin - 0.8, y: 7.0, w: 0.8, h: 0.3, fontFace: FONT, fontSize: 10, color: COLORS.muted, align: "right"};
}

function heading(slide: Slide, title: string, subtitle?: string) {
  slide.addText(title, {x: SLIDE.margin, y: 0.35, w: SLIDE.w - 2 * SLIDE.margin, h: 0.7, fontFace: FONT, fontSize: 28, bold: true, color: COLORS.accent, valign: "middle", lang: LANG});
  if (subtitle) slide.addText(subtitle, {x: SLIDE.margin, y: 1.0, w: SLIDE.w - 2 * SLIDE.margin, h: 0.4, fontFace: FONT, fontSize: 15, color: COLORS.muted, valign: "top", lang: LANG});
}

function titleSlide(pptx: PptxGenJS, model: ReleaseModel, provenance: Provenance, notice?: string) {
  const slide = pptx.addSlide();
  slide.background = {color: "FFFFFF"};
  slide.addShape("rect", {x: 0, y: 0, w: 0.35, h: SLIDE.h, fill: {color: COLORS.accent}, line: {color: COLORS.accent}});
  slide.addText(`Öppna jämförelser ${model.release}`, {x: 1.0, y: 1.7, w: 11.3, h: 1.0, fontFace: FONT, fontSize: 44, bold: true, color: COLORS.accent, lang: LANG});
  const subtitle = "Social barn- och ungdomsvård – nationella resultat och indikatorer";
  const subtitleSize = fitFontSize([subtitle], {w: 11.3, h: 0.7}, {max: 24, min: 16, spacing: () => 0}) ?? 16;
  slide.addText(subtitle, {x: 1.0, y: 2.7, w: 11.3, h: 0.7, fontFace: FONT, fontSize: subtitleSize, color: COLORS.ink, lang: LANG});
  slide.addText(
    slideText(`Enkäten besvarades ${model.period}: ${formatNumber(model.answered)} av ${formatNumber(model.units)} kommuner och stadsdelar svarade (${formatPercent((100 * model.answered) / model.units, {decimals: 1})}).`),
    {x: 1.0, y: 3.6, w: 11.3, h: 0.5, fontFace: FONT, fontSize: 16, color: COLORS.muted, lang: LANG}
  );
  slide.addText(`Resultat per kommun, län och riket: ${workbookFileName(model.release)}`, {x: 1.0, y: 4.1, w: 11.3, h: 0.45, fontFace: FONT, fontSize: 14, color: COLORS.muted, lang: LANG});
  if (notice) {
    const size = fitFontSize([notice], {w: 11.3, h: 0.75}, {max: 13, min: 9, spacing: () => 0}) ?? 9;
    slide.addText(notice, {x: 1.0, y: 5.4, w: 11.3, h: 0.75, fontFace: FONT, fontSize: size, color: COLORS.noticeText, fill: {color: COLORS.notice}, valign: "middle", margin: 8, lang: LANG});
  }
  slide.addText(`Skapad ${provenance.builtAt.toISOString().slice(0, 10)}`, {x: 1.0, y: 6.7, w: 6, h: 0.35, fontFace: FONT, fontSize: 11, color: COLORS.muted, lang: LANG});
  slide.addNotes(
    `${releaseTitle(model)}. Nationella resultat för enkätåret ${model.year} (enkäten besvarades ${model.period}). Presentationen är byggd ${provenance.builtAt.toISOString()} ur projektets Parquet-tabeller, SHA-256 ${provenance.digest}.` +
      (notice ? ` ${notice}` : "")
  );
}

type TextRun = {text: string; options?: Record<string, unknown>};

function summarySlides(pptx: PptxGenJS, model: ReleaseModel, summary: Summary, notice?: string) {
  const box = {x: SLIDE.margin, y: 1.35, w: SLIDE.w - 2 * SLIDE.margin, h: summary.note ? 4.45 : 5.45};
  const textsOf = (ps: typeof summary.paragraphs) => ps.flatMap((p) => [...(p.heading ? [p.heading] : []), p.sentences.join(" ")]);
  const paragraphText = textsOf(summary.paragraphs);
  // One slide when the text fits at a readable size; otherwise split into as many as needed.
  const single = fitFontSize(paragraphText, box, {max: 20, min: 14, insetIn: 0.15});
  const pages: (typeof summary.paragraphs)[] = [];
  if (single !== null) pages.push(summary.paragraphs);
  else {
    let page: typeof summary.paragraphs = [];
    for (const [i, p] of summary.paragraphs.entries()) {
      const candidate = [...page, p];
      if (page.length && fitFontSize(textsOf(candidate), box, {max: 16, min: 16, insetIn: 0.15}) === null) {
        pages.push(page);
        page = [];
      }
      page.push(summary.paragraphs[i]!);
    }
    if (page.length) pages.push(page);
  }
  pages.forEach((paragraphs, pageIndex) => {
    const slide = pptx.addSlide();
    footer(slide, model, notice);
    heading(slide, pageIndex === 0 ? "Några resultat i korthet" : "Några resultat i korthet (forts.)", `Riket, enkätåret ${model.year}`);
    const size = single ?? fitFontSize(textsOf(paragraphs), box, {max: 16, min: 12, insetIn: 0.15}) ?? 12;
    // One run per paragraph: pptxgenjs gives a paragraph the properties of each of
    // its runs in turn, so a bullet survives only on a paragraph of one run. A
    // heading is its own bold paragraph above the bullet it introduces.
    const runs: TextRun[] = [];
    for (const p of paragraphs) {
      if (p.heading) runs.push({text: p.heading, options: {bold: true, color: COLORS.accent, breakLine: true, paraSpaceAfter: size * 0.25}});
      runs.push({text: p.sentences.join(" "), options: {bullet: {indent: 18}, breakLine: true, paraSpaceAfter: size * 0.6}});
    }
    slide.addText(runs as never, {...box, fontFace: FONT, fontSize: size, color: COLORS.ink, valign: "top", margin: 0.15 * 72, lang: LANG});
    if (summary.note && pageIndex === pages.length - 1) {
      const noteBox = {x: SLIDE.margin, y: 5.95, w: SLIDE.w - 2 * SLIDE.margin, h: 0.85};
      const noteSize = fitFontSize([summary.note], noteBox, {max: 14, min: 10, spacing: () => 0, insetIn: 0.12}) ?? 10;
      slide.addText(summary.note, {...noteBox, fontFace: FONT, fontSize: noteSize, italic: true, color: COLORS.ink, fill: {color: COLORS.note}, valign: "middle", margin: 0.12 * 72, lang: LANG});
    }
    slide.addNotes(
      `Meningarna är desamma som på webbplatsens rapportsida: de skrivs av ${summary.template}() i src/lib/releaseTexts.js ur riksvärdena för ${model.year}. ` +
        `Källa: ${releaseTitle(model)}, enkäten ${model.period}.`
    );
  });
}

function keyFigures(slide: Slide, plan: ThemeSlidePlan, area: {x: number; y: number; w: number; h: number}, colored: boolean) {
  const n = plan.indicators.length;
  const itemH = Math.min(1.35, area.h / Math.max(n, 3));
  const valuePt = Math.max(18, Math.min(30, Math.round(itemH * 24)));
  const titlePt = Math.max(10, Math.min(13, Math.round(itemH * 10)));
  plan.indicators.forEach((ind, i) => {
    const point = plan.current.get(ind.id)!;
    const detail = detailOf(ind, point);
    const runs: TextRun[] = [
      {text: value(point.value, ind.measure), options: {fontSize: valuePt, bold: true, color: colored ? PALETTE[i % PALETTE.length] : COLORS.accent, breakLine: true}},
      {text: ind.short_title, options: {fontSize: titlePt, color: COLORS.ink, breakLine: Boolean(detail)}},
      ...(detail ? [{text: detail, options: {fontSize: 10, color: COLORS.muted}}] : [])
    ];
    slide.addText(runs as never, {x: area.x, y: area.y + i * itemH, w: area.w, h: itemH, fontFace: FONT, valign: "top", margin: 2, lang: LANG});
  });
}

function detailOf(ind: Indicator, p: NationalPoint): string {
  if (ind.measure === "response_rate" && p.numerator !== null && p.denominator !== null) return slideText(`${formatNumber(p.numerator)} av ${formatNumber(p.denominator)} som fick enkäten`);
  if (ind.measure === "share_yes" && p.numerator !== null && p.denominator !== null) return slideText(`${formatNumber(p.numerator)} av ${formatNumber(p.denominator)} som besvarat frågan`);
  if (ind.measure === "rate_per_1000") return ind.unit;
  return "";
}

const barsHeight = (spec: ChartSpec, available: number) => Math.min(available, 1.0 + 0.95 * spec.labels.length);

function addChart(pptx: PptxGenJS, slide: Slide, spec: ChartSpec, cls: MeasureClass, box: {x: number; y: number; w: number; h: number}, year: number) {
  const formats = CHART_FORMATS[cls];
  const common = {
    ...box,
    chartColors: spec.colorIndex.map((i) => PALETTE[i % PALETTE.length]!),
    catAxisLabelFontFace: FONT,
    catAxisLabelFontSize: 12,
    catAxisLabelColor: COLORS.ink,
    valAxisLabelFontFace: FONT,
    valAxisLabelFontSize: 11,
    valAxisLabelColor: COLORS.muted,
    valAxisLabelFormatCode: formats.axis,
    valGridLine: {color: COLORS.grid, size: 0.75},
    catGridLine: {style: "none" as const},
    valAxisMinVal: 0,
    ...(cls === "share" ? {valAxisMaxVal: 100, valAxisMajorUnit: 20} : {}),
    lang: LANG,
    ...(spec.title ? {showTitle: true, title: spec.title, titleFontFace: FONT, titleFontSize: 13, titleColor: COLORS.ink} : {})
  };
  const data = spec.series.map((s) => ({name: s.name, labels: spec.labels, values: s.values as number[]}));
  if (spec.kind === "trend") {
    slide.addChart(pptx.ChartType.line, data, {
      ...common,
      displayBlanksAs: "gap",
      lineSize: 2.5,
      lineDataSymbol: "circle",
      lineDataSymbolSize: 8,
      showLegend: spec.series.length > 1,
      legendPos: "b",
      legendFontFace: FONT,
      legendFontSize: 11,
      legendColor: COLORS.ink,
      altText: `Linjediagram: ${spec.series.map((s) => s.name).join(", ")}, riket ${spec.labels[0]}–${year}.`
    });
  } else {
    // Horizontal bars read top-down in the slide's order: the chart draws the first category at the bottom.
    // A few bars get a short chart rather than bars as thick as the slide is tall.
    const reversed = data.map((d) => ({...d, labels: [...d.labels].reverse(), values: [...d.values].reverse()}));
    slide.addChart(pptx.ChartType.bar, reversed, {
      ...common,
      h: barsHeight(spec, box.h),
      chartColors: [COLORS.accent],
      barDir: "bar",
      barGapWidthPct: 60,
      showValue: true,
      dataLabelFormatCode: formats.label,
      dataLabelPosition: "outEnd",
      dataLabelFontFace: FONT,
      dataLabelFontSize: 13,
      dataLabelColor: COLORS.ink,
      showLegend: false,
      altText: `Stapeldiagram: ${spec.labels.join(", ")}, riket ${year}.`
    });
  }
}

function themeSlide(pptx: PptxGenJS, model: ReleaseModel, plan: ThemeSlidePlan, classCount: number, notice: string | undefined, digest: string) {
  const slide = pptx.addSlide();
  footer(slide, model, notice);
  const suffix = classCount > 1 ? (plan.measureClass === "share" ? " – andelar" : plan.measureClass === "rate" ? " – per 1 000 invånare" : " – antal") : "";
  const trend = plan.charts.some((c) => c.kind === "trend");
  const years = trend ? plan.charts.find((c) => c.kind === "trend")!.labels : [String(model.year)];
  heading(slide, `${plan.theme}${suffix}`, `Riket ${years.length > 1 ? `${years[0]}–${years.at(-1)}` : model.year}, ${CLASS_SUBTITLE[plan.measureClass]}`);

  const noteH = plan.breaks.length ? 0.6 : 0;
  const chartArea = {x: SLIDE.margin, y: 1.5, w: 8.6, h: 5.3 - noteH};
  const chartGap = 0.2;
  const each = (chartArea.w - chartGap * (plan.charts.length - 1)) / plan.charts.length;
  plan.charts.forEach((spec, i) => addChart(pptx, slide, spec, plan.measureClass, {x: chartArea.x + i * (each + chartGap), y: chartArea.y, w: each, h: chartArea.h}, model.year));
  // A short bar chart leaves room to say what the indicators measure.
  if (plan.charts.length === 1 && plan.charts[0]!.kind === "bars") {
    const top = chartArea.y + barsHeight(plan.charts[0]!, chartArea.h) + 0.3;
    const box = {x: chartArea.x, y: top, w: chartArea.w, h: chartArea.y + chartArea.h - top};
    const paragraphs = plan.indicators.map((ind) => `${ind.short_title}: ${ind.description}`);
    const size = box.h > 0.5 ? fitFontSize(paragraphs, box, {max: 13, min: 10, insetIn: 0.05}) : null;
    if (size !== null) {
      slide.addText(
        plan.indicators.map((ind, i) => ({
          text: `${ind.short_title}: ${ind.description}`,
          options: {paraSpaceAfter: size * 0.6, ...(i < plan.indicators.length - 1 ? {breakLine: true} : {})}
        })) as never,
        {...box, fontFace: FONT, fontSize: size, color: COLORS.muted, valign: "top", margin: 0.05 * 72, lang: LANG}
      );
    }
  }

  const panel = {x: 9.55, y: 1.55, w: SLIDE.w - 9.55 - SLIDE.margin, h: 5.2 - noteH};
  slide.addShape("line", {x: 9.35, y: panel.y, w: 0, h: panel.h, line: {color: COLORS.rule, width: 1}});
  slide.addText(`Riket ${model.year}`, {x: panel.x, y: 1.15, w: panel.w, h: 0.35, fontFace: FONT, fontSize: 13, bold: true, color: COLORS.muted, margin: 2, lang: LANG});
  keyFigures(slide, plan, panel, trend);

  if (plan.breaks.length) {
    const notes = [...new Set(plan.breaks.map((b) => b.note))];
    const text = `Jämförbarhet: ${notes.join(" ")}${trend ? " Serierna bryts därför: linjerna förbinds inte över brytpunkten." : ""}`;
    const box = {x: SLIDE.margin, y: 6.35, w: SLIDE.w - 2 * SLIDE.margin, h: 0.55};
    const size = fitFontSize([text], box, {max: 12, min: 9, spacing: () => 0, insetIn: 0.08}) ?? 9;
    slide.addText(text, {...box, fontFace: FONT, fontSize: size, italic: true, color: COLORS.ink, fill: {color: COLORS.note}, valign: "middle", margin: 0.08 * 72, lang: LANG});
  }

  slide.addNotes(themeNotes(model, plan, digest));
}

/** Speaker notes: every figure on the slide with its indicator id, the series behind the chart, and the release. */
export function themeNotes(model: ReleaseModel, plan: ThemeSlidePlan, digest: string): string {
  const lines = [`${releaseTitle(model)}, enkäten ${model.period}. Bilden visar riket.`];
  for (const ind of plan.indicators) {
    const p = plan.current.get(ind.id)!;
    const detail = detailOf(ind, p);
    lines.push(`${ind.id} (${ind.title}): ${value(p.value, ind.measure)} år ${model.year}${detail ? `, ${detail}` : ""}. ${ind.description}`);
    const own = plan.history.filter((h) => h.indicator_id === ind.id);
    for (const group of [...new Set(own.map((h) => h.group_id))]) {
      const shown = own.filter((h) => h.group_id === group).map((h) => `${h.year} ${value(h.value, ind.measure)}`);
      lines.push(`  Jämförbar serie ${group || "utan grupp"}: ${shown.join(", ")}.`);
    }
  }
  for (const b of plan.breaks) lines.push(`Jämförbarhet, ${b.indicator.id}: ${b.note}`);
  const sources = [...new Set(plan.indicators.flatMap((i) => model.sources.get(i.id) ?? []))].sort();
  lines.push(`Källa: ${sources.join(", ")}. Underlag: projektets Parquet-tabeller, SHA-256 ${digest}.`);
  return lines.join("\n");
}

function aboutSlide(pptx: PptxGenJS, model: ReleaseModel, provenance: Provenance, notice?: string) {
  const slide = pptx.addSlide();
  footer(slide, model, notice);
  heading(slide, "Om resultaten");
  const hasRegister = model.indicators.some((i) => i.source !== "enkät");
  const paragraphs = [
    slideText(`Enkäten besvarades ${model.period} av ${formatNumber(model.answered)} av ${formatNumber(model.units)} kommuner och stadsdelar (${formatPercent((100 * model.answered) / model.units, {decimals: 1})}). Stockholm, Göteborg och Malmö svarar genom sina stadsdelar.`),
    "Riksvärdet för en enkätindikator är andelen av kommunerna och stadsdelarna som svarat ja, av dem som besvarat frågan; varje kommun och stadsdel väger lika. Svarsfrekvensen räknas på alla enheter som fick enkäten.",
    ...(hasRegister ? [`Registerindikatorerna avser år ${model.year} och är källornas egna riksvärden; antal per 1 000 invånare räknas som antalet delat med folkmängden, gånger 1 000, där indikatorns beräkning anger det.`] : []),
    model.breaks.length
      ? `Jämförbarhet: ${model.breaks.length === 1 ? "en indikator" : `${model.breaks.length} indikatorer`} bryter sin tidsserie ${model.year} (${model.breaks.map((b) => b.indicator_id).join(", ")}); resultaten kan inte jämföras med tidigare år och linjerna förbinds inte över brytpunkten.`
      : `Jämförbarhet: ingen indikator bryter sin tidsserie ${model.year}.`,
    `Resultat per kommun, län och riket finns i Excelfilen ”${workbookFileName(model.release)}”.`,
    `Byggd ${provenance.builtAt.toISOString()} av ${provenance.program} ur projektets Parquet-tabeller. SHA-256 för tabellerna: ${provenance.digest}.`
  ];
  const box = {x: SLIDE.margin, y: 1.3, w: SLIDE.w - 2 * SLIDE.margin, h: 5.5};
  const size = fitFontSize(paragraphs, box, {max: 18, min: 11, insetIn: 0.15}) ?? 11;
  slide.addText(
    paragraphs.map((text, i) => ({text, options: {bullet: {indent: 18}, paraSpaceAfter: size * 0.6, ...(i < paragraphs.length - 1 ? {breakLine: true} : {})}})) as never,
    {...box, fontFace: FONT, fontSize: size, color: COLORS.ink, valign: "top", margin: 0.15 * 72, lang: LANG}
  );
  slide.addNotes(`${releaseTitle(model)}, enkäten ${model.period}. Underlag: ${provenance.tables.map((t) => `${t.name}.parquet ${t.sha256} (${t.rows} rader)`).join("; ")}. Kontroll: sha256sum *.parquet | sha256sum ger ${provenance.digest}.`);
}

export interface BuiltDeck {
  bytes: Buffer;
  summary: Summary;
  plans: ThemeSlidePlan[];
}

export async function buildDeck(model: ReleaseModel, query: Query, provenance: Provenance, {notice}: DeckOptions = {}): Promise<BuiltDeck> {
  const [summary, points] = await Promise.all([summaryFor(query, model.year), nationalPoints(query, model.year)]);
  const plans = planThemeSlides(model, points);

  const pptx = new PptxGen();
  pptx.layout = "LAYOUT_WIDE";
  pptx.author = provenance.program;
  pptx.company = "Öppna jämförelser – social barn- och ungdomsvård";
  pptx.title = `${releaseTitle(model)} – nationella resultat`;
  pptx.subject = `Enkät ${model.period}; sha256:${provenance.digest}`;
  pptx.theme = {headFontFace: FONT, bodyFontFace: FONT};

  titleSlide(pptx, model, provenance, notice);
  summarySlides(pptx, model, summary, notice);
  const classes = new Map<string, number>();
  for (const p of plans) classes.set(p.theme, (classes.get(p.theme) ?? 0) + 1);
  for (const plan of plans) themeSlide(pptx, model, plan, classes.get(plan.theme)!, notice, provenance.digest);
  aboutSlide(pptx, model, provenance, notice);

  const raw = (await pptx.write({outputType: "nodebuffer"})) as Buffer;
  return {bytes: await finishDeck(raw), summary, plans};
}

export {deckFileName};
