// What a download can really be, named for what it is.
import {describe, expect, it} from "vitest";
import {apiErrorOf, checkDownload} from "../../../loaders/read/sniffDownload.js";
import {loadError} from "../../helpers/loadError.js";

const check = (text: string) => () => checkDownload("f.csv", text, Buffer.byteLength(text), "a csv table");

describe("checkDownload", () => {
  it.each([
    ["", "f.csv: empty file (0 bytes): expected a csv table; the download or export produced nothing"],
    ["  \n\n", "f.csv: holds only blank space (4 bytes): expected a csv table"],
    ['<html><head><title>503 Service Unavailable</title></head></html>', 'f.csv: is an HTML web page titled "503 Service Unavailable", not a csv table: the download returned a page (an error, login or cookie page) instead of data; the service was unavailable (HTTP 503): fetch it again later'],
    ["<?xml version=\"1.0\"?>\n<!DOCTYPE html>\n<html></html>", "f.csv: is an HTML web page, not a csv table: the download returned a page (an error, login or cookie page) instead of data"],
    ["HTTP/1.1 429 Too Many Requests\nRetry-After: 60\n", 'f.csv: is an HTTP error answer saved as the file ("HTTP/1.1 429 Too Many Requests\\nRetry-After: 60"), not a csv table: the server limits how often it may be asked (HTTP 429 Too Many Requests): wait and fetch it again'],
    ["Rate limit exceeded. Try again later.", 'f.csv: is an HTTP error answer saved as the file ("Rate limit exceeded. Try again later."), not a csv table: the server limits how often it may be asked (HTTP 429 Too Many Requests): wait and fetch it again'],
    ['{"message": "Not Found", "status": 404}', 'f.csv: is an error response from the API (HTTP 404: "Not Found"; the address was not found (HTTP 404): check the table or KPI id in the URL), not a csv table']
  ])("refuses %j", (text, message) => {
    expect(loadError(check(text)).message).toBe(message);
  });

  it.each([
    "Regionkod;År;Antal\n0114;2016;12\n",
    "Tabell: de 400 största kommunerna\nKod;Antal\n",
    "500 Antal;År\n",
    '{"values": [], "count": 0}'
  ])("passes data: %j", (text) => {
    expect(check(text)).not.toThrow();
  });
});

describe("apiErrorOf", () => {
  it.each([
    [{error: "Unknown kpi"}, '"error": "Unknown kpi"'],
    [{error: {code: 42, message: "Bad query"}}, '"error": "Bad query"'],
    [{errors: [{detail: "x"}]}, '"errors": {"detail":"x"}'],
    [{type: "about:blank", title: "Too Many Requests", status: 429}, 'HTTP 429 Too Many Requests: "Too Many Requests"; the server limits how often it may be asked (HTTP 429 Too Many Requests): wait and fetch it again']
  ])("%j is an error body", (doc, message) => {
    expect(apiErrorOf(doc)).toBe(message);
  });

  it.each([{class: "dataset", error: null}, {values: [], error: ""}, {status: 200, message: "ok"}, [1, 2]])("%j is not", (doc) => {
    expect(apiErrorOf(doc)).toBeUndefined();
  });
});
