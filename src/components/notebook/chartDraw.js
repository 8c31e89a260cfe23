// Draws a notebook chart spec with Observable Plot.
import * as Plot from "@observablehq/plot";
import {formatNumber} from "../../lib/format.js";
import {compilePlot} from "../../lib/notebook/chart.js";

/**
 * @param {import("../../lib/notebook/chart.js").ChartSpec} spec
 * @param {Record<string, any>[]} rows
 * @param {{width: number}} options
 * @returns {Element}
 */
export function drawChart(spec, rows, {width}) {
  return /** @type {Element} */ (compilePlot(spec)(Plot, formatNumber, rows, width));
}
