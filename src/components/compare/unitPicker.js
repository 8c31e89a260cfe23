// @ts-check
// A combobox for kommuner and stadsdelar: type part of a name (accents and case
// ignored: "goteborg" finds Göteborg, "angered" the stadsdel Angered), pick with
// the mouse or the arrow keys and Enter. It follows the WAI-ARIA combobox
// pattern (input with role=combobox, a listbox of options, aria-activedescendant)
// and works as a Framework input: `view(unitPicker(units, …))` gives its value,
// a code (single) or an array of codes (multiple), and it dispatches "input"
// when the value changes.
import {searchUnits, unitLabel} from "../../lib/compare/text.js";

let counter = 0;

/**
 * An element with attributes (true: present, false/null: absent) and children.
 * @template {keyof HTMLElementTagNameMap} K
 * @param {K} tag
 * @param {Record<string, string | number | boolean | null | undefined>} [attributes]
 * @param {...(Node | string | null | undefined | false)} children
 * @returns {HTMLElementTagNameMap[K]}
 */
const h = (tag, attributes = {}, ...children) => {
  const element = document.createElement(tag);
  for (const [key, value] of Object.entries(attributes)) {
    if (value === false || value === null || value === undefined) continue;
    if (key === "class") element.className = String(value);
    else element.setAttribute(key, value === true ? "" : String(value));
  }
  element.append(...children.filter(/** @returns {c is Node | string} */ (c) => c !== null && c !== undefined && c !== false));
  return element;
};

/** @typedef {{code: string, name: string, kind: string, kommun_name?: string | null, lan_name?: string | null}} PickerUnit */

/**
 * units: rows with code, name, kind, kommun_name, lan_name (data/units/index.json).
 * options.multiple: chips and up to `max` codes; otherwise one code, replaced on pick.
 * options.exclude: () => codes not to offer (e.g. the main unit in the "compare with" picker).
 * @param {readonly PickerUnit[]} units
 * @param {{label?: string, value?: string | readonly string[] | null, multiple?: boolean, max?: number, placeholder?: string, exclude?: () => Iterable<string>, id?: string, colors?: readonly string[]}} [options]
 * @returns {HTMLDivElement & {value: string | string[] | null}}
 */
export function unitPicker(units, {label = "Kommun eller stadsdel", value, multiple = false, max = 5, placeholder = "Skriv en del av namnet", exclude = () => [], id, colors = []} = {}) {
  const byCode = new Map(units.map((u) => [u.code, u]));
  const uid = id ?? `unit-picker-${++counter}`;
  /** The chosen codes, in order; one at most unless `multiple`. @param {unknown} v @param {string[]} otherwise @returns {string[]} */
  const chosen = (v, otherwise) => {
    if (multiple) return [...(v !== null && typeof v === "object" && Symbol.iterator in v ? /** @type {Iterable<string>} */ (v) : [])].filter((c) => byCode.has(c)).slice(0, max);
    return typeof v === "string" && byCode.has(v) ? [v] : otherwise;
  };
  let selected = chosen(value, []);
  /** @type {PickerUnit[]} */
  let matches = [];
  let active = -1;

  const input = h("input", {
    id: `${uid}-input`,
    type: "text",
    role: "combobox",
    autocomplete: "off",
    spellcheck: "false",
    "aria-autocomplete": "list",
    "aria-expanded": "false",
    "aria-controls": `${uid}-list`,
    placeholder
  });
  const list = h("ul", {id: `${uid}-list`, role: "listbox", class: "unit-picker-list", "aria-label": label, hidden: true});
  const chips = h("ul", {class: "unit-picker-chips", "aria-label": "Valda"});
  const message = h("p", {class: "unit-picker-message", "aria-live": "polite"});
  const root = h(
    "div",
    {class: `unit-picker${multiple ? " unit-picker-multiple" : ""}`, id: uid},
    h("label", {for: `${uid}-input`}, label),
    multiple ? chips : null,
    h("div", {class: "unit-picker-combo"}, input, list),
    message
  );

  /** @param {PickerUnit} u */
  const describe = (u) => (u.kind === "stadsdel" ? `stadsdel i ${u.kommun_name}` : u.kind === "storstad" ? `storstad, ${u.lan_name}` : u.lan_name);

  function renderChips() {
    if (!multiple) {
      const unit = selected[0] === undefined ? undefined : byCode.get(selected[0]);
      input.value = unit ? unitLabel(unit) : "";
      if (colors[0]) input.style.setProperty("--chip-color", colors[0]);
      return;
    }
    chips.replaceChildren(
      ...selected.map((code, i) => {
        const unit = /** @type {PickerUnit} */ (byCode.get(code));
        const remove = h("button", {type: "button", class: "unit-picker-remove", "aria-label": `Ta bort ${unitLabel(unit)}`, title: "Ta bort"}, "×");
        remove.addEventListener("click", () => {
          selected = selected.filter((c) => c !== code);
          renderChips();
          emit();
          input.focus();
        });
        const chip = h("li", {class: "unit-picker-chip", "data-code": code}, h("span", {}, unitLabel(unit)), remove);
        const color = colors[i % colors.length];
        if (color) chip.style.setProperty("--chip-color", color);
        return chip;
      })
    );
    input.disabled = selected.length >= max;
    input.placeholder = selected.length >= max ? `Högst ${max} – ta bort en för att byta` : placeholder;
  }

  function close() {
    list.hidden = true;
    input.setAttribute("aria-expanded", "false");
    input.removeAttribute("aria-activedescendant");
    active = -1;
  }

  function renderList() {
    const excluded = new Set([...(multiple ? selected : []), ...exclude()]);
    matches = searchUnits(units, input.value, {limit: 12}).filter((u) => !excluded.has(u.code));
    const single = multiple || selected[0] === undefined ? undefined : byCode.get(selected[0]);
    if (!input.value.trim() || (single && input.value === unitLabel(single))) return close();
    if (matches.length === 0) {
      list.replaceChildren(h("li", {class: "unit-picker-empty", role: "option", "aria-disabled": "true"}, `Ingen kommun eller stadsdel matchar ”${input.value.trim()}”`));
    } else {
      list.replaceChildren(
        ...matches.map((u, i) => {
          const option = h("li", {id: `${uid}-option-${u.code}`, role: "option", "data-code": u.code, "aria-selected": i === active ? "true" : "false"}, h("strong", {}, u.name), h("span", {}, describe(u)));
          option.addEventListener("mousedown", (event) => event.preventDefault()); // keep focus in the input
          option.addEventListener("click", () => pick(u.code));
          return option;
        })
      );
    }
    list.hidden = false;
    input.setAttribute("aria-expanded", "true");
    const current = active >= 0 ? matches[active] : undefined;
    if (current) input.setAttribute("aria-activedescendant", `${uid}-option-${current.code}`);
    else input.removeAttribute("aria-activedescendant");
  }

  /** @param {string} code */
  function pick(code) {
    message.textContent = "";
    if (multiple) {
      if (!selected.includes(code)) {
        if (selected.length >= max) {
          message.textContent = `Du kan jämföra högst ${max} enheter.`;
          return;
        }
        selected = [...selected, code];
      }
      input.value = "";
    } else {
      selected = [code];
    }
    close();
    renderChips();
    emit();
  }

  function emit() {
    root.dispatchEvent(new Event("input", {bubbles: true}));
  }

  input.addEventListener("input", (event) => {
    event.stopPropagation(); // the picker's own value changes only on pick
    active = 0;
    renderList();
  });
  input.addEventListener("keydown", (event) => {
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      if (list.hidden) renderList();
      if (!matches.length) return;
      event.preventDefault();
      active = (active + (event.key === "ArrowDown" ? 1 : -1) + matches.length) % matches.length;
      renderList();
      document.getElementById(`${uid}-option-${matches[active]?.code}`)?.scrollIntoView({block: "nearest"});
    } else if (event.key === "Enter") {
      event.preventDefault();
      const match = matches[Math.max(active, 0)];
      if (!list.hidden && match) pick(match.code);
    } else if (event.key === "Escape") {
      close();
      if (!multiple) renderChips();
    }
  });
  input.addEventListener("focus", () => {
    if (!multiple) input.select();
  });
  input.addEventListener("blur", () => {
    close();
    if (!multiple) renderChips(); // an abandoned search shows the chosen unit again
  });

  Object.defineProperty(root, "value", {
    get: () => (multiple ? [...selected] : selected[0] ?? null),
    set: (v) => {
      selected = chosen(v, selected);
      renderChips();
    }
  });
  renderChips();
  return /** @type {HTMLDivElement & {value: string | string[] | null}} */ (root);
}
