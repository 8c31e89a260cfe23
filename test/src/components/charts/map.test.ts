// The kommun map rendered with jsdom, on two made-up square kommuner.
import {JSDOM} from "jsdom";
import {describe, expect, it} from "vitest";
import {kommunMap} from "../../../../src/components/charts/map.js";
import {MISSING_FILL} from "../../../../src/components/charts/colors.js";
import {marks} from "../../../helpers/plotGeometry.js";

const {document} = new JSDOM("").window;
const square = (code: string, name: string, lon: number) => ({
  type: "Feature" as const,
  properties: {kn_kod: code, kn_namn: name},
  geometry: {type: "Polygon", coordinates: [[[lon, 62], [lon, 63], [lon + 1, 63], [lon + 1, 62], [lon, 62]]]}
});
const features = [square("2510", "Jokkmokk", 15), square("2514", "Kalix", 17)];

describe("kommunMap(features, values, options)", () => {
  it("fills a kommun with a value by the ramp, one without in grey, and outlines the chosen", () => {
    const values = new Map([
      ["2510", {value: 80, status: "ok"}],
      ["2514", {value: null, status: "no_answer", note: "besvarade inte enkäten 2016"}]
    ]);
    const svg = kommunMap(features, values, {document, highlight: ["2510"], width: 300});
    const [grey, filled, outlined] = [...svg.querySelectorAll('g[aria-label="geo"]')] as [Element, Element, Element];
    expect(grey.getAttribute("fill")).toBe(MISSING_FILL);
    expect(grey.querySelectorAll("path")).toHaveLength(1);
    expect(filled.querySelector("path")!.getAttribute("fill")).toMatch(/^rgb\(/);
    expect(outlined.getAttribute("stroke")).toBe("#111");
    expect(outlined.querySelectorAll("path")).toHaveLength(1);
    expect(marks(svg, "geo", "path")).toHaveLength(3);
  });
});
