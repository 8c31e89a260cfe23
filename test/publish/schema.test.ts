// The contract published to the browser side is the one the loaders declare.
import {readFileSync} from "node:fs";
import {join} from "node:path";
import {describe, expect, it} from "vitest";
import {TABLES} from "../../loaders/schema/tables.js";
import {MEASURES, STATUSES} from "../../loaders/schema/vocabulary.js";
import {schemaModule} from "../../publish/schema.js";
import * as published from "../../src/lib/schema.js";
import {ROOT} from "../helpers/dataDir.js";

describe("src/lib/schema.js", () => {
  it("is what `npm run schema` writes from loaders/schema/ (run it after changing the declarations)", () => {
    expect(readFileSync(join(ROOT, "src", "lib", "schema.js"), "utf8")).toBe(schemaModule());
  });

  it("holds the same tables, measures and statuses", () => {
    expect(published.TABLES).toEqual(JSON.parse(JSON.stringify(TABLES)));
    expect(published.MEASURES).toEqual(MEASURES);
    expect(published.STATUSES).toEqual(STATUSES);
  });
});
