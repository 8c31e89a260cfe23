import {describe, expect, it} from "vitest";
import {labelSide, textWidth} from "../../../../src/lib/charts/labels.js";

describe("textWidth(text, {fontSize, bold})", () => {
  // Widths measured in Chromium with system-ui (DejaVu Sans on Linux, the widest common sans-serif).
  it.each([
    ["2\u202f500\u202f000", 10, false, 48.53],
    ["Ej jämförbart", 11, false, 71.7],
    ["Överenskommelse primärvården", 10, false, 164.08],
    ["Västra Götalands län", 10, false, 103.88],
    ["100,0\u00a0%", 10, false, 41.31],
    ["Kommungrupp C9 (andel)", 12, false, 154.89],
    ["Jokkmokk 100,0\u00a0%", 10, true, 103.1]
  ])("is an upper bound, within 15 %%, of %j at %ipx (bold: %s): %f px", (text, fontSize, bold, measured) => {
    const estimate = textWidth(text, {fontSize, bold});
    expect(estimate).toBeGreaterThanOrEqual(measured);
    expect(estimate).toBeLessThanOrEqual(measured * 1.15);
  });

  it("counts an unknown character as wide, never as nothing", () => {
    expect(textWidth("Ω")).toBeGreaterThanOrEqual(7);
    expect(textWidth("")).toBe(0);
  });
});

describe("labelSide(x, width, [left, right], gap)", () => {
  it.each<[number, number, [number, number], "start" | "end", string]>([
    [100, 50, [0, 300], "start", "room to the right"],
    [280, 50, [0, 300], "end", "too close to the right edge"],
    [30, 50, [0, 70], "start", "room on neither side: the larger one (right: 40, left: 30)"],
    [50, 50, [0, 70], "end", "room on neither side: the larger one (left: 50, right: 20)"]
  ])("x=%i, width %i in %j → %s (%s)", (x, width, bounds, side) => {
    expect(labelSide(x, width, bounds)).toBe(side);
  });
});
