// @ts-check
// A selector of indicators by their full titles, grouped by theme (<optgroup>),
// the survey's themes first: its value is the chosen indicator's row, and it
// fires "input" like Observable's inputs, so a page can view() it.
import {html} from "htl";
import {indicatorGroups} from "../../lib/compare/text.js";
import {isAnswer} from "../../lib/vocabulary.js";

/**
 * @template {{id: string, theme: string, title: string, measure: string}} I
 * @param {readonly I[]} indicators
 * @param {{label?: string, value?: string, id?: string}} [options] value: the id chosen at first
 * @returns {HTMLElement & {value: I}}
 */
export function indicatorSelect(indicators, {label = "Indikator", value, id = "indikator"} = {}) {
  const groups = indicatorGroups(indicators, isAnswer);
  const byId = new Map(indicators.map((d) => [d.id, d]));
  const select = /** @type {HTMLSelectElement} */ (
    html`<select id=${id}>${groups.map((g) => html`<optgroup label=${g.theme}>${g.indicators.map((d) => html`<option value=${d.id} selected=${d.id === value}>${d.title}</option>`)}</optgroup>`)}</select>`
  );
  const root = /** @type {HTMLElement & {value: I}} */ (html`<div class="indicator-select"><label for=${id}>${label}</label>${select}</div>`);
  Object.defineProperty(root, "value", {get: () => byId.get(select.value), set: (d) => (select.value = d.id)});
  return root;
}
