/**
 * The smallest and largest value each unknown can take, given linear
 * equations between the unknowns and a range for each: what an analyst with
 * every published sum can derive about an unpublished cell. Solved exactly as
 * linear programs (two-phase simplex, Bland's rule so it never cycles), which
 * finds what any combination of sums reveals, including sums of different
 * hierarchies that share cells, where looking at one sum at a time does not.
 * The problems here are small (one connected group of unpublished cells of one
 * indicator and year), so a dense tableau is the simple, fast choice.
 */

export interface Equation {
  /** Unknown index → coefficient. */
  terms: ReadonlyArray<readonly [number, number]>;
  rhs: number;
}

export interface LinearSystem {
  /** Finite lower bound of each unknown. */
  lower: readonly number[];
  /** Upper bound of each unknown; Infinity when there is none. */
  upper: readonly number[];
  equations: readonly Equation[];
}

export interface Range {
  min: number;
  max: number;
}

const EPS = 1e-9;

/** A simplex tableau in canonical form: each row solved for its basic column; the last entry of a row is its right-hand side. */
interface Tableau {
  rows: Float64Array[];
  basis: number[];
  columns: number;
}

function pivot(t: Tableau, r: number, c: number): void {
  const row = t.rows[r]!;
  const p = row[c]!;
  for (let k = 0; k <= t.columns; k++) row[k]! /= p;
  for (let i = 0; i < t.rows.length; i++) {
    if (i === r) continue;
    const other = t.rows[i]!;
    const f = other[c]!;
    if (f === 0) continue;
    for (let k = 0; k <= t.columns; k++) other[k]! -= f * row[k]!;
    if (Math.abs(other[t.columns]!) < EPS) other[t.columns] = 0;
  }
  t.basis[r] = c;
}

/** Minimizes cost · x over the tableau's columns below `allowed`; −Infinity when unbounded. */
function minimize(t: Tableau, cost: Float64Array, allowed: number): number {
  const rhs = t.columns;
  for (let iteration = 0; iteration < 50_000; iteration++) {
    const basic = new Set(t.basis);
    let enter = -1;
    for (let j = 0; j < allowed && enter < 0; j++) {
      if (basic.has(j)) continue;
      let reduced = cost[j]!;
      for (let i = 0; i < t.rows.length; i++) reduced -= cost[t.basis[i]!]! * t.rows[i]![j]!;
      if (reduced < -EPS) enter = j;
    }
    if (enter < 0) {
      let value = 0;
      for (let i = 0; i < t.rows.length; i++) value += cost[t.basis[i]!]! * t.rows[i]![rhs]!;
      return value;
    }
    let leave = -1;
    let best = Infinity;
    for (let i = 0; i < t.rows.length; i++) {
      const a = t.rows[i]![enter]!;
      if (a <= EPS) continue;
      const ratio = t.rows[i]![rhs]! / a;
      if (ratio < best - EPS || (ratio <= best + EPS && leave >= 0 && t.basis[i]! < t.basis[leave]!)) {
        best = ratio;
        leave = i;
      }
    }
    if (leave < 0) return -Infinity;
    pivot(t, leave, enter);
  }
  throw new Error("linearBounds: the simplex method did not finish");
}

const copy = (t: Tableau): Tableau => ({rows: t.rows.map((r) => r.slice()), basis: [...t.basis], columns: t.columns});

/**
 * A feasible tableau over the shifted unknowns y = x − lower and a slack per
 * finite upper bound, or null when no values satisfy the system.
 */
function feasibleTableau(system: LinearSystem): {tableau: Tableau; width: number} | null {
  const n = system.lower.length;
  const bounded = system.upper.map((u, j) => (Number.isFinite(u) ? j : -1)).filter((j) => j >= 0);
  const width = n + bounded.length;
  const rowCount = system.equations.length + bounded.length;
  const columns = width + rowCount;
  const rows: Float64Array[] = [];
  for (const eq of system.equations) {
    const row = new Float64Array(columns + 1);
    let rhs = eq.rhs;
    for (const [j, coef] of eq.terms) {
      row[j]! += coef;
      rhs -= coef * system.lower[j]!;
    }
    row[columns] = rhs;
    rows.push(row);
  }
  bounded.forEach((j, k) => {
    const row = new Float64Array(columns + 1);
    row[j] = 1;
    row[n + k] = 1;
    row[columns] = system.upper[j]! - system.lower[j]!;
    rows.push(row);
  });
  rows.forEach((row, i) => {
    if (row[columns]! < 0) for (let k = 0; k <= columns; k++) row[k] = -row[k]!;
    row[width + i] = 1;
  });
  const tableau: Tableau = {rows, basis: rows.map((_, i) => width + i), columns};
  const cost = new Float64Array(columns);
  for (let i = 0; i < rowCount; i++) cost[width + i] = 1;
  const scale = Math.max(1, ...rows.map((r) => Math.abs(r[columns]!)));
  if (minimize(tableau, cost, columns) > 1e-7 * scale) return null;
  // Drive the artificial columns out of the basis; a row where that is impossible repeats other rows.
  for (let i = tableau.rows.length - 1; i >= 0; i--) {
    if (tableau.basis[i]! < width) continue;
    const row = tableau.rows[i]!;
    let c = -1;
    for (let j = 0; j < width && c < 0; j++) if (Math.abs(row[j]!) > EPS) c = j;
    if (c >= 0) pivot(tableau, i, c);
    else {
      tableau.rows.splice(i, 1);
      tableau.basis.splice(i, 1);
    }
  }
  return {tableau, width};
}

/**
 * The range of every unknown (or of those listed in `wanted`) over all
 * solutions of the system; null when the system has no solution (the
 * published figures contradict the declared sums).
 */
export function linearBounds(system: LinearSystem, wanted?: readonly number[]): Range[] | null {
  const n = system.lower.length;
  const feasible = feasibleTableau(system);
  if (!feasible) return null;
  const {tableau, width} = feasible;
  const ranges: Range[] = system.lower.map((lo, j) => ({min: lo, max: system.upper[j]!}));
  for (const j of wanted ?? ranges.map((_, k) => k)) {
    if (j < 0 || j >= n) throw new RangeError(`linearBounds: no unknown ${j}`);
    const cost = new Float64Array(tableau.columns);
    cost[j] = 1;
    const min = minimize(copy(tableau), cost, width);
    cost[j] = -1;
    const negMax = minimize(copy(tableau), cost, width);
    ranges[j] = {min: system.lower[j]! + min, max: negMax === -Infinity ? Infinity : system.lower[j]! - negMax};
  }
  return ranges;
}
