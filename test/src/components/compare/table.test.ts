// @vitest-environment jsdom
// The definitions under the tool and on the unit pages: a valid description list.
import {expect, it} from "vitest";
import {definitionList} from "../../../../src/components/compare/table.js";

it("holds only <dt> and <dd>, in pairs (no <span> between them, which axe reports as serious)", () => {
  const dl = definitionList([
    ["Kommungrupp", "SKR:s indelning"],
    ["Placering", "Plats 1 har det högsta värdet"]
  ]);
  expect([...dl.children].map((c) => c.tagName)).toEqual(["DT", "DD", "DT", "DD"]);
  expect(dl.children[1]!.textContent).toBe("SKR:s indelning");
});
