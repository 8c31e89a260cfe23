// Framework's own Markdown parser, used by tests to render a page as the build
// does (Framework ships it without type declarations).
declare module "@observablehq/framework/dist/markdown.js" {
  export interface MarkdownCode {
    node: {input: string; imports: {name: string; type: string}[]; declarations: {name: string}[] | null};
  }
  export function createMarkdownIt(options?: {markdownIt?: (md: never) => unknown}): unknown;
  export function parseMarkdown(input: string, options: {md: unknown; path: string; params?: Record<string, string>}): {title: string | null; body: string; code: MarkdownCode[]};
}
