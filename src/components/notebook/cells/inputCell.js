// @ts-check
// An input cell (a parameter): a select over fixed options, a search over
// kommuner and stadsdelar, a year or a number. SQL reads its value as
// $name (bound, never spliced), JavaScript and Markdown by name. Changing the
// value re-runs the cells that use it, and only those.
import {INPUT_KINDS} from "../../../lib/notebook/model.js";
import {el} from "../dom.js";

/** @typedef {import("../cellView.js").CellView} CellView */
/** @typedef {import("./types.js").CellKind} CellKind */
/** @typedef {import("../../../lib/notebook/model.js").InputSpec} InputSpec */

const KIND_LABELS = {select: "Lista", unit: "Kommun eller stadsdel", year: "År", number: "Tal"};

/**
 * @param {CellView} view
 * @returns {CellKind}
 */
export function inputCell(view) {
  const {session, cell} = view;
  const spec = /** @type {InputSpec} */ (cell.input);
  const control = el("div", {class: "nb-input-control"});
  const settings = el("div", {class: "nb-input-settings"});
  view.editorNode.replaceChildren(settings);
  view.displayNode.replaceChildren(control);

  /** @param {string | number | null} value */
  const setValue = (value) => {
    if (spec.value === value) return;
    spec.value = value;
    session.scheduleSave();
    session.inputChanged(cell);
  };

  async function renderControl() {
    const id = `nb-input-${cell.id}`;
    const label = el("label", {for: id}, spec.label || cell.name);
    /** @type {HTMLElement} */
    let field;
    if (spec.kind === "select") {
      field = el("select", {id, onchange: (/** @type {Event} */ e) => setValue(/** @type {HTMLSelectElement} */ (e.target).value)}, ...(spec.options ?? []).map((o) => el("option", {value: o, selected: o === spec.value}, o)));
    } else if (spec.kind === "unit") {
      const units = await session.units();
      const listId = `${id}-list`;
      const current = units.find((u) => u.code === spec.value);
      field = el(
        "span",
        {class: "nb-unit-search"},
        el("input", {
          id,
          type: "search",
          list: listId,
          value: current ? `${current.name} (${current.code})` : spec.value ?? "",
          placeholder: "Sök kommun eller stadsdel",
          autocomplete: "off",
          onchange: (/** @type {Event} */ e) => {
            const text = /** @type {HTMLInputElement} */ (e.target).value.trim();
            const found = units.find((u) => `${u.name} (${u.code})` === text || u.code === text || u.name.toLowerCase() === text.toLowerCase());
            if (found) setValue(found.code);
          }
        }),
        el("datalist", {id: listId}, ...units.map((u) => el("option", {value: `${u.name} (${u.code})`})))
      );
    } else if (spec.kind === "year") {
      const years = await session.years();
      field = el("select", {id, onchange: (/** @type {Event} */ e) => setValue(Number(/** @type {HTMLSelectElement} */ (e.target).value))}, ...years.map((y) => el("option", {value: String(y), selected: y === spec.value}, String(y))));
    } else {
      field = el("input", {
        id,
        type: "number",
        value: spec.value === null ? "" : String(spec.value),
        min: spec.min === undefined ? null : String(spec.min),
        max: spec.max === undefined ? null : String(spec.max),
        step: spec.step === undefined ? "any" : String(spec.step),
        onchange: (/** @type {Event} */ e) => {
          const number = /** @type {HTMLInputElement} */ (e.target).valueAsNumber;
          if (Number.isFinite(number)) setValue(number);
        }
      });
    }
    control.replaceChildren(label, field, el("code", {class: "nb-muted nb-param-name"}, `$${cell.name}`));
  }

  function renderSettings() {
    const kind = el(
      "select",
      {
        "aria-label": "Sorts inmatning",
        "data-setting": "kind",
        onchange: (/** @type {Event} */ e) => {
          const next = /** @type {InputSpec["kind"]} */ (/** @type {HTMLSelectElement} */ (e.target).value);
          Object.assign(spec, {kind: next, value: next === "year" ? 2016 : next === "number" ? 0 : null});
          if (next === "select" && !spec.options) spec.options = [];
          session.scheduleSave();
          renderSettings();
          renderControl();
        }
      },
      ...INPUT_KINDS.map((k) => el("option", {value: k, selected: k === spec.kind}, /** @type {Record<string, string>} */ (KIND_LABELS)[k]))
    );
    const label = el("input", {
      type: "text",
      "aria-label": "Etikett",
      placeholder: "Etikett",
      value: spec.label,
      "data-setting": "label",
      oninput: (/** @type {Event} */ e) => {
        spec.label = /** @type {HTMLInputElement} */ (e.target).value;
        session.scheduleSave();
        renderControl();
      }
    });
    const options =
      spec.kind === "select"
        ? el("input", {
            type: "text",
            "aria-label": "Alternativ, åtskilda med komma",
            placeholder: "Alternativ, åtskilda med komma",
            value: (spec.options ?? []).join(", "),
            "data-setting": "options",
            onchange: (/** @type {Event} */ e) => {
              spec.options = /** @type {HTMLInputElement} */ (e.target).value.split(",").map((o) => o.trim()).filter(Boolean);
              if (spec.value === null || !spec.options.includes(String(spec.value))) spec.value = spec.options[0] ?? null;
              session.scheduleSave();
              renderControl();
              session.inputChanged(cell);
            }
          })
        : null;
    settings.replaceChildren(el("span", {class: "nb-muted"}, "Inmatning:"), kind, label, options ?? "");
  }

  renderSettings();
  renderControl();
  return {
    editor: null,
    needsEngine: false,
    async execute() {
      await renderControl();
      return {kind: "shown", ms: 0, summary: `$${cell.name} = ${spec.value === null ? "inget värde" : JSON.stringify(spec.value)}`};
    },
    destroy() {}
  };
}
