// @ts-check
// The comparison table of one indicator: the chosen units, then their
// kommungrupp, län and riket, with value, basis, 95 % interval and place (a
// range where the intervals leave it open); a value resting on few children is
// marked. Columns without any content (no basis for Kolada rates, no interval
// for survey shares, no place for a storstad) are left out.
import {html} from "htl";
import {basisText, cautionText, intervalText, placeText, valueText} from "../../lib/compare/views.js";

/**
 * The table of one indicator's display rows (src/lib/compare/views.js displayRows).
 * @param {import("../../lib/compare/views.js").IndicatorInfo} indicator
 * @param {readonly import("../../lib/compare/views.js").DisplayRow[]} rows
 * @param {{valueHeader?: string}} [options]
 * @returns {HTMLElement}
 */
export function comparisonTable(indicator, rows, {valueHeader = "Värde"} = {}) {
  const basis = rows.map((r) => basisText(r, indicator));
  const place = rows.map((r) => placeText(r, indicator));
  const interval = rows.map((r) => intervalText(r, indicator));
  const caution = rows.map((r) => cautionText(r, indicator));
  const showBasis = basis.some(Boolean) || caution.some(Boolean);
  const showInterval = interval.some(Boolean);
  const showPlace = place.some(Boolean);
  // A table wider than a phone scrolls; the keyboard must reach it to scroll it (WCAG 2.1.1).
  // With basis, interval and place the table needs about 540 px: wide, so a page can give it a row of its own.
  const wide = showBasis && showInterval && showPlace;
  return html`<div class=${wide ? "table-scroll wide" : "table-scroll"} tabindex="0" role="region" aria-label=${`Tabell: ${indicator.title}`}><table class="compare-table">
    <thead><tr><th>Område</th><th class="num">${valueHeader}</th>${showBasis ? html`<th>Underlag</th>` : ""}${showInterval ? html`<th class="num">Intervall 95 %</th>` : ""}${
      showPlace ? html`<th>Placering</th>` : ""
    }</tr></thead>
    <tbody>${rows.map(
      (r, i) => html`<tr class=${r.role === "unit" ? "role-unit" : "role-reference"} data-role=${r.role} data-code=${r.code}>
        <td><span class="area"><span class=${r.role === "unit" ? "swatch" : "swatch line"} style=${r.role === "unit" ? `background:${r.color}` : `border-color:${r.color}`}></span><span>${
          r.role === "grupp" ? html`${r.shortLabel}<span class="sub">${r.name}, ${r.method === "andel" ? "andel av gruppens enheter" : "median av gruppens kommuner"}</span>` : r.label
        }</span></span></td>
        <td class="num">${valueText(r, indicator) ?? html`<span class="status-note">${r.note}</span>`}</td>
        ${showBasis ? html`<td class="basis">${basis[i]}${caution[i] ? html`<span class="small-basis">${caution[i]}</span>` : ""}</td>` : ""}
        ${showInterval ? html`<td class="num interval">${interval[i]}</td>` : ""}
        ${showPlace ? html`<td class="place">${place[i] || (r.role === "unit" ? "–" : "")}</td>` : ""}
      </tr>`
    )}</tbody>
  </table></div>`;
}

/**
 * Term–text pairs as a description list (the definitions under the tool and on
 * the unit pages). Built whole in one cell: Framework wraps an inline
 * expression in a <span>, which a <dl> may not hold.
 * @param {readonly (readonly [string, string])[]} definitions
 * @returns {HTMLElement}
 */
export function definitionList(definitions) {
  // One node per term and per text: htl wraps a template of two elements in a <span>.
  return html`<dl class="definitions">${definitions.flatMap(([term, text]) => [html`<dt>${term}</dt>`, html`<dd>${text}</dd>`])}</dl>`;
}
