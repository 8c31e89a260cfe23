// Types for the browser libraries the project imports that ship none, limited to
// the calls the checked modules under src/ make (see their documentation).

declare module "htl" {
  /** A DOM node from a template; interpolated values are escaped for their context. */
  export function html(strings: TemplateStringsArray, ...values: unknown[]): HTMLElement;
  export function svg(strings: TemplateStringsArray, ...values: unknown[]): SVGElement;
}

declare module "@observablehq/inputs" {
  /** An input whose current value is `value`; it dispatches "input" when that changes. */
  export type Input<T> = HTMLElement & {value: T};
  export function select<T>(data: Iterable<T>, options?: {label?: string; value?: T; format?: (value: T) => string; multiple?: boolean}): Input<T>;
  export function table<T>(data: Iterable<T>, options?: Record<string, unknown>): Input<T[]>;
}

declare module "observablehq:stdlib" {
  /** A file of the site, resolved and copied into dist/ by Framework at build time. */
  export function FileAttachment(name: string): {href: string; size: number; name: string; json(): Promise<any>; arrayBuffer(): Promise<ArrayBuffer>};
  export const Generators: {input<T>(element: HTMLElement & {value: T}): AsyncGenerator<T>};
}
