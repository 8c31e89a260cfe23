// @ts-check
// A page's first view, answered at build time. The page's queries are named
// functions of a `query(sql)` (src/lib/…); publish/firstViews.ts runs them with
// DuckDB in node for the parameters a page opens with and records each answer
// under its name and parameters. In the page, `answer` returns the recorded
// answer when the parameters are those, and otherwise runs the same function
// with DuckDB-WASM: the first view is drawn from the page's own data file,
// before the engine is even fetched, and a later choice gives the same shape
// of answer from the engine, so the page changes only where the data does.

/** @typedef {{name: string, params: Record<string, unknown>, value: unknown}} Recorded */

/**
 * The key of an answer: its name and its parameters (keys sorted).
 * @param {string} name
 * @param {Record<string, unknown>} params
 */
export function answerKey(name, params) {
  return `${name}:${JSON.stringify(Object.fromEntries(Object.entries(params).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))))}`;
}

/**
 * Records answers (build time): each [name, params, compute] is computed and kept with its key.
 * @param {[string, Record<string, unknown>, () => Promise<unknown>][]} entries
 * @returns {Promise<Recorded[]>}
 */
export async function recordAnswers(entries) {
  return Promise.all(entries.map(async ([name, params, compute]) => ({name, params, value: await compute()})));
}

/**
 * The recorded answers of a page, to answer from (page side).
 * @param {Recorded[]} recorded
 */
export function recordedAnswers(recorded) {
  const byKey = new Map(recorded.map((r) => [answerKey(r.name, r.params), r.value]));
  return {
    /**
     * The recorded answer for these parameters, else `compute()` (which asks the engine).
     * @template T
     * @param {string} name
     * @param {Record<string, unknown>} params
     * @param {() => Promise<T>} compute
     * @returns {T | Promise<T>}
     */
    answer(name, params, compute) {
      const key = answerKey(name, params);
      return byKey.has(key) ? /** @type {T} */ (byKey.get(key)) : compute();
    },
    /** @param {string} name @param {Record<string, unknown>} params */
    has: (name, params) => byKey.has(answerKey(name, params))
  };
}
