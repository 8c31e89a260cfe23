// Framework ships no types; the tests use its markdown parser to read exported pages as Framework does.
declare module "@observablehq/framework/dist/markdown.js" {
  export function createMarkdownIt(options?: Record<string, unknown>): unknown;
  export function parseMarkdown(input: string, options: {md: unknown; path: string}): unknown;
}
