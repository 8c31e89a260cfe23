// Parameters: $name in SQL becomes $1, $2, … with the values passed beside
// the text, never spliced into it.
import {describe, expect, it} from "vitest";
import {bindParameters, parameterNames, ParameterError} from "../../../../src/lib/notebook/params.js";

describe("parameters", () => {
  it("finds $names outside strings, quoted identifiers and comments", () => {
    const sql = `SELECT '$inte' AS a, "$inte_heller" FROM t -- $kommentar\nWHERE k = $kommun AND y = $år AND k2 = $kommun /* $x */`;
    expect(parameterNames(sql)).toEqual(["kommun", "år"]);
  });

  it("binds each name to a numbered parameter and passes the values in order", () => {
    expect(bindParameters("SELECT * FROM o WHERE area_code = $kommun AND year = $år OR area_code = $kommun", {kommun: "0180", år: 2016, annan: 1})).toEqual({
      text: "SELECT * FROM o WHERE area_code = $1 AND year = $2 OR area_code = $1",
      params: ["0180", 2016]
    });
  });

  it("never puts a value into the SQL text", () => {
    const hostile = "0180' OR 1=1; DROP TABLE areas; --";
    const bound = bindParameters("SELECT * FROM areas WHERE code = $kommun", {kommun: hostile});
    expect(bound.text).not.toContain("DROP");
    expect(bound.params).toEqual([hostile]);
  });

  it("names a parameter no input provides, in Swedish", () => {
    expect(() => bindParameters("SELECT $saknas", {})).toThrow(ParameterError);
    expect(() => bindParameters("SELECT $saknas", {})).toThrow("Okänd parameter $saknas");
    expect(bindParameters("SELECT $$dollar$$, 1", {})).toEqual({text: "SELECT $$dollar$$, 1", params: []});
  });
});
