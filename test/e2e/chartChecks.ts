// Checks of drawn charts in the real browser, shared by the page tests: texts
// cut at a chart's edge, and marks drawn where a value is missing.
import type {Locator} from "playwright-core";

/** Every <text> of the chart <svg>s under `container` that reaches outside its svg's box (real layout, real fonts). */
export async function textsOutsideCharts(container: Locator): Promise<string[]> {
  return container.locator("svg").evaluateAll((svgs) =>
    svgs.flatMap((svg) => {
      const box = svg.getBoundingClientRect();
      if (box.width === 0) return [];
      return [...svg.querySelectorAll("text")]
        .filter((text) => text.textContent?.trim())
        .map((text) => [text.textContent!, text.getBoundingClientRect()] as const)
        .filter(([, r]) => r.width > 0 && (r.left < box.left - 0.5 || r.right > box.right + 0.5 || r.top < box.top - 0.5 || r.bottom > box.bottom + 0.5))
        .map(([text, r]) => `"${text}" at ${r.left.toFixed(1)}–${r.right.toFixed(1)} in an svg at ${box.left.toFixed(1)}–${box.right.toFixed(1)}`);
    })
  );
}

/**
 * In a trend chart, what is drawn in `year`: the dots' heights, whether a gap
 * band covers the year, and the y of the zero line (from the "0" tick label).
 */
export async function drawnInYear(svg: Locator, year: number): Promise<{dots: number[]; band: boolean; zeroY: number | null}> {
  return svg.evaluate((element, year) => {
    const translate = (e: Element) => /translate\(([-\d.]+),([-\d.]+)\)/.exec(e.getAttribute("transform") ?? "")?.slice(1).map(Number) ?? [NaN, NaN];
    const tick = [...element.querySelectorAll('g[aria-label="x-axis tick label"] text')].find((t) => t.textContent === String(year));
    if (!tick) throw new Error(`no x tick for ${year}`);
    const x = translate(tick)[0]!;
    const zero = [...element.querySelectorAll('g[aria-label="y-axis tick label"] text')].find((t) => t.textContent === "0");
    const dots = [...element.querySelectorAll('g[aria-label="dot"] circle')].filter((c) => Math.abs(Number(c.getAttribute("cx")) - x) < 0.5).map((c) => Number(c.getAttribute("cy")));
    const band = [...element.querySelectorAll('g[aria-label="rect"] rect')].some((r) => {
      const left = Number(r.getAttribute("x"));
      return left < x && left + Number(r.getAttribute("width")) > x;
    });
    return {dots, band, zeroY: zero ? translate(zero)[1]! : null};
  }, year);
}
