// A JSON download read whole: the size checked first, then what the download is, then the JSON.
import {describe, expect, it} from "vitest";
import {readJson} from "../../../loaders/read/readJson.js";
import {loadError} from "../../helpers/loadError.js";

describe("readJson", () => {
  it("parses a UTF-8 document with or without a BOM", () => {
    expect(readJson("f.json", Buffer.from('{"a": "Göteborg"}'), "x")).toEqual({a: "Göteborg"});
    expect(readJson("f.json", Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('{"a": 1}')]), "x")).toEqual({a: 1});
  });

  it("refuses a file over the limit before decoding it", () => {
    expect(loadError(() => readJson("f.json", Buffer.alloc(2048, 0x20), "a JSON-stat dataset", 1024)).message).toBe(
      "f.json: is 2 KB, more than the 1 KB a JSON file may have here: ask the API for a smaller selection, or split it"
    );
  });

  it("names text that is not JSON, and an API's error body", () => {
    expect(loadError(() => readJson("f.json", Buffer.from('{"a": '), "a Kolada API response")).message).toMatch(/^f\.json: not valid JSON \(.+\): expected a Kolada API response$/);
    expect(loadError(() => readJson("f.json", Buffer.from('{"error": "quota"}'), "a Kolada API response")).message).toBe('f.json: is an error response from the API ("error": "quota"), not a Kolada API response');
  });
});
