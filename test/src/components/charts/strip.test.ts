// The dot strip rendered with jsdom.
import {JSDOM} from "jsdom";
import {describe, expect, it} from "vitest";
import {dotStrip} from "../../../../src/components/charts/strip.js";
import {marks, textsOutside} from "../../../helpers/plotGeometry.js";

const {document} = new JSDOM("").window;
const rows = [
  {code: "0114", name: "Upplands Väsby", value: 100},
  {code: "0115", name: "Vallentuna", value: 0},
  {code: "0117", name: "Österåker", value: null, status: "missing"},
  {code: "0120", name: "Värmdö", value: 100}
];

describe("dotStrip(rows, options)", () => {
  it("draws every unit with a value and marks the chosen one with its name and value", () => {
    const svg = dotStrip(rows, {document, highlight: "0115"});
    expect(marks(svg, "dot", "circle")).toHaveLength(3);
    expect(svg.textContent).toContain("Vallentuna 0,0\u00a0%");
    expect(svg.textContent).not.toContain("Upplands Väsby");
  });

  it("takes chosen units with their own label, value and colour, one label row each", () => {
    const svg = dotStrip(rows, {document, highlight: [{code: "0115", label: "Vallentuna", color: "#d9730d"}, {code: "0180", label: "Stockholm", value: 60, color: "#1f5fa8"}]});
    const labels = [...svg.querySelectorAll("text")].filter((t) => /Vallentuna|Stockholm/.test(t.textContent ?? ""));
    expect(labels.map((t) => t.textContent)).toEqual(["Vallentuna 0,0\u00a0%", "Stockholm 60,0\u00a0%"]);
    expect(new Set(labels.map((t) => t.closest("g")!.getAttribute("transform"))).size).toBe(2);
  });

  it("keeps the labels of units at either end of the scale, and riket's, inside the chart", () => {
    for (const width of [300, 640]) {
      const svg = dotStrip(rows, {document, width, highlight: [{code: "0115", label: "Kommunen med ett långt namn"}, {code: "0114", label: "Upplands Väsby kommun"}], reference: 97});
      expect(svg.textContent).toContain("Riket 97,0\u00a0%");
      expect(textsOutside(svg)).toEqual([]);
    }
  });

  it("leaves room for the tick labels of large counts", () => {
    const counts = [{code: "a", name: "A", value: 12}, {code: "b", name: "B", value: 16440}];
    expect(textsOutside(dotStrip(counts, {document, measure: "count", width: 320}))).toEqual([]);
  });
});
