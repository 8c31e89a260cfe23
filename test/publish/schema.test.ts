// The contract published to the browser side is the one the loaders declare.
import {readFileSync} from "node:fs";
import {join} from "node:path";
import {describe, expect, it} from "vitest";
import {TABLES} from "../../loaders/schema/tables.js";
import {MEASURES, STATUSES} from "../../loaders/schema/vocabulary.js";
import {schemaModule} from "../../publish/schema.js";
import * as published from "../../src/lib/schema.js";
import {isAnswer, isShare, markerOf, measureSpec, statusText} from "../../src/lib/vocabulary.js";
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

describe("src/lib/vocabulary.js", () => {
  it.each([
    ["share_yes", true, true],
    ["response_rate", true, true],
    ["percent", true, false],
    ["count", false, false],
    ["rate_per_1000", false, false],
    ["unknown", false, false]
  ])("%s: share %s, a unit's own answer %s", (measure, share, answer) => {
    expect([isShare(measure), isAnswer(measure)]).toEqual([share, answer]);
  });

  it("says what a status means, and marks it in published files", () => {
    expect(statusText("suppressed")).toBe("skyddad av sekretess");
    expect(statusText("no_answer")).toBe("besvarade inte enkäten");
    expect(statusText(null)).toBe("uppgift saknas");
    expect(markerOf("suppressed")).toBe("X");
    expect(markerOf("not_applicable")).toBe(".");
    expect(() => markerOf("ok")).toThrow(/no marker for status "ok"/);
  });

  it("gives decimals and range per measure", () => {
    expect(measureSpec("rate_per_1000")).toMatchObject({decimals: 1, min: 0, max: 1000});
    expect(measureSpec("count")).toMatchObject({decimals: 0, integer: true, max: null});
  });
});
