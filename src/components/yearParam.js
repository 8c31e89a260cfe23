// @ts-check
// A year selector whose value lives in the URL (?ar=2013), so a link or a PDF
// run reproduces the view. Falls back to `value`, then the newest year.
import * as Inputs from "@observablehq/inputs";

/**
 * A select of `years` whose value is kept in the URL parameter `param`; the URL wins over `value`, then the newest year.
 * @param {readonly number[]} years
 * @param {{value?: number, label?: string, param?: string}} [options]
 * @returns {import("@observablehq/inputs").Input<number>}
 */
export function yearParam(years, {value, label = "År", param = "ar"} = {}) {
  const fromUrl = Number(new URLSearchParams(location.search).get(param));
  const initial = years.includes(fromUrl) ? fromUrl : value !== undefined && years.includes(value) ? value : years[years.length - 1];
  const input = Inputs.select(years, {label, value: initial, format: String});
  input.addEventListener("input", () => {
    const url = new URL(location.href);
    url.searchParams.set(param, String(input.value));
    history.replaceState(history.state, "", url);
  });
  return input;
}
