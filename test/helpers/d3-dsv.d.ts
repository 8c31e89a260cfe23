// The parts of d3-dsv the project uses (src/lib/csv.js writes with it; tests read back with it).
declare module "d3-dsv" {
  export interface DSV {
    formatRow(row: readonly string[]): string;
    parseRows(text: string): string[][];
  }
  export function dsvFormat(delimiter: string): DSV;
  export function csvParseRows(text: string): string[][];
}
