// Where a chart's texts and marks sit, read from the SVG that Observable Plot
// writes (under jsdom, which lays nothing out): positions from the translate()
// transforms of an element and its ancestors, widths from the charts' own
// upper-bound estimate of text width. Browser tests measure the real boxes.
import {textWidth} from "../../src/lib/charts/labels.js";

const translateOf = (element: Element): [number, number] => {
  const match = /translate\(\s*([-\d.e]+)[,\s]+([-\d.e]+)\s*\)/.exec(element.getAttribute("transform") ?? "");
  return match ? [Number(match[1]), Number(match[2])] : [0, 0];
};

/** The nearest value of an attribute on the element or an ancestor. */
function inherited(element: Element, name: string): string | null {
  for (let e: Element | null = element; e; e = e.parentElement) if (e.hasAttribute(name)) return e.getAttribute(name);
  return null;
}

/** A <text>'s horizontal extent [left, right] in the svg's coordinates. */
export function textExtent(text: Element): [number, number] {
  let x = Number(text.getAttribute("x") ?? 0);
  for (let e: Element | null = text; e && e.tagName.toLowerCase() !== "svg"; e = e.parentElement) x += translateOf(e)[0];
  const width = textWidth(text.textContent ?? "", {fontSize: Number(inherited(text, "font-size") ?? 10), bold: inherited(text, "font-weight") === "bold"});
  const anchor = inherited(text, "text-anchor") ?? "start";
  return anchor === "end" ? [x - width, x] : anchor === "middle" ? [x - width / 2, x + width / 2] : [x, x + width];
}

/** The texts of a chart that reach outside its width, with their extents. */
export function textsOutside(svg: Element): string[] {
  const width = Number(svg.getAttribute("width"));
  return [...svg.querySelectorAll("text")]
    .map((t) => [t.textContent ?? "", textExtent(t)] as const)
    .filter(([, [left, right]]) => left < 0 || right > width)
    .map(([text, [left, right]]) => `"${text}" at ${left.toFixed(1)}–${right.toFixed(1)} (width ${width})`);
}

/** The marks of one kind (Plot's aria-label, e.g. "dot", "bar", "line"). */
export function marks(svg: Element, kind: string, element = "*"): Element[] {
  return [...svg.querySelectorAll(`g[aria-label="${kind}"] > ${element}`)];
}

/** The chart's <svg> (a chart with a legend is a <div> holding two). */
export function chartSvg(node: Element): Element {
  if (node.tagName.toLowerCase() === "svg") return node;
  const svg = node.querySelector("svg:not(.chart-legend)");
  if (!svg) throw new Error("no chart svg");
  return svg;
}
