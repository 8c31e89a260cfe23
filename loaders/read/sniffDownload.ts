/**
 * What a "downloaded data file" can really be: an HTML error or login page,
 * an API's JSON error body, an HTTP error answer saved as text (429 Too Many
 * Requests), or nothing at all. Each is named for what it is, so the message
 * says "fetch it again" rather than "column Regionkod is missing".
 */
import {fail, isRecord} from "../errors.js";

const HTML_START = /^\s*(<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>]|<\?xml[^>]*>\s*<!doctype\s+html|<\?xml[^>]*>\s*<html)/i;
const HTTP_STATUS = /^\s*(?:HTTP\/\d(?:\.\d)?\s+)?(4\d\d|5\d\d)\s+(Bad Request|Unauthorized|Forbidden|Not Found|Too Many Requests|Internal Server Error|Bad Gateway|Service Unavailable|Gateway Time-?out)\b/im;
const REASONS: Record<string, string> = {
  "429": "the server limits how often it may be asked (HTTP 429 Too Many Requests): wait and fetch it again",
  "404": "the address was not found (HTTP 404): check the table or KPI id in the URL",
  "403": "access was refused (HTTP 403)",
  "500": "the server failed (HTTP 500): fetch it again later",
  "502": "a gateway failed (HTTP 502): fetch it again later",
  "503": "the service was unavailable (HTTP 503): fetch it again later"
};

function titleOf(html: string): string | undefined {
  const match = /<title[^>]*>([^<]{0,200})<\/title>/i.exec(html);
  return match ? match[1]!.replace(/\s+/g, " ").trim() : undefined;
}

/**
 * Refuses text that is not data. `head` is the start of the decoded file (a
 * few KB is enough); `expected` says what the file should have been.
 */
export function checkDownload(file: string, head: string, byteLength: number, expected: string): void {
  if (byteLength === 0) fail({file}, `empty file (0 bytes): expected ${expected}; the download or export produced nothing`);
  const text = head.charCodeAt(0) === 0xfeff ? head.slice(1) : head;
  if (text.trim() === "") fail({file}, `holds only blank space (${byteLength} bytes): expected ${expected}`);
  if (HTML_START.test(text)) {
    const title = titleOf(text);
    const status = title ? HTTP_STATUS.exec(title) : null;
    fail(
      {file},
      `is an HTML web page${title ? ` titled ${JSON.stringify(title)}` : ""}, not ${expected}: the download returned a page (an error, login or cookie page) instead of data${status ? `; ${REASONS[status[1]!] ?? `HTTP ${status[1]}`}` : ""}`
    );
  }
  const firstLines = text.split(/\r?\n/, 3).join("\n");
  const status = HTTP_STATUS.exec(firstLines);
  if (status || /too many requests|rate limit exceeded/i.test(firstLines)) {
    const code = status?.[1] ?? "429";
    fail({file}, `is an HTTP error answer saved as the file (${JSON.stringify(firstLines.trim().slice(0, 80))}), not ${expected}: ${REASONS[code] ?? `HTTP ${code}`}`);
  }
  if (/^\s*\{/.test(text)) {
    // A csv or xlsx that is JSON: most likely an API error body.
    let doc: unknown;
    try {
      doc = JSON.parse(text);
    } catch {
      return;
    }
    const error = apiErrorOf(doc);
    if (error !== undefined) fail({file}, `is an error response from the API (${error}), not ${expected}`);
  }
}

/**
 * The message of a JSON error body ({"error": …}, {"message": …, "status":
 * 429}, {"errors": […]}), or undefined for a document that is not one. A data
 * document that happens to carry an empty "error" field is not an error.
 */
export function apiErrorOf(doc: unknown): string | undefined {
  if (!isRecord(doc)) return undefined;
  const show = (value: unknown) => (typeof value === "string" ? JSON.stringify(value.slice(0, 200)) : JSON.stringify(value)?.slice(0, 200));
  if (doc.error !== undefined && doc.error !== null && doc.error !== "" && doc.error !== false) {
    const detail = isRecord(doc.error) ? (doc.error.message ?? doc.error) : doc.error;
    return `"error": ${show(detail)}`;
  }
  if (Array.isArray(doc.errors) && doc.errors.length > 0) return `"errors": ${show(doc.errors[0])}`;
  const status = Number(doc.status ?? doc.statusCode ?? doc.code);
  if (Number.isInteger(status) && status >= 400 && status < 600 && (typeof doc.message === "string" || typeof doc.title === "string" || typeof doc.detail === "string")) {
    const title = typeof doc.title === "string" ? ` ${doc.title}` : "";
    return `HTTP ${status}${title}: ${show(doc.message ?? doc.detail ?? doc.title)}${REASONS[String(status)] ? `; ${REASONS[String(status)]}` : ""}`;
  }
  return undefined;
}
