/**
 * The release's Excel file: results per kommun (with the storstäder's
 * stadsdelar), län and riket for one survey year, for the analyst's own
 * processing. Values are real numbers with number formats; a cell without a
 * value holds the marker of its status (markers.ts); "Om filen" explains the
 * file and records where it came from; "Indikatorer" describes every indicator.
 */
import ExcelJS from "exceljs";
import {formatNumber, formatPercent} from "../../src/lib/format.js";
import {cellContent, NUMBER_FORMATS} from "./cellValue.js";
import {MARKERS} from "./markers.js";
import type {Area, Indicator, ReleaseModel} from "./releaseModel.js";
import {releaseTitle, workbookFileName} from "./names.js";
import type {Provenance} from "./provenance.js";

export const SHEETS = {about: "Om filen", kommuner: "Kommuner", lan: "Län", riket: "Riket", indicators: "Indikatorer"} as const;

/** Row 1: short titles; row 2: indicator ids (and the autofilter); data from row 3. */
export const HEADER_ROWS = 2;

const COLORS = {header: "FFDCE6F0", headerText: "FF1F2A37", muted: "FF6B7280", rule: "FF9CA3AF", title: "FF1F3A5F"};
const FONT = "Calibri";

export const KIND_LABEL: Record<Area["kind"], string> = {
  kommun: "Kommun",
  storstad: "Storstad",
  stadsdel: "Stadsdel",
  län: "Län",
  riket: "Riket"
};

interface FixedColumn {
  header: string;
  width: number;
  value: (area: Area) => string;
}

const width = (texts: string[], min: number, max: number) => Math.min(max, Math.max(min, ...texts.map((t) => t.length + 2)));

function fixedColumns(model: ReleaseModel, sheet: "kommuner" | "lan" | "riket", areas: Area[]): FixedColumn[] {
  const code: FixedColumn = {header: "Kod", width: width(areas.map((a) => a.code), 8, 12), value: (a) => a.code};
  const name: FixedColumn = {header: "Namn", width: width(areas.map((a) => a.name), 14, 34) + 2, value: (a) => a.name};
  if (sheet !== "kommuner") return [code, name];
  return [
    code,
    name,
    {header: "Typ", width: width(Object.values(KIND_LABEL), 10, 12), value: (a) => KIND_LABEL[a.kind]},
    {header: "Län", width: width(areas.map((a) => a.lan_name ?? ""), 10, 26), value: (a) => a.lan_name ?? ""},
    {header: "Kommungrupp", width: width(areas.map((a) => kommungrupp(a)), 12, 44), value: kommungrupp}
  ];
}

const kommungrupp = (a: Area) => [a.kommungrupp, a.kommungrupp_name].filter(Boolean).join(" ");

function styleHeader(row: ExcelJS.Row, from: number, to: number, font: Partial<ExcelJS.Font>) {
  for (let c = from; c <= to; c++) {
    const cell = row.getCell(c);
    cell.font = {name: FONT, ...font};
    cell.fill = {type: "pattern", pattern: "solid", fgColor: {argb: COLORS.header}};
  }
}

function addResultSheet(workbook: ExcelJS.Workbook, model: ReleaseModel, sheet: "kommuner" | "lan" | "riket", areas: Area[]) {
  const ws = workbook.addWorksheet(SHEETS[sheet], {properties: {defaultRowHeight: 15}});
  const fixed = fixedColumns(model, sheet, areas);
  // Wide enough for the id in row 2 (8 pt, about 0.8 of a width unit per character); titles wrap.
  const widths = model.indicators.map((ind) => Math.min(28, Math.max(13, Math.ceil(ind.id.length * 0.8) + 2)));
  ws.columns = [...fixed.map((f) => ({width: f.width})), ...widths.map((w) => ({width: w}))];
  const lastColumn = fixed.length + model.indicators.length;

  const titles = ws.getRow(1);
  const ids = ws.getRow(2);
  fixed.forEach((f, i) => (titles.getCell(i + 1).value = f.header));
  model.indicators.forEach((ind, i) => {
    titles.getCell(fixed.length + i + 1).value = ind.short_title;
    ids.getCell(fixed.length + i + 1).value = ind.id;
  });
  styleHeader(titles, 1, lastColumn, {bold: true, size: 10, color: {argb: COLORS.headerText}});
  styleHeader(ids, 1, lastColumn, {size: 8, color: {argb: COLORS.muted}});
  // Short titles wrap over as many lines as the longest needs at this width.
  const lines = Math.max(1, ...model.indicators.map((ind, i) => Math.ceil(ind.short_title.length / (widths[i]! - 3))));
  titles.height = 14 * lines + 4;
  for (let c = 1; c <= lastColumn; c++) {
    titles.getCell(c).alignment = {wrapText: true, vertical: "bottom", horizontal: c > fixed.length ? "right" : "left"};
    ids.getCell(c).alignment = {vertical: "top", horizontal: c > fixed.length ? "right" : "left"};
    ids.getCell(c).border = {bottom: {style: "thin", color: {argb: COLORS.rule}}};
  }

  areas.forEach((area, r) => {
    const row = ws.getRow(HEADER_ROWS + 1 + r);
    fixed.forEach((f, i) => {
      const cell = row.getCell(i + 1);
      cell.value = f.value(area);
      // Codes are text with their leading zeros; "@" keeps them text when edited.
      if (i === 0) cell.numFmt = "@";
      cell.font = {name: FONT, size: 10};
    });
    if (area.kind === "stadsdel") row.getCell(2).alignment = {indent: 2};
    model.indicators.forEach((ind, i) => {
      const cell = row.getCell(fixed.length + i + 1);
      const content = cellContent(ind, area, model.cell(ind.id, area.code));
      if (content.kind === "number") {
        cell.value = content.value;
        cell.numFmt = content.numFmt;
        cell.font = {name: FONT, size: 10};
      } else {
        cell.value = content.marker;
        cell.font = {name: FONT, size: 10, color: {argb: COLORS.muted}};
      }
      cell.alignment = {horizontal: "right"};
    });
  });

  const lastRow = HEADER_ROWS + areas.length;
  ws.views = [{state: "frozen", xSplit: 2, ySplit: HEADER_ROWS, topLeftCell: "C3", activeCell: "C3"}];
  ws.autoFilter = {from: {row: HEADER_ROWS, column: 1}, to: {row: lastRow, column: lastColumn}};
  ws.pageSetup = {orientation: "landscape", paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: `1:${HEADER_ROWS}`, horizontalCentered: false};
  ws.headerFooter = {oddFooter: `&L${releaseTitle(model)} – ${SHEETS[sheet]}&RSida &P av &N`};
}

/** A two-column text sheet: labels on the left, wrapped text on the right. */
class TextSheet {
  readonly ws: ExcelJS.Worksheet;
  private row = 1;
  constructor(workbook: ExcelJS.Workbook, name: string) {
    this.ws = workbook.addWorksheet(name);
    this.ws.columns = [{width: 30}, {width: 100}];
    this.ws.pageSetup = {orientation: "portrait", paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0};
  }
  title(text: string, size = 16) {
    const cell = this.ws.getRow(this.row++).getCell(1);
    cell.value = text;
    cell.font = {name: FONT, size, bold: true, color: {argb: COLORS.title}};
  }
  notice(text: string) {
    const row = this.ws.getRow(this.row++);
    this.ws.mergeCells(row.number, 1, row.number, 2);
    const cell = row.getCell(1);
    cell.value = text;
    cell.font = {name: FONT, size: 10, bold: true, color: {argb: "FF78350F"}};
    cell.fill = {type: "pattern", pattern: "solid", fgColor: {argb: "FFFDE68A"}};
    cell.alignment = {vertical: "middle", wrapText: true};
    row.height = 30;
  }
  heading(text: string) {
    this.row++;
    const cell = this.ws.getRow(this.row++).getCell(1);
    cell.value = text;
    cell.font = {name: FONT, size: 12, bold: true, color: {argb: COLORS.title}};
  }
  line(label: string, text: string, {mono = false} = {}) {
    const row = this.ws.getRow(this.row++);
    row.getCell(1).value = label;
    row.getCell(1).font = {name: FONT, size: 10, bold: true};
    row.getCell(1).alignment = {vertical: "top", wrapText: true};
    row.getCell(2).value = text;
    row.getCell(2).font = mono ? {name: "Consolas", size: 9} : {name: FONT, size: 10};
    row.getCell(2).alignment = {vertical: "top", wrapText: true};
    // Excel does not grow a row for wrapped text written by a program: set it.
    const lines = text.split("\n").reduce((n, part) => n + Math.max(1, Math.ceil(part.length / 105)), 0);
    const labelLines = Math.ceil(label.length / 30);
    row.height = 14 * Math.max(lines, labelLines, 1) + 2;
  }
}

function aboutSheet(workbook: ExcelJS.Workbook, model: ReleaseModel, provenance: Provenance, notice?: string) {
  const s = new TextSheet(workbook, SHEETS.about);
  const kommuner = model.kommuner.filter((a) => a.kind !== "stadsdel").length;
  const stadsdelar = model.kommuner.filter((a) => a.kind === "stadsdel");
  const cities = model.kommuner.filter((a) => a.kind === "storstad").map((a) => a.name);
  const cityList = cities.length > 1 ? `${cities.slice(0, -1).join(", ")} och ${cities.at(-1)}` : cities.join("");
  const surveyIndicators = model.indicators.filter((i) => i.source === "enkät");
  const registerIndicators = model.indicators.filter((i) => i.source !== "enkät");

  s.title(releaseTitle(model));
  s.title(`Resultat per kommun, län och riket`, 12);
  if (notice) s.notice(notice);
  s.line("", `Enkätåret ${model.year}. Filen kan laddas ned för egen bearbetning: värdena är tal med talformat, så de går att sortera, filtrera och räkna på.`);

  s.heading("Innehåll");
  s.line(SHEETS.kommuner, `${kommuner} kommuner${stadsdelar.length ? ` och ${stadsdelar.length} stadsdelar i ${cityList}` : ""}, en rad per enhet. Kolumnen Typ anger Kommun, Storstad eller Stadsdel; stadsdelarna står under sin stad.`);
  s.line(SHEETS.lan, `${model.lan.length} län.`);
  s.line(SHEETS.riket, "Hela landet.");
  s.line(SHEETS.indicators, `Beskrivning av varje indikator: titel, mått, källa, beräkning och om ett högre värde är bättre. Filen har ${model.indicators.length} indikatorer för ${model.year} (${surveyIndicators.length} från enkäten, ${registerIndicators.length} från register).`);
  s.line("Kolumner", "Rad 1 har indikatorns korta titel och rad 2 dess id (samma id som i bladet Indikatorer och i webbverktyget). Filtret ligger på rad 2.");

  s.heading("Undersökningen");
  s.line("Enkäten", `Enkäten besvarades ${model.period}. ${formatNumber(model.answered)} av ${formatNumber(model.units)} kommuner och stadsdelar svarade (${formatPercent((100 * model.answered) / model.units, {decimals: 1})}).`);
  if (registerIndicators.length) s.line("Registeruppgifter", `Registerindikatorerna avser år ${model.year}. Källor: ${[...new Set(registerIndicators.flatMap((i) => model.sources.get(i.id) ?? []).flatMap((s) => s.split(" / ")))].sort().join(", ")}.`);

  s.heading("Så läser du värdena");
  s.line("Ja / Nej", `En kommuns eller stadsdels eget svar. Cellen innehåller talet 1 (ja) eller 0 (nej) med talformatet ${NUMBER_FORMATS.yesNo}, som visar Ja eller Nej. Ett ja är alltså 100 % och ett nej 0 %: medelvärdet av en kolumn är andelen ja bland de enheter som har ett värde.`);
  s.line("Procent", `Andel i procent med en decimal (talformat ${NUMBER_FORMATS.percent}). Cellen innehåller andelen som ett tal mellan 0 och 1 (0,981 visas som 98,1 %) utan avrundning; det är bara visningen som avrundas.`);
  s.line("Antal och per 1 000", `Antal visas som heltal (${NUMBER_FORMATS.count}), antal per 1 000 invånare med en decimal (${NUMBER_FORMATS.rate}).`);
  if (cities.length) s.line("Storstäderna", `${cityList} besvarar enkäten genom sina stadsdelar. Stadens värde för en enkätindikator är andelen av stadsdelarna som svarat ja, av dem som besvarat frågan.`);
  s.line(
    "Län och riket",
    `Enkätindikatorer: andelen av länets respektive landets kommuner och stadsdelar som svarat ja, av dem som besvarat frågan. Varje kommun och stadsdel väger lika; storstäderna räknas med sina stadsdelar, var för sig. Svarsfrekvensen räknas på alla ${formatNumber(model.units)} enheter som fick enkäten.` +
      (registerIndicators.length ? "\nRegisterindikatorer: länens och rikets värden är källans egna uppgifter för länet och riket. Antal per 1 000 invånare räknas som antalet delat med folkmängden, gånger 1 000, där indikatorns beräkning anger det (se bladet Indikatorer)." : "")
  );

  s.heading("Jämförbarhet");
  if (model.breaks.length) {
    s.line("", `Resultaten för ${model.year} kan inte jämföras med tidigare år för ${model.breaks.length === 1 ? "en indikator" : `${model.breaks.length} av indikatorerna`}:`);
    for (const b of model.breaks) {
      const ind = model.indicators.find((i) => i.id === b.indicator_id)!;
      s.line(`${ind.short_title} (${ind.id})`, b.note ?? `Ny jämförbarhetsgrupp från ${model.year} (${b.group_id}).`);
    }
  } else {
    s.line("", `Ingen indikator i filen bryter sin tidsserie ${model.year}: värdena kan jämföras med tidigare år inom samma jämförbarhetsgrupp (se kolumnen Jämförbar serie i bladet Indikatorer).`);
  }

  s.heading("Teckenförklaring");
  s.line("Ja, Nej", "Enhetens eget svar (talet 1 eller 0).");
  s.line("Tal", "Andel i procent, antal eller antal per 1 000 invånare, enligt indikatorns mått.");
  for (const m of MARKERS) s.line(m.marker, `${m.meaning}. Tecknet är text och räknas inte som noll.`);

  s.heading("Ursprung");
  s.line("Skapad", `${provenance.builtAt.toISOString()} av ${provenance.program}.`);
  s.line("Underlag", `Projektets Parquet-tabeller (${provenance.tables.map((t) => `${t.name}.parquet`).join(", ")}).`);
  s.line("SHA-256, alla tabeller", provenance.digest, {mono: true});
  s.line("", "Kontroll: kör sha256sum *.parquet | sha256sum i mappen med tabellerna; summan ovan ska komma ut. Varje tabells egen summa står nedan (samma som sha256sum *.parquet).");
  for (const t of provenance.tables) s.line(`${t.name}.parquet`, `${t.sha256}  (${formatNumber(t.rows)} rader)`, {mono: true});
  s.line("Källfiler", [...new Set(model.indicators.flatMap((i) => model.sources.get(i.id) ?? []).flatMap((x) => x.split(" / ")))].sort().join(", "));
}

function indicatorSheet(workbook: ExcelJS.Workbook, model: ReleaseModel) {
  const ws = workbook.addWorksheet(SHEETS.indicators);
  const inFile = new Set(model.indicators.map((i) => i.id));
  const columns: {header: string; width: number; value: (i: Indicator) => string | number; wrap?: boolean}[] = [
    {header: "Id", width: 34, value: (i) => i.id},
    {header: "Kort titel", width: 28, value: (i) => i.short_title, wrap: true},
    {header: "Titel", width: 40, value: (i) => i.title, wrap: true},
    {header: "Tema", width: 18, value: (i) => i.theme, wrap: true},
    {header: "Beskrivning", width: 60, value: (i) => i.description, wrap: true},
    {header: "Mått", width: 16, value: (i) => i.unit},
    {header: "Källa", width: 10, value: (i) => i.source},
    {header: "Högre värde är bättre", width: 12, value: (i) => (i.higher_is_better === null ? "Går inte att säga" : i.higher_is_better ? "Ja" : "Nej"), wrap: true},
    {header: "Beräkning", width: 60, value: (i) => i.rule, wrap: true},
    {header: "År med värden", width: 12, value: (i) => `${i.first_year}–${i.last_year}`},
    {header: `Jämförbar serie ${model.year}`, width: 14, value: (i) => model.groups.get(i.id)?.group_id ?? ""},
    {header: `I filen ${model.year}`, width: 10, value: (i) => (inFile.has(i.id) ? "Ja" : "Nej")}
  ];
  ws.columns = columns.map((c) => ({width: c.width}));
  const header = ws.getRow(1);
  columns.forEach((c, i) => (header.getCell(i + 1).value = c.header));
  styleHeader(header, 1, columns.length, {bold: true, size: 10, color: {argb: COLORS.headerText}});
  header.eachCell((cell) => (cell.alignment = {wrapText: true, vertical: "bottom"}));
  header.height = 32;
  model.allIndicators.forEach((ind, r) => {
    const row = ws.getRow(r + 2);
    let lines = 1;
    columns.forEach((c, i) => {
      const cell = row.getCell(i + 1);
      const value = c.value(ind);
      cell.value = value;
      cell.font = {name: FONT, size: 10};
      cell.alignment = {vertical: "top", wrapText: Boolean(c.wrap)};
      if (c.wrap) lines = Math.max(lines, Math.ceil(String(value).length / (c.width - 2)));
    });
    row.height = 14 * lines + 2;
  });
  ws.views = [{state: "frozen", xSplit: 1, ySplit: 1, topLeftCell: "B2", activeCell: "B2"}];
  ws.autoFilter = {from: {row: 1, column: 1}, to: {row: model.allIndicators.length + 1, column: columns.length}};
  ws.pageSetup = {orientation: "landscape", paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: "1:1"};
}

export interface WorkbookOptions {
  /** Shown at the top of "Om filen", e.g. that the data are a generated sample. */
  notice?: string;
}

export async function buildWorkbook(model: ReleaseModel, provenance: Provenance, {notice}: WorkbookOptions = {}): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = provenance.program;
  workbook.lastModifiedBy = provenance.program;
  workbook.created = provenance.builtAt;
  workbook.modified = provenance.builtAt;
  workbook.title = `${releaseTitle(model)} – resultat per kommun, län och riket`;
  workbook.subject = `Enkät ${model.period}`;
  workbook.keywords = `sha256:${provenance.digest}`;
  workbook.description = `Byggd ${provenance.builtAt.toISOString()} från Parquet-tabeller med SHA-256 ${provenance.digest}.`;
  workbook.views = [{x: 0, y: 0, width: 20000, height: 12000, firstSheet: 0, activeTab: 0, visibility: "visible"}];

  aboutSheet(workbook, model, provenance, notice);
  addResultSheet(workbook, model, "kommuner", model.kommuner);
  addResultSheet(workbook, model, "lan", model.lan);
  addResultSheet(workbook, model, "riket", model.riket);
  indicatorSheet(workbook, model);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

export {workbookFileName};
