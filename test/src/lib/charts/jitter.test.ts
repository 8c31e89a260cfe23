import {describe, expect, it} from "vitest";
import {jitter} from "../../../../src/lib/charts/jitter.js";

describe("jitter(code)", () => {
  const codes = ["0114", "0115", "0117", "0180", "1480-01", "2510"];

  it("is the same for the same code, and within [-0.5, 0.5)", () => {
    for (const code of codes) {
      expect(jitter(code)).toBe(jitter(code));
      expect(jitter(code)).toBeGreaterThanOrEqual(-0.5);
      expect(jitter(code)).toBeLessThan(0.5);
    }
  });

  it("spreads neighbouring codes apart", () => {
    expect(new Set(codes.map(jitter)).size).toBe(codes.length);
  });
});
