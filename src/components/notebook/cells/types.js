// @ts-check
// What each kind of cell provides to its view (cellView.js).

/**
 * @typedef {{kind: "table", name: string, rowCount: number, columns: {name: string, type: string}[], ms: number}} TableOutcome
 * @typedef {{kind: "statement", rows: Record<string, any>[], rowCount: number, columns: {name: string, type: string}[], ms: number}} StatementOutcome
 * @typedef {{kind: "shown", ms: number, summary?: string}} ShownOutcome
 * @typedef {TableOutcome | StatementOutcome | ShownOutcome} Outcome
 * @typedef {{
 *   editor: import("../editor.js").Editor | null,
 *   needsEngine: boolean,
 *   execute(): Promise<Outcome>,
 *   reset?(): void,
 *   destroy(): void
 * }} CellKind
 */
export {};
