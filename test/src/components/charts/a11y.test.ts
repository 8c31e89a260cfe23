// Every chart is an image with a name, a description and a table (src/components/charts/a11y.js).
import {JSDOM} from "jsdom";
import {describe, expect, it} from "vitest";
import {chartTable, withTable} from "../../../../src/components/charts/a11y.js";
import {barChart} from "../../../../src/components/charts/bars.js";
import {kommunMap} from "../../../../src/components/charts/map.js";
import {dotStrip} from "../../../../src/components/charts/strip.js";
import {trendChart} from "../../../../src/components/charts/trend.js";

const {document, Event} = new JSDOM("").window;
const series = [
  {key: "a", label: "Vallentuna", points: [{year: 2015, value: 0, status: "ok"}, {year: 2016, value: 100, status: "ok"}]},
  {key: "r", label: "Riket", points: [{year: 2015, value: 90, status: "ok"}, {year: 2016, value: 98, status: "ok"}]}
];

/** The main svg of a chart (a chart with a legend is a div holding two). */
const svgOf = (chart: Element) => (chart.tagName.toLowerCase() === "svg" ? chart : chart.querySelector("svg:not(.chart-legend)")!);

describe("charts as images with a name and a description", () => {
  const charts = {
    trend: trendChart(series, {document, legend: true, title: "Ordinarie BBIC-licens, Vallentuna"}),
    bars: barChart([{label: "Vallentuna", value: 100}, {label: "Riket", value: 98}], {document}),
    strip: dotStrip([{code: "0115", name: "Vallentuna", value: 100}, {code: "0114", name: "Upplands Väsby", value: 0}], {document, highlight: ["0115"]}),
    map: kommunMap([{type: "Feature", properties: {kn_kod: "0115", kn_namn: "Vallentuna"}, geometry: {type: "Polygon", coordinates: [[[18, 59.5], [18.2, 59.5], [18.2, 59.6], [18, 59.5]]]}}], new Map([["0115", {value: 100, status: "ok"}]]), {document})
  };

  it.each(Object.entries(charts))("%s: role img, a name, a <desc> with the key figures; Plot's labelled groups hidden", (_, chart) => {
    const svg = svgOf(chart);
    expect(svg.getAttribute("role")).toBe("img");
    expect(svg.getAttribute("aria-label")!.length).toBeGreaterThan(5);
    expect(svg.querySelector(":scope > desc")!.textContent).toMatch(/Vallentuna/);
    expect([...svg.querySelectorAll(":scope > g[aria-label]")].every((g) => g.getAttribute("aria-hidden") === "true")).toBe(true);
  });

  it("names the chart by its title, and hides the legend, which the description repeats", () => {
    expect(svgOf(charts.trend).getAttribute("aria-label")).toBe("Ordinarie BBIC-licens, Vallentuna");
    expect(charts.trend.querySelector("svg.chart-legend")!.getAttribute("aria-hidden")).toBe("true");
  });

  it("gives each chart a closed 'Visa som tabell' whose table is built when opened, with headers for columns and rows", () => {
    const block = withTable(charts.trend);
    const details = block.querySelector("details.chart-table") as HTMLDetailsElement;
    expect(details.querySelector("summary")!.textContent).toBe("Visa som tabell");
    expect(details.querySelector("table")).toBeNull();
    details.open = true;
    details.dispatchEvent(new Event("toggle"));
    const table = details.querySelector("table")!;
    expect(table.querySelector("caption")!.textContent).toBe("Ordinarie BBIC-licens, Vallentuna");
    expect([...table.querySelectorAll("thead th")].map((th) => th.textContent)).toEqual(["År", "Vallentuna", "Riket"]);
    expect([...table.querySelectorAll("tbody tr")].map((tr) => [...tr.children].map((c) => c.textContent))).toEqual([
      ["2015", "0,0\u00a0%", "90,0\u00a0%"],
      ["2016", "100,0\u00a0%", "98,0\u00a0%"]
    ]);
    expect(table.querySelector("tbody th")!.getAttribute("scope")).toBe("row");
    expect(details.querySelector(".table-scroll")!.getAttribute("tabindex")).toBe("0");
  });

  it("has no table for an element no chart function described", () => {
    expect(chartTable(document.createElement("div"))).toBeNull();
  });
});
