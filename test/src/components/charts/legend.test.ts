// Legends rendered with jsdom (mapLegend draws its ramp on a canvas, which jsdom lacks: test/e2e/jamfor.test.ts covers it).
import {JSDOM} from "jsdom";
import {describe, expect, it} from "vitest";
import {GAP_LEGEND, swatchLegend, trendLegend, withLegend} from "../../../../src/components/charts/legend.js";
import {textsOutside} from "../../../helpers/plotGeometry.js";

const {document} = new JSDOM("").window;

describe("swatchLegend(items, {width})", () => {
  const items = ["Jokkmokk", "Kommungrupp C9 (andel)", "Norrbottens län", "Riket"].map((label) => ({label, color: "#333"}));

  it("wraps to the width, with every label inside it", () => {
    const wide = swatchLegend(items, {width: 800, document});
    const narrow = swatchLegend(items, {width: 260, document});
    expect(Number(narrow.getAttribute("height"))).toBeGreaterThan(Number(wide.getAttribute("height")));
    for (const svg of [wide, narrow]) {
      expect(svg.getAttribute("class")).toBe("chart-legend");
      expect(textsOutside(svg)).toEqual([]);
    }
  });

  it("draws a line, a dot or a square per item", () => {
    const svg = swatchLegend([{label: "a", color: "red", dash: "4,3"}, {label: "b", color: "red", shape: "dot"}, {label: "c", color: "red", shape: "square"}], {document});
    expect(svg.querySelector("line")!.getAttribute("stroke-dasharray")).toBe("4,3");
    expect(svg.querySelectorAll("circle")).toHaveLength(1);
    expect(svg.querySelectorAll("rect")).toHaveLength(1);
  });
});

describe("trendLegend(series)", () => {
  const ok = {year: 2015, value: 1, status: "ok"};
  it.each([
    ["one series, no gap: nothing to explain", [{label: "Riket", points: [ok]}], []],
    ["one series with a gap: the band", [{label: "Riket", points: [ok, {year: 2016, value: null, status: "missing"}]}], [GAP_LEGEND]],
    ["two series: both", [{label: "A", color: "red", points: [ok]}, {label: "B", color: "blue", points: [ok]}], ["A", "B"]]
  ])("%s", (_, series, labels) => {
    expect([...trendLegend(series, {document}).querySelectorAll("text")].map((t) => t.textContent)).toEqual(labels);
  });

  it("is left out of withLegend when empty", () => {
    const chart = document.createElementNS("http://www.w3.org/2000/svg", "svg");
    expect(withLegend(chart, trendLegend([{label: "Riket", points: [ok]}], {document}))).toBe(chart);
  });
});
