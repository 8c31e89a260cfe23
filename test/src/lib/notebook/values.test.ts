// Values on their way to the screen: Arrow results as plain rows (arrowRows.js),
// Swedish display (display.js) and DuckDB errors in Swedish (errors.js).
import {Bool, Date_, DateUnit, Decimal, Float64, Int32, Int64, List, makeData, Field, Struct, Table, TimestampMillisecond, Utf8, Vector, vectorFromArray} from "apache-arrow";
import {describe, expect, it} from "vitest";
import {describeError} from "../../../../src/lib/notebook/errors.js";
import {durationText, formatCell, rowsText} from "../../../../src/lib/notebook/display.js";
import {arrowToRows, nestedText} from "../../../../src/lib/arrowRows.js";

/** A Decimal128 vector (DuckDB's DECIMAL and HUGEINT arrive this way) from unscaled integers. */
function decimalVector(unscaled: bigint[], scale: number, precision = 38) {
  const words = new Uint32Array(unscaled.length * 4);
  unscaled.forEach((value, i) => {
    let v = BigInt.asUintN(128, value);
    for (let w = 0; w < 4; w++) {
      words[i * 4 + w] = Number(v & 0xffffffffn);
      v >>= 32n;
    }
  });
  return new Vector([makeData({type: new Decimal(scale, precision, 128), length: unscaled.length, nullCount: 0, data: words})]);
}

describe("arrowToRows", () => {
  it("turns DuckDB's types into plain JS values", () => {
    const table = new Table({
      year: vectorFromArray([2016, null], new Int32()),
      antal: vectorFromArray([12345678901n, 2n], new Int64()),
      andel: decimalVector([15n, -12345n], 1),
      summa: decimalVector([6817877n, 0n], 0),
      värde: vectorFromArray([0.5, null], new Float64()),
      namn: vectorFromArray(["Åmål", null], new Utf8()),
      ok: vectorFromArray([true, false], new Bool()),
      dag: vectorFromArray([new Date(Date.UTC(2020, 0, 2)), null], new Date_(DateUnit.DAY)),
      tid: vectorFromArray([new Date(Date.UTC(2020, 0, 2, 3, 4, 5)), null], new TimestampMillisecond()),
      lista: vectorFromArray([[1, 2], []], new List(new Field("item", new Int32(), true))),
      post: vectorFromArray([{a: 1, b: "x"}, null], new Struct([new Field("a", new Int32(), true), new Field("b", new Utf8(), true)]))
    });
    const rows = arrowToRows(table);
    expect(rows.columns).toEqual(["year", "antal", "andel", "summa", "värde", "namn", "ok", "dag", "tid", "lista", "post"]);
    expect(rows[0]).toEqual({
      year: 2016,
      antal: 12345678901,
      andel: 1.5,
      summa: 6817877,
      värde: 0.5,
      namn: "Åmål",
      ok: true,
      dag: new Date(Date.UTC(2020, 0, 2)),
      tid: new Date(Date.UTC(2020, 0, 2, 3, 4, 5)),
      lista: "[1, 2]",
      post: "{'a': 1, 'b': 'x'}"
    });
    expect(rows[1]).toMatchObject({year: null, antal: 2, andel: -1234.5, summa: 0, värde: null, namn: null, ok: false, dag: null, tid: null, lista: "[]", post: null});
  });

  it("writes nested values the way DuckDB prints them", () => {
    expect(nestedText(["it's", null, 3n])).toBe("['it''s', NULL, 3]");
    expect(nestedText(new Map([["k", 1]]))).toBe("{'k'=1}");
  });
});

describe("display", () => {
  it.each([
    [1234567.891, "number", "1\u202f234\u202f567,891"],
    [0.5, "number", "0,5"],
    [-3, "number", "\u22123"],
    [2016, "year", "2016"],
    [2016, "number", "2\u202f016"],
    [Infinity, "number", "∞"],
    [true, "category", "sant"],
    [false, "category", "falskt"],
    [null, "number", null],
    ["Ängelholm", "category", "Ängelholm"]
  ])("%j as %s → %j", (value, kind, text) => expect(formatCell(value, kind)).toBe(text));

  it("writes dates as ISO dates, times without milliseconds", () => {
    expect(formatCell(new Date(Date.UTC(2020, 0, 2)), "time")).toBe("2020-01-02");
    expect(formatCell(new Date(Date.UTC(2020, 0, 2, 3, 4, 5)), "time")).toBe("2020-01-02 03:04:05");
  });

  it("counts rows and times in Swedish", () => {
    expect(rowsText(1)).toBe("1 rad");
    expect(rowsText(31721)).toBe("31\u202f721 rader");
    expect(durationText(0.42)).toBe("0,4 ms");
    expect(durationText(12.4)).toBe("12 ms");
    expect(durationText(1234)).toBe("1,2 s");
    expect(durationText(125000)).toBe("2 min 5 s");
  });
});

describe("describeError", () => {
  it("introduces DuckDB's message in Swedish and keeps it", () => {
    const error = new Error('Catalog Error: Table with name resultat9 does not exist!\nDid you mean "resultat1"?');
    expect(describeError(error)).toEqual({
      title: "Okänd tabell, kolumn eller funktion",
      message: 'Tabellen "resultat9" finns inte. Menade du "resultat1"?',
      detail: 'Catalog Error: Table with name resultat9 does not exist!\nDid you mean "resultat1"?',
      cancelled: false,
      place: null
    });
    expect(describeError(new Error("Parser Error: syntax error at end of input")).title).toMatch(/^Syntaxfel/);
  });

  it("recognises a cancelled query and unknown errors", () => {
    expect(describeError(new Error("query was canceled")).cancelled).toBe(true);
    expect(describeError("something odd")).toEqual({title: "Frågan kunde inte köras", message: null, detail: "something odd", cancelled: false, place: null});
  });
});
