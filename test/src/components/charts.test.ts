// Chart helpers rendered with jsdom: what they draw, not how it looks.
import {JSDOM} from "jsdom";
import {describe, expect, it} from "vitest";
import * as dots from "../../../src/components/dotStrip.js";
import * as bars from "../../../src/components/rankedBars.js";
import * as trend from "../../../src/components/trendChart.js";

// The components are plain JS; their options are typed here as the tests use them.
type Chart = (rows: object[], options?: Record<string, unknown>) => Element;
const trendChart = trend.trendChart as Chart;
const rankedBars = bars.rankedBars as Chart;
const dotStrip = dots.dotStrip as Chart;
const {breaksOf} = trend;

const {document} = new JSDOM("").window;
const svgOf = (node: Element) => (node.tagName.toLowerCase() === "svg" ? node : node.querySelector("svg")!);

describe("trendChart", () => {
  const rows = [2010, 2011, 2012, 2013, 2014, 2015].map((year, i) => ({year, value: 30 + 10 * i, group_id: "2010–2015"})).concat([{year: 2016, value: 98, group_id: "2016–"}]);
  const comparability = [
    {indicator_id: "x", group_id: "2010–2015", first_year: 2010, last_year: 2015, note: null},
    {indicator_id: "x", group_id: "2016–", first_year: 2016, last_year: 2016, note: "Ny enkät"}
  ];

  it("breaksOf(comparability, id) gives one break where each later group starts", () => {
    expect(breaksOf(comparability, "x")).toEqual([{year: 2016, note: "Ny enkät", label: "Ej jämförbart"}]);
    expect(breaksOf(comparability, "other")).toEqual([]);
  });

  it("draws one line per comparability group, so no line crosses a break", () => {
    const svg = svgOf(trendChart(rows, {document, breaks: breaksOf(comparability, "x")}));
    const paths = [...svg.querySelectorAll('g[aria-label="line"] path')].map((p) => p.getAttribute("d")!);
    expect(paths).toHaveLength(2);
    // The 2010–2015 path has six points; the 2016 group is a single point (no segment).
    expect(paths.map((d) => (d.match(/[ML]/g) ?? []).length).sort()).toEqual([1, 6]);
    expect(svg.querySelectorAll('g[aria-label="dot"] circle')).toHaveLength(7);
    expect(svg.textContent).toContain("Ej jämförbart");
  });

  it("joins every year when the indicator has no break", () => {
    const svg = svgOf(trendChart(rows.slice(0, 6), {document}));
    expect(svg.querySelectorAll('g[aria-label="line"] path')).toHaveLength(1);
    expect(svg.textContent).not.toContain("Ej jämförbart");
  });
});

describe("rankedBars", () => {
  const rows = [
    {name: "Örebro län", value: 40, status: "ok"},
    {name: "Blekinge län", value: 60, status: "ok"},
    {name: "Gotlands län", value: null, status: "no_answer"},
    {name: "Ålands test", value: 60, status: "ok"}
  ];
  it("ranks by value (Swedish order on ties) and says why a bar is missing", () => {
    const svg = svgOf(rankedBars(rows, {document, reference: 50}));
    expect(svg.querySelectorAll('g[aria-label="bar"] rect')).toHaveLength(3);
    const labels = [...svg.querySelectorAll('g[aria-label="y-axis tick label"] text')].map((t) => t.textContent);
    expect(labels).toEqual(["Blekinge län", "Ålands test", "Örebro län", "Gotlands län"]);
    expect(svg.textContent).toContain("besvarade inte enkäten");
    expect(svg.textContent).toContain("Riket 50,0\u00a0%");
  });
});

describe("dotStrip", () => {
  it("draws every unit with a value and marks the chosen one with its name", () => {
    const rows = [
      {code: "0114", name: "Upplands Väsby", value: 100},
      {code: "0115", name: "Vallentuna", value: 0},
      {code: "0117", name: "Österåker", value: null}
    ];
    const svg = svgOf(dotStrip(rows, {document, highlight: "0115"}));
    const dots = svg.querySelectorAll('g[aria-label="dot"] circle');
    expect(dots).toHaveLength(2);
    expect(svg.textContent).toContain("Vallentuna");
    expect(svg.textContent).not.toContain("Upplands Väsby");
  });
});
