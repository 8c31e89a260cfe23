// The bar chart rendered with jsdom: order, labels, and that it stays whole at any width.
import {JSDOM} from "jsdom";
import {describe, expect, it} from "vitest";
import {barChart} from "../../../../src/components/charts/bars.js";
import {marks, textsOutside} from "../../../helpers/plotGeometry.js";

const {document} = new JSDOM("").window;
const lan = [
  {label: "Örebro län", value: 40, status: "ok"},
  {label: "Blekinge län", value: 60, status: "ok"},
  {label: "Gotlands län", value: null, status: "no_answer"},
  {label: "Ålands test", value: 60, status: "ok"}
];
// The 2016 report's headline chart: long labels.
const headline = [
  {label: "Ordinarie BBIC-licens", value: 98.1, numerator: 310, denominator: 316},
  {label: "Överenskommelse skolan", value: 53.2},
  {label: "Överenskommelse förskolan", value: 52.4},
  {label: "Överenskommelse primärvården", value: 44.1},
  {label: "Samlad kompetensplan", value: 24.3}
];

describe("barChart(rows, options)", () => {
  it("ranks by value (Swedish order on ties) and says why a bar is missing", () => {
    const svg = barChart(lan, {document, rank: true, reference: 50});
    expect(marks(svg, "bar", "rect")).toHaveLength(3);
    const labels = [...svg.querySelectorAll('g[aria-label="y-axis tick label"] text')].map((t) => t.textContent);
    expect(labels).toEqual(["Blekinge län", "Ålands test", "Örebro län", "Gotlands län"]);
    expect(svg.textContent).toContain("besvarade inte enkäten");
    expect(svg.textContent).toContain("Riket 50,0\u00a0%");
  });

  it("keeps the rows' order unless asked to rank, and writes a row's note in place of its bar", () => {
    const rows = [
      {label: "Jokkmokk", value: null, status: "no_answer", note: "besvarade inte enkäten 2015"},
      {label: "Riket", value: 70}
    ];
    const svg = barChart(rows, {document});
    expect([...svg.querySelectorAll('g[aria-label="y-axis tick label"] text')].map((t) => t.textContent)).toEqual(["Jokkmokk", "Riket"]);
    expect(svg.textContent).toContain("besvarade inte enkäten 2015");
  });

  it("on a phone puts the labels above full-width bars: no negative width, nothing cut", () => {
    for (const width of [240, 300, 330]) {
      const svg = barChart(headline, {document, width, rank: true});
      const bars = marks(svg, "bar", "rect");
      expect(bars).toHaveLength(5);
      for (const bar of bars) expect(Number(bar.getAttribute("width"))).toBeGreaterThan(0);
      // The widest bar (98 %) takes most of the width, not a sliver beside a wide label column.
      expect(Math.max(...bars.map((b) => Number(b.getAttribute("width"))))).toBeGreaterThan(width / 2);
      expect(svg.querySelector('g[aria-label="y-axis tick label"]')).toBeNull();
      expect(textsOutside(svg)).toEqual([]);
      expect(svg.textContent).toContain("Överenskommelse primärvården");
    }
  });

  it("on a wide screen puts the labels left of the bars, in a margin as wide as the longest", () => {
    const svg = barChart(headline, {document, width: 640});
    expect(svg.querySelectorAll('g[aria-label="y-axis tick label"] text')).toHaveLength(5);
    expect(textsOutside(svg)).toEqual([]);
  });

  it("formats the values at the bars' ends as asked", () => {
    expect(barChart(headline, {document, format: (v) => `${Math.round(v)} %`}).textContent).toContain("98 %");
  });

  it("leaves room for large counts at the bars' ends", () => {
    const svg = barChart([{label: "Stockholms län", value: 549093}, {label: "Gotlands län", value: 9800}], {document, measure: "count", width: 320});
    expect(textsOutside(svg)).toEqual([]);
  });
});
