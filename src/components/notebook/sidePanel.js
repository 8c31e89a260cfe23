// @ts-check
// The notebook's side panel: the project's tables with their columns (a click
// inserts a name into the cell being edited), the results the notebook has
// made so far, example queries, and help.
import {rowsText} from "../../lib/notebook/display.js";
import {EXAMPLES, followUpExample} from "../../lib/notebook/examples.js";
import {el} from "./dom.js";

/** @typedef {{name: string, description: string, columns: {name: string, type: string, description: string}[]}} SchemaTable */
/** @typedef {{title: string, description: string, sql: string}} Example */

export const CSV_NOTE =
  "Två sorters CSV: ”för Excel” har semikolon, decimalkomma och en BOM så att svensk Excel öppnar filen rätt vid dubbelklick; ”för program” följer RFC 4180 (komma, punkt som decimaltecken, UTF-8) och läses av R, Python och DuckDB utan inställningar. Text som börjar med =, +, −, @ skrivs så att Excel visar den som text och aldrig kör den som formel.";

/** @param {number | undefined} n */
const rowsTextOrEmpty = (n) => (n === undefined ? "" : rowsText(n));

/**
 * @param {{tables: SchemaTable[], insert: (text: string) => void, onExample: (example: Example) => void}} options
 */
export function sidePanel({tables, insert, onExample}) {
  const tablesNode = el("div", {class: "nb-tables"});
  const resultsNode = el("div", {class: "nb-results-list"});
  const examplesNode = el("ul", {class: "nb-examples"});
  const extra = el("div", {class: "nb-aside-extra"});
  const node = el(
    "aside",
    {class: "nb-aside", "aria-label": "Tabeller och exempel"},
    extra,
    el("h2", {}, "Tabeller"),
    el("p", {class: "nb-muted"}, "Klicka på ett tabell- eller kolumnnamn för att skriva in det i cellen du arbetar i."),
    tablesNode,
    resultsNode,
    el("h2", {}, "Exempel"),
    el("p", {class: "nb-muted"}, "Ett klick lägger in frågan i en cell och kör den."),
    examplesNode,
    el(
      "details",
      {class: "nb-help"},
      el("summary", {}, "Tangenter och tips"),
      el(
        "ul",
        {},
        el("li", {}, el("kbd", {}, "Shift"), "+", el("kbd", {}, "Enter"), " kör cellen och går till nästa; ", el("kbd", {}, "Ctrl"), "+", el("kbd", {}, "Enter"), " (", el("kbd", {}, "⌘"), "+", el("kbd", {}, "Enter"), " på Mac) kör cellen."),
        el("li", {}, el("kbd", {}, "Ctrl"), "+", el("kbd", {}, "Mellanslag"), " föreslår tabeller, kolumner och ord."),
        el("li", {}, "Varje cells resultat blir en tabell med cellens namn som senare celler kan fråga, i SQL eller som en Arquero-tabell i JavaScript."),
        el("li", {}, "En inmatning som heter kommun skrivs $kommun i SQL; ändrar du den körs de celler som använder den."),
        el("li", {}, 'I text: ${value("resultat1", "procent")} visar första radens värde, ${rowCount("resultat1")} antalet rader.'),
        el("li", {}, "JavaScript: ett uttryck blir cellens värde; med flera satser ger return värdet. En Arquero-tabell eller en lista av objekt blir en tabell som SQL kan fråga. Koden körs i en isolerad sandlåda utan nätverk och utan tillgång till sidans lagring."),
        el("li", {}, "Frågorna körs av DuckDB i din webbläsare. Inget skickas till någon server."),
        el("li", {}, "Klicka på en kolumnrubrik för att sortera hela resultatet.")
      )
    ),
    el("details", {class: "nb-help"}, el("summary", {}, "Om CSV-filerna"), el("p", {}, CSV_NOTE))
  );

  return {
    node,
    /** A place above the tables for the list of notebooks. */
    extra,
    /** @param {Record<string, number>} counts */
    renderTables(counts) {
      tablesNode.replaceChildren(
        ...tables.map((t) =>
          el(
            "details",
            {class: "nb-table-info", "data-table": t.name},
            el("summary", {}, el("code", {}, t.name), " ", el("span", {class: "nb-muted nb-count"}, rowsTextOrEmpty(counts[t.name]))),
            el("p", {class: "nb-table-description"}, t.description, " ", el("button", {type: "button", class: "nb-link", onclick: () => insert(t.name)}, "Infoga namnet")),
            el(
              "dl",
              {class: "nb-columns"},
              ...t.columns.flatMap((c) => [
                el("dt", {}, el("button", {type: "button", class: "nb-column-name", title: "Infoga kolumnnamnet", onclick: () => insert(c.name)}, c.name), " ", el("span", {class: "nb-type"}, c.type)),
                el("dd", {}, c.description)
              ])
            )
          )
        )
      );
    },
    /** @param {{name: string, rowCount: number, columns: number}[]} results */
    renderResults(results) {
      resultsNode.replaceChildren();
      if (!results.length) return;
      resultsNode.append(
        el("h3", {}, "Resultat i anteckningsboken"),
        el(
          "ul",
          {},
          ...results.map((r) =>
            el(
              "li",
              {},
              el("button", {type: "button", class: "nb-column-name", onclick: () => insert(r.name), title: "Infoga namnet"}, r.name),
              " ",
              el("span", {class: "nb-muted"}, `${rowsText(r.rowCount)}, ${r.columns} kolumner`)
            )
          )
        )
      );
    },
    /** @param {string | null} firstResult the first cell with a result, for a follow-up example */
    renderExamples(firstResult) {
      const examples = firstResult ? [...EXAMPLES, followUpExample(firstResult)] : EXAMPLES;
      examplesNode.replaceChildren(
        ...examples.map((example) =>
          el("li", {}, el("button", {type: "button", class: "nb-example", onclick: () => onExample(example)}, el("strong", {}, example.title), el("span", {}, example.description)))
        )
      );
    }
  };
}
