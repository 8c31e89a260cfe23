// @ts-check
// The table of all kommuner (and stadsdelar) for one indicator and year:
// filter by län or kommungrupp, sort by any column (buttons in the headers,
// with aria-sort), download what is shown as csv or Excel. The rows and their
// rules come from src/lib/compare/unitList.js.
import {html} from "htl";
import {formatNumber} from "../../lib/format.js";
import {filterList, listChoices, listExport, sortList} from "../../lib/compare/unitList.js";
import {EXPORT_COLUMNS} from "../../lib/compare/views.js";
import {tableDownloads} from "./download.js";

/** @typedef {import("../../lib/compare/unitList.js").ListRow} ListRow */
/** @typedef {import("../../lib/compare/unitList.js").ListKey} ListKey */

/** The columns: key, header, whether numeric, and the first direction of a click. */
const COLUMNS = /** @type {{key: ListKey, label: string, num?: boolean, first: "ascending" | "descending"}[]} */ ([
  {key: "name", label: "Namn", first: "ascending"},
  {key: "code", label: "Kod", first: "ascending"},
  {key: "lan", label: "Län", first: "ascending"},
  {key: "grupp", label: "Kommungrupp", first: "ascending"},
  {key: "value", label: "Värde", num: true, first: "descending"},
  {key: "rank", label: "Placering", num: true, first: "ascending"}
]);

/**
 * @param {ListRow[]} rows every unit (listRows)
 * @param {{indicator: import("../../lib/compare/views.js").IndicatorInfo & {short_title: string, source?: string}, year: number, about?: () => [string, string][], unitHref?: (code: string) => string}} options
 * @returns {HTMLElement}
 */
export function unitListTable(rows, {indicator, year, about = () => [], unitHref = (code) => `./kommun/${code}`}) {
  const survey = indicator.source === "enkät";
  // Places only where values are ranked (not a unit's own yes or no).
  const ranked = rows.some((r) => r.rank !== null);
  const choices = listChoices(rows);
  /** @type {{lan: string, grupp: string, stadsdelar: boolean, key: ListKey, direction: "ascending" | "descending"}} */
  const state = {lan: "", grupp: "", stadsdelar: survey, key: "value", direction: "descending"};
  const id = `lista-${indicator.id}`;

  const lanSelect = /** @type {HTMLSelectElement} */ (html`<select id=${`${id}-lan`}><option value="">Alla län</option>${choices.lan.map((c) => html`<option value=${c.code}>${c.name}</option>`)}</select>`);
  const gruppSelect = /** @type {HTMLSelectElement} */ (html`<select id=${`${id}-grupp`}><option value="">Alla kommungrupper</option>${choices.grupp.map((c) => html`<option value=${c.code}>${c.name}</option>`)}</select>`);
  const partsBox = /** @type {HTMLInputElement} */ (html`<input type="checkbox" id=${`${id}-stadsdelar`} checked=${state.stadsdelar}>`);
  const count = html`<p class="caption" aria-live="polite"></p>`;
  const body = html`<tbody></tbody>`;
  const headers = COLUMNS.filter((c) => ranked || c.key !== "rank").map((c) => {
    const button = html`<button type="button" class="sort-button">${c.label}</button>`;
    const th = html`<th scope="col" class=${c.num ? "num" : ""} data-key=${c.key}>${button}</th>`;
    button.addEventListener("click", () => {
      state.direction = state.key === c.key ? (state.direction === "ascending" ? "descending" : "ascending") : c.first;
      state.key = c.key;
      render();
    });
    return th;
  });
  const shown = () => sortList(filterList(rows, {lan: state.lan || null, grupp: state.grupp || null, stadsdelar: state.stadsdelar}), state.key, state.direction);

  function render() {
    const list = shown();
    for (const th of headers) {
      if (th.dataset.key === state.key) th.setAttribute("aria-sort", state.direction);
      else th.removeAttribute("aria-sort");
    }
    count.textContent = `Visar ${formatNumber(list.length)} av ${formatNumber(rows.length)} enheter${state.lan ? ` i ${choices.lan.find((c) => c.code === state.lan)?.name}` : ""}${
      state.grupp ? `, kommungrupp ${state.grupp}` : ""
    }.`;
    body.replaceChildren(
      ...list.map(
        (r) => html`<tr data-code=${r.code}>
          <th scope="row"><a href=${unitHref(r.code)}>${r.name}</a></th>
          <td class="code">${r.code}</td>
          <td>${r.lan_name}</td>
          <td>${r.kommungrupp}<span class="sub">${r.kommungrupp_name}</span></td>
          <td class="num">${r.value === null ? html`<span class="status-note">${r.note}</span>` : r.text}${r.basis ? html`<span class="sub">${r.basis}</span>` : ""}</td>
          ${ranked ? html`<td class="num">${r.rank ? `${formatNumber(r.rank)} av ${formatNumber(r.rank_n)}` : ""}</td>` : ""}
        </tr>`
      )
    );
  }
  lanSelect.addEventListener("change", () => ((state.lan = lanSelect.value), render()));
  gruppSelect.addEventListener("change", () => ((state.grupp = gruppSelect.value), render()));
  partsBox.addEventListener("change", () => ((state.stadsdelar = partsBox.checked), render()));
  render();

  return html`<div class="all-units" id=${id}>
    <div class="compare-controls all-units-filters">
      <div><label for=${`${id}-lan`}>Län</label>${lanSelect}</div>
      <div><label for=${`${id}-grupp`}>Kommungrupp</label>${gruppSelect}</div>
      ${survey ? html`<div class="checkbox">${partsBox}<label for=${`${id}-stadsdelar`}>Visa stadsdelarna i Stockholm, Göteborg och Malmö</label></div>` : ""}
    </div>
    ${count}
    <div class="table-scroll" tabindex="0" role="region" aria-label=${`${indicator.short_title} ${year}, alla kommuner`}>
      <table class="compare-table all-units-table">
        <caption>${indicator.short_title} ${year}: ${indicator.unit}. Klicka på en kolumnrubrik för att sortera.</caption>
        <thead><tr>${headers}</tr></thead>
        ${body}
      </table>
    </div>
    ${tableDownloads(() => listExport(indicator, shown(), year), EXPORT_COLUMNS, `${indicator.id}-${year}-alla-enheter`, {
      label: "Ladda ner tabellen som den visas:",
      about: /** @type {any} */ (about)
    })}
  </div>`;
}
