import {describe, expect, it} from "vitest";
import {linearBounds} from "../../../loaders/disclosure/linearBounds.js";

const INF = Infinity;

describe("linearBounds: the range of each unknown over all solutions", () => {
  it("one sum of two protected cells, each 1–4: x + y = 6 leaves 2–4 for each", () => {
    expect(linearBounds({lower: [1, 1], upper: [4, 4], equations: [{terms: [[0, 1], [1, 1]], rhs: 6}]})).toEqual([
      {min: 2, max: 4},
      {min: 2, max: 4}
    ]);
  });

  it("x + y = 8 with both 1–4 pins both to 4", () => {
    expect(linearBounds({lower: [1, 1], upper: [4, 4], equations: [{terms: [[0, 1], [1, 1]], rhs: 8}]})).toEqual([
      {min: 4, max: 4},
      {min: 4, max: 4}
    ]);
  });

  it("two sums over the same cells (two hierarchies): A + B = 10 and A + B + C = 13 give C = 3 exactly, which neither sum gives alone", () => {
    const ranges = linearBounds({
      lower: [0, 0, 0],
      upper: [INF, INF, INF],
      equations: [
        {terms: [[0, 1], [1, 1]], rhs: 10},
        {terms: [[0, 1], [1, 1], [2, 1]], rhs: 13}
      ]
    });
    expect(ranges).toEqual([
      {min: 0, max: 10},
      {min: 0, max: 10},
      {min: 3, max: 3}
    ]);
  });

  it("a total that is itself unknown, fixed by the level above", () => {
    // län L = k1 + k2 (k1 protected 1–4, k2 hidden ≥ 5), riket 100 = L + 70 → L = 30, so k1 ≤ 25 and k2 ≥ 26.
    const ranges = linearBounds({
      lower: [1, 5, 0],
      upper: [4, INF, INF],
      equations: [
        {terms: [[0, 1], [1, 1], [2, -1]], rhs: 0},
        {terms: [[2, 1]], rhs: 30}
      ]
    });
    expect(ranges).toEqual([
      {min: 1, max: 4},
      {min: 26, max: 29},
      {min: 30, max: 30}
    ]);
  });

  it("no upper limit when nothing bounds an unknown from above", () => {
    expect(linearBounds({lower: [0, 0], upper: [INF, INF], equations: [{terms: [[0, 1], [1, -1]], rhs: 2}]})).toEqual([
      {min: 2, max: INF},
      {min: 0, max: INF}
    ]);
  });

  it("repeated and redundant sums change nothing", () => {
    const eq = {terms: [[0, 1], [1, 1]] as [number, number][], rhs: 7};
    expect(linearBounds({lower: [1, 5], upper: [4, INF], equations: [eq, eq, {terms: [[0, 2], [1, 2]], rhs: 14}]})).toEqual([
      {min: 1, max: 2},
      {min: 5, max: 6}
    ]);
  });

  it("only the unknowns asked for are solved; the others keep their prior range", () => {
    expect(linearBounds({lower: [1, 1], upper: [4, 4], equations: [{terms: [[0, 1], [1, 1]], rhs: 3}]}, [1])).toEqual([
      {min: 1, max: 4},
      {min: 1, max: 2}
    ]);
  });

  it("null when the figures contradict the sums (a protected cell would have to be 7)", () => {
    expect(linearBounds({lower: [1], upper: [4], equations: [{terms: [[0, 1]], rhs: 7}]})).toBeNull();
    expect(linearBounds({lower: [0, 0], upper: [INF, INF], equations: [{terms: [[0, 1], [1, 1]], rhs: -1}]})).toBeNull();
  });
});
