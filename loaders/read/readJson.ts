/**
 * A JSON download read whole: refused when larger than the reader's limit
 * (before it is decoded, so a huge file cannot exhaust the heap), decoded with
 * the one decoder, checked for what downloads really are (a web page, an HTTP
 * error, an API error body) and parsed.
 */
import {fail} from "../errors.js";
import {decodeText} from "./decodeText.js";
import {formatBytes, LIMITS} from "./limits.js";
import {apiErrorOf, checkDownload} from "./sniffDownload.js";

export function readJson(file: string, bytes: Uint8Array, expected: string, limit: number = LIMITS.jsonBytes): unknown {
  if (bytes.length > limit) fail({file}, `is ${formatBytes(bytes.length)}, more than the ${formatBytes(limit)} a JSON file may have here: ask the API for a smaller selection, or split it`);
  const head = bytes.subarray(0, 8192);
  const {text} = decodeText(file, bytes, undefined);
  checkDownload(file, text.slice(0, head.length), bytes.length, expected);
  let doc: unknown;
  try {
    doc = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (error) {
    return fail({file}, `not valid JSON (${(error as Error).message}): expected ${expected}`);
  }
  const error = apiErrorOf(doc);
  if (error !== undefined) fail({file}, `is an error response from the API (${error}), not ${expected}`);
  return doc;
}
