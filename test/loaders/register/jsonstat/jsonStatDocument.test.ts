// The shapes a JSON-stat response comes in.
import {describe, expect, it} from "vitest";
import {datasetsOf, pickDataset} from "../../../../loaders/register/jsonstat/jsonStatDocument.js";
import {loadError} from "../../../helpers/loadError.js";

const dataset = {class: "dataset", label: "A", id: ["Tid"], size: [1], dimension: {Tid: {category: {index: ["2016"]}}}, value: [1]};

describe("datasetsOf", () => {
  it("reads a dataset, a collection's embedded items, a 2.0 bundle and a 1.x bundle", () => {
    expect(datasetsOf("f.json", dataset).map((d) => [d.name, d.version])).toEqual([["A", "2.0"]]);
    expect(datasetsOf("f.json", {class: "collection", link: {item: [dataset, {...dataset, label: "B"}]}}).map((d) => d.name)).toEqual(["A", "B"]);
    expect(datasetsOf("f.json", {class: "bundle", one: {...dataset, class: undefined}}).map((d) => d.name)).toEqual(["one"]);
    const v1 = {old: {dimension: {id: ["Tid"], size: [1], role: {time: ["Tid"]}, Tid: {category: {index: {"2016": 0}}}}, value: [1]}};
    expect(datasetsOf("f.json", v1)).toMatchObject([{name: "old", version: "1.x", ids: ["Tid"], sizes: [1], role: {time: ["Tid"]}}]);
  });

  it("refuses a collection that only links to its datasets", () => {
    expect(loadError(() => datasetsOf("f.json", {class: "collection", link: {item: [{class: "dataset", href: "https://example.org/a.json"}]}})).message).toBe(
      "f.json: collection item 1 (https://example.org/a.json) only links to a dataset: expected datasets embedded in the collection; fetch the dataset itself"
    );
  });
});

describe("pickDataset", () => {
  const collection = {class: "collection", link: {item: [dataset, {...dataset, label: "B"}]}};
  it("picks by name or label, and names the choices when none is declared", () => {
    expect(pickDataset("f.json", collection, "B").name).toBe("B");
    expect(loadError(() => pickDataset("f.json", collection, undefined)).message).toBe('f.json: holds 2 datasets, "A" and "B": declare which one the source reads ("dataset" in data/sources.json)');
    expect(loadError(() => pickDataset("f.json", collection, "C")).message).toBe('f.json: has no dataset "C": it holds "A" and "B"');
  });
});
