// What the audit reads from the pages' first views: every row that names an indicator, an area and a year,
// however deep an answer holds it, so a protected count that a first view showed would be found.
import {describe, expect, it} from "vitest";
import {firstViewCells} from "../../../publish/audit/publishedCells.js";
import {attack} from "../../../publish/audit/recover.js";

const AREAS = [
  {code: "00", level: "riket", lan_code: null, kommun_code: null},
  {code: "06", level: "län", lan_code: "06", kommun_code: null},
  {code: "0604", level: "kommun", lan_code: "06", kommun_code: "0604"},
  {code: "0617", level: "kommun", lan_code: "06", kommun_code: "0617"}
];

/** Recorded answers as publish/firstViews.ts writes them: name, params, value (rows, or objects holding rows). */
const views = (aneby: {value: number | null; status: string}, neighbour: {value: number | null; status: string}) => ({
  "jamfor.json": [
    {name: "comparison", params: {year: 2013}, value: [{indicator_id: "heldygnsinsats_antal", code: "0604", year: 2013, ...aneby, numerator: aneby.value}]},
    {name: "trends", params: {}, value: {series: [{indicator_id: "heldygnsinsats_antal", area_code: "0617", year: 2013, ...neighbour}]}}
  ],
  "oversikt.json": [{name: "lanTable", params: {}, value: [{indicator_id: "heldygnsinsats_antal", area_code: "06", year: 2013, value: 44, status: "ok"}]}]
});

const statusFile = {
  name: "observations.parquet",
  sightings: [
    {indicator_id: "heldygnsinsats_antal", area_code: "0604", year: 2013, value: null, status: "suppressed"},
    {indicator_id: "heldygnsinsats_antal", area_code: "0617", year: 2013, value: null, status: "suppressed_secondary"},
    {indicator_id: "heldygnsinsats_antal", area_code: "06", year: 2013, value: 44, status: "ok"}
  ]
};

const attackWith = (file: ReturnType<typeof firstViewCells>) =>
  attack({files: [statusFile, file], statusFile: "observations.parquet", areas: AREAS, protection: (id) => (id === "heldygnsinsats_antal" ? {from: 1, to: 4} : null), rates: []});

describe("firstViewCells", () => {
  const hidden = {value: null, status: "suppressed_secondary"};

  it("finds rows at any depth, by area_code or code", () => {
    const cells = firstViewCells("views.zip", views({value: null, status: "suppressed"}, hidden));
    expect(cells.sightings.map((s) => [s.area_code, s.value, s.status])).toEqual([
      ["0604", null, "suppressed"],
      ["0617", null, "suppressed_secondary"],
      ["06", 44, "ok"]
    ]);
    expect(attackWith(cells).recovered).toEqual([]);
  });

  it("lets the audit find a protected count a first view shows", () => {
    const leaked = attackWith(firstViewCells("views.zip", views({value: 4, status: "suppressed"}, hidden)));
    expect(leaked.recovered.map((r) => [r.area_code, r.method, r.file, r.low, r.high])).toEqual([["0604", "direct", "views.zip", 4, 4]]);
  });

  it("and one a first view reveals by difference, through the cell that covered it", () => {
    const leaked = attackWith(firstViewCells("views.zip", views({value: null, status: "suppressed"}, {value: 40, status: "ok"})));
    expect(leaked.recovered.map((r) => [r.area_code, r.method, r.low, r.high])).toEqual([["0604", "difference", 4, 4]]);
  });
});
