// @ts-check
// "Mina anteckningsböcker": the notebooks kept in this browser (library.js),
// to open, rename or delete. The open one is marked; an opened link or file
// is an entry of its own, so nothing here is ever overwritten by it.
import {formatNumber} from "../../lib/format.js";
import {el} from "./dom.js";

/** @typedef {import("../../lib/notebook/library.js").Entry} Entry */

const ORIGIN = {egen: "", länk: " · från en länk", fil: " · från en fil"};

/**
 * @param {{onOpen: (id: string) => void, onRename: (id: string, title: string) => void, onDelete: (id: string) => void, onNew: () => void}} actions
 */
export function libraryPanel({onOpen, onRename, onDelete, onNew}) {
  const list = el("ul", {class: "nb-library-list"});
  const node = el(
    "section",
    {class: "nb-library", "aria-label": "Mina anteckningsböcker"},
    el("h2", {}, "Mina anteckningsböcker"),
    el("p", {class: "nb-muted"}, "Sparas i den här webbläsaren. En anteckningsbok från en länk eller fil läggs till som en ny, och skriver aldrig över dina."),
    list,
    el("button", {type: "button", class: "nb-link", "data-action": "library-new", onclick: onNew}, "+ Ny anteckningsbok")
  );
  return {
    node,
    /** @param {Entry[]} entries @param {string | null} current */
    render(entries, current) {
      list.replaceChildren(
        ...entries.map((entry) => {
          const date = new Date(entry.updated);
          const when = Number.isNaN(date.getTime()) ? "" : `${date.getDate()}/${date.getMonth() + 1} ${String(date.getHours()).padStart(2, "0")}:${String(date.getMinutes()).padStart(2, "0")}`;
          const item = el("li", {"data-notebook": entry.id, class: entry.id === current ? "nb-library-current" : ""});
          const open = el("button", {type: "button", class: "nb-library-open", "aria-current": entry.id === current ? "true" : null, onclick: () => onOpen(entry.id)}, entry.title);
          const rename = el(
            "button",
            {
              type: "button",
              class: "nb-icon",
              "data-action": "library-rename",
              "aria-label": `Byt namn på ${entry.title}`,
              title: "Byt namn",
              onclick: () => {
                const input = el("input", {
                  type: "text",
                  value: entry.title,
                  maxlength: "120",
                  "aria-label": "Nytt namn",
                  onkeydown: (/** @type {KeyboardEvent} */ e) => {
                    if (e.key === "Enter") input.blur();
                    if (e.key === "Escape") {
                      input.value = entry.title;
                      input.blur();
                    }
                  },
                  onblur: () => {
                    const title = input.value.trim();
                    if (title && title !== entry.title) onRename(entry.id, title);
                    else item.replaceChildren(open, meta, rename, remove);
                  }
                });
                item.replaceChildren(input);
                input.focus();
                input.select();
              }
            },
            "✎"
          );
          const remove = el("button", {type: "button", class: "nb-icon", "data-action": "library-delete", "aria-label": `Ta bort ${entry.title}`, title: "Ta bort", onclick: () => onDelete(entry.id)}, "✕");
          const meta = el("span", {class: "nb-muted"}, `${when}${/** @type {Record<string, string>} */ (ORIGIN)[entry.origin] ?? ""}${entry.trusted ? "" : " · inte körd"}`);
          item.append(open, meta, rename, remove);
          return item;
        })
      );
      node.dataset.count = formatNumber(entries.length);
    }
  };
}
