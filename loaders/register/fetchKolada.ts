/**
 * `npm run fetch:kolada -- <url> <folder>`: downloads a Kolada API result and
 * every page after it (the API's `next_page` links), saving each response as
 * it came (page-001.json, page-002.json, …) in one folder that a source in
 * data/sources.json then names as its file. The folder appears only when every
 * page arrived; an HTTP error, a rate limit that does not lift, a web page or
 * an API error body stops the fetch with a message saying which.
 */
import {randomBytes} from "node:crypto";
import {existsSync, mkdirSync, readdirSync, renameSync, rmSync, writeFileSync} from "node:fs";
import {basename, dirname, join, resolve} from "node:path";
import {pathToFileURL} from "node:url";
import {fail, isRecord, LoadError} from "../errors.js";
import {readJson} from "../read/readJson.js";

export interface FetchOptions {
  fetch?: typeof globalThis.fetch;
  /** Stop after this many pages (a link loop must not run forever). */
  maxPages?: number;
  /** Retries after HTTP 429 or 503, waiting Retry-After seconds (at most maxWaitMs). */
  retries?: number;
  maxWaitMs?: number;
  log?: (message: string) => void;
}

export interface FetchResult {
  folder: string;
  pages: number;
  values: number;
}

const PAGE = (n: number) => `page-${String(n).padStart(3, "0")}.json`;
const sleep = (ms: number) => new Promise((ok) => setTimeout(ok, ms));

async function get(url: string, options: Required<Pick<FetchOptions, "fetch" | "retries" | "maxWaitMs">>): Promise<Uint8Array> {
  for (let attempt = 0; ; attempt++) {
    let response: Response;
    try {
      response = await options.fetch(url, {headers: {accept: "application/json"}, redirect: "error"});
    } catch (error) {
      return fail({file: url}, `could not be fetched: ${(error as Error).message}`);
    }
    const body = new Uint8Array(await response.arrayBuffer());
    if ((response.status === 429 || response.status === 503) && attempt < options.retries) {
      const after = Number(response.headers.get("retry-after"));
      await sleep(Math.min(Number.isFinite(after) && after > 0 ? after * 1000 : 1000 * 2 ** attempt, options.maxWaitMs));
      continue;
    }
    if (response.status === 429) fail({file: url}, `the server answered HTTP 429 Too Many Requests ${attempt + 1} times: it limits how often it may be asked; wait and run the fetch again`);
    if (!response.ok) {
      const text = new TextDecoder().decode(body.subarray(0, 300)).replace(/\s+/g, " ").trim();
      fail({file: url}, `the server answered HTTP ${response.status} ${response.statusText}${text ? ` (${JSON.stringify(text.slice(0, 120))})` : ""}: expected a Kolada API response`);
    }
    return body;
  }
}

export async function fetchKoladaPages(start: string, folder: string, options: FetchOptions = {}): Promise<FetchResult> {
  const fetch = options.fetch ?? globalThis.fetch;
  const log = options.log ?? (() => {});
  let origin: string;
  try {
    const url = new URL(start);
    if (url.protocol !== "http:" && url.protocol !== "https:") throw new Error("not http");
    origin = url.origin;
  } catch {
    return fail({file: start}, "is not an http(s) address: expected a Kolada API URL such as …/v2/data/kpi/N33817/year/2016");
  }
  const target = resolve(folder);
  if (existsSync(target) && readdirSync(target).some((name) => !/^page-\d{3}\.json$/.test(name))) {
    fail({file: folder}, "exists and holds other files than fetched pages: expected a new folder, or one an earlier fetch wrote");
  }
  const staging = join(dirname(target), `.${basename(target)}.fetching-${randomBytes(4).toString("hex")}`);
  mkdirSync(staging, {recursive: true});
  try {
    let url: string | undefined = start;
    let pages = 0;
    let values = 0;
    while (url !== undefined) {
      if (pages >= (options.maxPages ?? 1000)) fail({file: start}, `has more than ${options.maxPages ?? 1000} pages (or its next_page links loop): stopped`);
      const body = await get(url, {fetch, retries: options.retries ?? 3, maxWaitMs: options.maxWaitMs ?? 60_000});
      pages++;
      const doc = readJson(`${url} (page ${pages})`, body, "a Kolada API response");
      if (!isRecord(doc) || !Array.isArray(doc.values)) fail({file: url}, `page ${pages} is not a Kolada API response (an object with a "values" array)`);
      writeFileSync(join(staging, PAGE(pages)), body);
      values += doc.values.length;
      log(`page ${pages}: ${doc.values.length} items`);
      const next: unknown = doc.next_page;
      if (next === undefined || next === null || next === "") url = undefined;
      else {
        let link: URL;
        try {
          link = new URL(String(next), url);
        } catch {
          return fail({file: url}, `page ${pages} has next_page ${JSON.stringify(next)}, which is not an address`);
        }
        // Follow the result's own pages only: a link to another host is not part of it.
        if (link.origin !== origin) fail({file: url}, `page ${pages} links its next page to another host (${link.origin}, not ${origin}): not followed`);
        url = link.href;
      }
    }
    if (existsSync(target)) rmSync(target, {recursive: true});
    renameSync(staging, target);
    return {folder: target, pages, values};
  } finally {
    rmSync(staging, {recursive: true, force: true});
  }
}

async function main(argv: string[]): Promise<void> {
  const [url, folder] = argv;
  if (!url || !folder) {
    console.error("usage: npm run fetch:kolada -- <Kolada API URL> <folder under data/register/>");
    process.exitCode = 2;
    return;
  }
  try {
    const result = await fetchKoladaPages(url, folder, {log: (m) => console.error(`  ${m}`)});
    console.error(`fetched ${result.pages} page${result.pages === 1 ? "" : "s"}, ${result.values} items, into ${result.folder}`);
  } catch (error) {
    if (!(error instanceof LoadError)) throw error;
    console.error(error.message);
    process.exitCode = 1;
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main(process.argv.slice(2));
