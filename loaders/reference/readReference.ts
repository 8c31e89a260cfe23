import {readFileSync} from "node:fs";
import {join} from "node:path";
import {fail} from "../errors.js";
import {parseTable} from "../read/parseDelimited.js";
import {isKommunCode, isLanCode, isStadsdelCode, RIKET_CODE} from "./areaCodes.js";

export interface Kommun {
  code: string;
  name: string;
  lan_code: string;
  kommungrupp: string;
  kommungrupp_name: string;
  size_class: string;
}
export interface Lan {
  code: string;
  name: string;
}
export interface Stadsdel {
  code: string;
  name: string;
  kommun_code: string;
}
export interface Reference {
  lan: Lan[];
  kommuner: Kommun[];
  stadsdelar: Stadsdel[];
  /** Kommuner that answer the survey through their stadsdelar. */
  storstader: string[];
  byCode: Map<string, {name: string; level: "riket" | "län" | "kommun" | "stadsdel"}>;
}

function readCsv(dir: string, name: string) {
  const file = join("reference", name);
  return {file, ...parseTable(file, readFileSync(join(dir, file), "utf8"), ",")};
}

function requireColumns(file: string, header: string[], columns: string[]): void {
  for (const column of columns) if (!header.includes(column)) fail({file, row: 1, column}, `missing required column (found ${header.join(", ")})`);
}

/** Reads data/reference/: the 21 län, 290 kommuner with SKR group, and the storstäder's stadsdelar. */
export function readReference(dataDir: string): Reference {
  const lanCsv = readCsv(dataDir, "lan.csv");
  requireColumns(lanCsv.file, lanCsv.header, ["county_code", "county_name"]);
  const lan = lanCsv.records.map(({line, values}) => {
    if (!isLanCode(values.county_code!)) fail({file: lanCsv.file, row: line, column: "county_code"}, `"${values.county_code}" is not a 2-digit länskod`);
    return {code: values.county_code!, name: values.county_name!};
  });

  const kommunCsv = readCsv(dataDir, "kommuner.csv");
  requireColumns(kommunCsv.file, kommunCsv.header, ["municipality_code", "municipality_name_short", "county_code"]);
  const groupCsv = readCsv(dataDir, "kommungrupper.csv");
  requireColumns(groupCsv.file, groupCsv.header, ["kommunkod", "skr_gruppkod_inferred", "kommungrupp_kolada_title"]);
  const groups = new Map(groupCsv.records.map(({values}) => [values.kommunkod!, values]));
  const sizeCsv = readCsv(dataDir, "storleksklasser.csv");
  const sizes = new Map(sizeCsv.records.map(({values}) => [values.kommunkod!, values.size_class_kolada_title!]));
  const kommuner = kommunCsv.records.map(({line, values}) => {
    const code = values.municipality_code!;
    if (!isKommunCode(code)) fail({file: kommunCsv.file, row: line, column: "municipality_code"}, `"${code}" is not a 4-digit kommunkod`);
    const group = groups.get(code);
    if (!group) fail({file: groupCsv.file}, `no kommungrupp for kommun ${code}`);
    return {
      code,
      name: values.municipality_name_short!,
      lan_code: values.county_code!,
      kommungrupp: group.skr_gruppkod_inferred!,
      kommungrupp_name: group.kommungrupp_kolada_title!,
      size_class: sizes.get(code) ?? ""
    };
  });

  const stadsdelCsv = readCsv(dataDir, "stadsdelar.csv");
  requireColumns(stadsdelCsv.file, stadsdelCsv.header, ["code", "name", "kommun_code"]);
  const stadsdelar = stadsdelCsv.records.map(({line, values}) => {
    if (!isStadsdelCode(values.code!)) fail({file: stadsdelCsv.file, row: line, column: "code"}, `"${values.code}" is not a stadsdel code like 0180-01`);
    return {code: values.code!, name: values.name!, kommun_code: values.kommun_code!};
  });
  const storstader = [...new Set(stadsdelar.map((s) => s.kommun_code))].sort();

  const byCode: Reference["byCode"] = new Map([[RIKET_CODE, {name: "Riket", level: "riket"}]]);
  for (const l of lan) byCode.set(l.code, {name: l.name, level: "län"});
  for (const k of kommuner) byCode.set(k.code, {name: k.name, level: "kommun"});
  for (const s of stadsdelar) byCode.set(s.code, {name: s.name, level: "stadsdel"});
  return {lan, kommuner, stadsdelar, storstader, byCode};
}

/** The units that receive the survey: kommuner other than the storstäder, and the storstäder's stadsdelar. */
export function surveyUnits(ref: Reference): {code: string; name: string; lan_code: string; kommun_code: string}[] {
  const kommunLan = new Map(ref.kommuner.map((k) => [k.code, k.lan_code]));
  return [
    ...ref.kommuner.filter((k) => !ref.storstader.includes(k.code)).map((k) => ({code: k.code, name: k.name, lan_code: k.lan_code, kommun_code: k.code})),
    ...ref.stadsdelar.map((s) => ({code: s.code, name: s.name, lan_code: kommunLan.get(s.kommun_code)!, kommun_code: s.kommun_code}))
  ];
}
