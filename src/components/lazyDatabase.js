// @ts-check
// The database of a page whose first view comes from build-time files
// (src/lib/firstView.js): nothing of DuckDB-WASM, not even its JavaScript, is
// loaded until the reader asks for something those files do not hold; the
// first such question imports src/components/db.js and opens the tables, and
// later ones reuse it.

/**
 * @param {Record<string, string>} tables {name: Parquet URL}, as for Database.open
 */
export function lazyDatabase(tables) {
  /** @type {Promise<import("./db.js").Database> | null} */
  let opening = null;
  const open = () => (opening ??= import("./db.js").then(({Database}) => Database.open(tables)));
  return {
    /** Starts DuckDB-WASM (once) and resolves with the Database. */
    open,
    /** True once something asked the engine. */
    get started() {
      return opening !== null;
    },
    /**
     * Runs SQL text (the `query(sql)` of src/lib's query functions).
     * @param {string} text
     */
    query: async (text) => (await open()).query(text)
  };
}
