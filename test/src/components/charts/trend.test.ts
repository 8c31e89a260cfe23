// The trend chart rendered with jsdom: what it draws, where, and what it leaves out.
import {JSDOM} from "jsdom";
import {describe, expect, it} from "vitest";
import {BREAK_CAPTION, GAP_CAPTION, trendCaption, trendChart} from "../../../../src/components/charts/trend.js";
import {GAP_LEGEND} from "../../../../src/components/charts/legend.js";
import {chartSvg, marks, textsOutside} from "../../../helpers/plotGeometry.js";

const {document} = new JSDOM("").window;
const comparability = [
  {indicator_id: "x", group_id: "2010–2015", first_year: 2010, last_year: 2015, note: null},
  {indicator_id: "x", group_id: "2016–", first_year: 2016, last_year: 2016, note: "Ny enkät"}
];
const years = [2010, 2011, 2012, 2013, 2014, 2015, 2016];
const riket = {key: "riket", label: "Riket", points: years.map((year, i) => ({year, value: year === 2016 ? 98 : 30 + 10 * i, status: "ok"}))};
const svgOf = (node: Element) => chartSvg(node);
/** The x coordinates a path visits (Plot writes M/L commands with absolute x,y). */
const pathXs = (path: Element) => [...(path.getAttribute("d") ?? "").matchAll(/[ML]([-\d.]+),/g)].map((m) => Number(m[1]));
const tickX = (svg: Element, year: number) => {
  const label = [...svg.querySelectorAll('g[aria-label="x-axis tick label"] text')].find((t) => t.textContent === String(year))!;
  return Number(/translate\(([-\d.]+)/.exec(label.getAttribute("transform")!)![1]);
};

describe("trendChart(series, options)", () => {
  it("draws one line per comparability group, so no line crosses a break", () => {
    const svg = svgOf(trendChart([riket], {document, comparability, indicatorId: "x"}));
    const paths = marks(svg, "line", "path");
    // The 2010–2015 path visits six years; 2016 stands alone after the break.
    expect(paths.map((p) => pathXs(p).length).sort()).toEqual([1, 6]);
    const breakX = (tickX(svg, 2015) + tickX(svg, 2016)) / 2;
    for (const p of paths) expect(pathXs(p).every((x) => x < breakX) || pathXs(p).every((x) => x > breakX)).toBe(true);
    expect(marks(svg, "dot", "circle")).toHaveLength(7);
    expect(svg.textContent).toContain("Ej jämförbart");
  });

  it("joins every year when the indicator has no break", () => {
    const svg = svgOf(trendChart([{...riket, points: riket.points.slice(0, 6)}], {document, comparability, indicatorId: "x"}));
    expect(marks(svg, "line", "path")).toHaveLength(1);
    expect(svg.textContent).not.toContain("Ej jämförbart");
  });

  it("draws no mark at zero for a missing or suppressed value: a grey band spans the chart that year, and the line breaks", () => {
    const unit = {
      key: "unit",
      label: "Jokkmokk",
      points: [
        {year: 2010, value: 0, status: "ok"},
        {year: 2011, value: 100, status: "ok"},
        {year: 2012, value: null, status: "missing"},
        {year: 2013, value: null, status: "suppressed", note: "skyddad av sekretess"},
        {year: 2014, value: 100, status: "ok"},
        {year: 2015, value: 100, status: "ok"}
      ]
    };
    const svg = svgOf(trendChart([unit], {document, comparability, indicatorId: "x", height: 220}));
    // Only the four real values are dots; the one real 0 (2010) is the only dot on the zero line.
    const dots = marks(svg, "dot", "circle").map((c) => [Number(c.getAttribute("cx")), Number(c.getAttribute("cy"))]);
    expect(dots.map(([x]) => x)).toEqual([2010, 2011, 2014, 2015].map((year) => tickX(svg, year)));
    const zeroY = Math.max(...dots.map(([, y]) => y!));
    expect(dots.filter(([, y]) => y === zeroY).map(([x]) => x)).toEqual([tickX(svg, 2010)]);
    expect(svg.querySelectorAll("circle").length).toBe(4);
    // A band per year without a value, the full height of the frame, centred on the year.
    const frame = svg.querySelector('g[aria-label="y-grid"] line')!;
    const bands = marks(svg, "rect", "rect");
    expect(bands).toHaveLength(2);
    for (const [band, year] of [[bands[0]!, 2012], [bands[1]!, 2013]] as const) {
      expect(Number(band.getAttribute("x")) + Number(band.getAttribute("width")) / 2).toBeCloseTo(tickX(svg, year), 5);
      expect(Number(band.getAttribute("height"))).toBeGreaterThan(150);
    }
    // No line passes over 2012 or 2013.
    for (const p of marks(svg, "line", "path")) expect(pathXs(p).some((x) => x > tickX(svg, 2011) && x < tickX(svg, 2014))).toBe(false);
    expect(frame).toBeTruthy();
  });

  it("leaves room for every tick label: Barn 0–17 år in riket has a top tick above the values and no digit cut", () => {
    const points = years.map((year, i) => ({year, value: 2163595 + 19000 * i, status: "ok"}));
    for (const width of [300, 640, 1200]) {
      const svg = svgOf(trendChart([{key: "riket", label: "Riket", points}], {document, measure: "count", width}));
      expect(textsOutside(svg)).toEqual([]);
      const labels = [...svg.querySelectorAll('g[aria-label="y-axis tick label"] text')].map((t) => t.textContent);
      expect(labels.at(-1)).toBe("2\u202f500\u202f000");
    }
  });

  it("keeps “Ej jämförbart” whole inside the chart when the break is near the right edge", () => {
    for (const width of [260, 320, 480]) {
      const svg = svgOf(trendChart([riket], {document, comparability, indicatorId: "x", width}));
      expect(svg.textContent).toContain("Ej jämförbart");
      expect(textsOutside(svg)).toEqual([]);
    }
  });

  it("draws a break only between two years on the axis", () => {
    const svg = svgOf(trendChart([{...riket, points: riket.points.slice(0, 6)}], {document, comparability, indicatorId: "x"}));
    expect(marks(svg, "rule", "line").filter((l) => l.getAttribute("x1") === l.getAttribute("x2"))).toHaveLength(0);
  });

  it("labels every other year when the years would collide", () => {
    const many = Array.from({length: 16}, (_, i) => ({year: 2001 + i, value: 50, status: "ok"}));
    const svg = svgOf(trendChart([{key: "a", label: "A", points: many}], {document, width: 300}));
    const labels = [...svg.querySelectorAll('g[aria-label="x-axis tick label"] text')].map((t) => Number(t.textContent));
    expect(labels.length).toBeLessThan(16);
    expect(labels.at(-1)).toBe(2016);
    expect(textsOutside(svg)).toEqual([]);
  });

  it("with legend: one line per series and the gap band above the chart", () => {
    const other = {key: "b", label: "Samverkan BUP", points: [{year: 2010, value: 40, status: "ok"}, {year: 2011, value: null, status: "missing"}]};
    const node = trendChart([riket, other], {document, legend: true});
    expect(node.tagName.toLowerCase()).toBe("div");
    const legend = node.querySelector("svg.chart-legend")!;
    expect([...legend.querySelectorAll("text")].map((t) => t.textContent)).toEqual(["Riket", "Samverkan BUP", GAP_LEGEND]);
    // Two series without a colour of their own get two different ones.
    const strokes = marks(svgOf(node), "line", "path").map((p) => p.parentElement!.getAttribute("stroke"));
    expect(new Set(strokes).size).toBe(2);
  });
});

describe("trendCaption(series, options)", () => {
  const gap = {key: "u", label: "U", points: [{year: 2015, value: null, status: "no_answer"}, {year: 2016, value: 100, status: "ok"}]};
  it.each([
    ["a break and a gap", [riket, gap], [BREAK_CAPTION, GAP_CAPTION].join(" ")],
    ["a break only", [riket], BREAK_CAPTION],
    ["neither", [{...riket, points: riket.points.slice(0, 3)}], ""]
  ])("explains what the chart shows: %s", (_, series, caption) => {
    expect(trendCaption(series, {comparability, indicatorId: "x"})).toBe(caption);
  });
});
