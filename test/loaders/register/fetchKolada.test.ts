// The fetch command against a Kolada-like API on 127.0.0.1: it follows next_page, saves every page as it
// came, and the reader takes the folder as one source. No request leaves the machine.
import {execFile} from "node:child_process";
import {existsSync, mkdtempSync, readdirSync, readFileSync, rmSync} from "node:fs";
import {createServer, type IncomingMessage, type Server, type ServerResponse} from "node:http";
import type {AddressInfo} from "node:net";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {promisify} from "node:util";
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {LoadError} from "../../../loaders/errors.js";
import {fetchKoladaPages} from "../../../loaders/register/fetchKolada.js";
import {readKolada, readKoladaPages} from "../../../loaders/register/readKolada.js";
import {ROOT} from "../../helpers/dataDir.js";

const fixture = (path: string) => readFileSync(new URL(`../../fixtures/${path}`, import.meta.url), "utf8");
const PAGES = [1, 2, 3].map((n) => JSON.parse(fixture(`publishers/kolada_pages/page-00${n}.json`)) as Record<string, unknown>);

let server: Server;
let base: string;
const requests: string[] = [];
/** Per path: how the server answers (the pages, and the ways a real API fails). */
let tooManyFirst = 0;

function page(n: number): string {
  const {next_page: _next, previous_page: _previous, ...rest} = PAGES[n - 1]!;
  const link = (p: number) => `${base}/v2/data/kpi/N00945?page=${p}&per_page=25`;
  return JSON.stringify({...rest, ...(n < 3 ? {next_page: link(n + 1)} : {}), ...(n > 1 ? {previous_page: link(n - 1)} : {})});
}

function answer(req: IncomingMessage, res: ServerResponse): void {
  const url = new URL(req.url!, base);
  requests.push(url.pathname + url.search);
  const json = (status: number, body: string, headers: Record<string, string> = {}) => void res.writeHead(status, {"content-type": "application/json", ...headers}).end(body);
  switch (url.pathname) {
    case "/v2/data/kpi/N00945":
      return json(200, page(Number(url.searchParams.get("page") ?? 1)));
    case "/limited":
      if (tooManyFirst-- > 0) return json(429, '{"message":"Too many requests","status":429}', {"retry-after": "0"});
      return json(200, page(3));
    case "/always-limited":
      return json(429, "Too Many Requests", {"retry-after": "0"});
    case "/html":
      return void res.writeHead(200, {"content-type": "text/html"}).end("<!DOCTYPE html><html><head><title>Underhåll pågår</title></head><body></body></html>");
    case "/not-found":
      return json(404, '{"error":"Unknown kpi: N9999"}');
    case "/elsewhere":
      return json(200, JSON.stringify({count: 0, values: [], next_page: "http://192.0.2.1/v2/data/kpi/N00945?page=2"}));
    case "/empty":
      return json(200, fixture("publishers/kolada_empty.json"));
    default:
      return void res.writeHead(404).end();
  }
}

beforeAll(async () => {
  server = createServer(answer);
  await new Promise<void>((ok) => server.listen(0, "127.0.0.1", ok));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((ok) => server.close(() => ok())));

const dir = mkdtempSync(join(tmpdir(), "fetch-kolada-"));
afterAll(() => rmSync(dir, {recursive: true, force: true}));

const pagesIn = (folder: string) => readdirSync(folder).sort().map((name) => ({file: name, doc: JSON.parse(readFileSync(join(folder, name), "utf8")) as unknown}));

describe("fetchKoladaPages follows next_page and saves each page as it came", () => {
  it("fetches three pages into one folder, which the reader takes as one source of 63 values", async () => {
    const folder = join(dir, "n00945");
    const result = await fetchKoladaPages(`${base}/v2/data/kpi/N00945?page=1&per_page=25`, folder);
    expect(result).toMatchObject({pages: 3, values: 63});
    expect(requests.slice(0, 3)).toEqual([1, 2, 3].map((n) => `/v2/data/kpi/N00945?page=${n}&per_page=25`));
    expect(readdirSync(folder)).toEqual(["page-001.json", "page-002.json", "page-003.json"]);
    expect(readFileSync(join(folder, "page-002.json"), "utf8")).toBe(page(2));
    const {values} = readKoladaPages(pagesIn(folder));
    expect(values).toEqual(readKolada("one.json", fixture("register/kolada_v2_data_response_RECONSTRUCTED_N00945.json")));
  });

  it("waits and asks again after HTTP 429", async () => {
    tooManyFirst = 2;
    const result = await fetchKoladaPages(`${base}/limited`, join(dir, "limited"), {maxWaitMs: 10});
    expect(result.pages).toBe(1);
  });

  it.each([
    ["always-limited", 'the server answered HTTP 429 Too Many Requests 3 times: it limits how often it may be asked; wait and run the fetch again'],
    ["html", 'is an HTML web page titled "Underhåll pågår", not a Kolada API response: the download returned a page (an error, login or cookie page) instead of data'],
    ["not-found", 'the server answered HTTP 404 Not Found ("{\\"error\\":\\"Unknown kpi: N9999\\"}"): expected a Kolada API response'],
    ["elsewhere", "page 1 links its next page to another host (http://192.0.2.1, not BASE): not followed"]
  ])("stops on %s with a message, and writes no folder", async (path, message) => {
    const folder = join(dir, path);
    const error = await fetchKoladaPages(`${base}/${path}`, folder, {retries: 2, maxWaitMs: 10}).then(
      () => undefined,
      (e: unknown) => e
    );
    expect(error).toBeInstanceOf(LoadError);
    expect((error as LoadError).message).toContain(message.replace("BASE", base));
    expect(existsSync(folder)).toBe(false);
    expect(readdirSync(dir).filter((name) => name.includes("fetching"))).toEqual([]);
  });

  it("fetches an empty result, which the reader then names", async () => {
    const folder = join(dir, "empty");
    await fetchKoladaPages(`${base}/empty`, folder);
    expect(() => readKoladaPages(pagesIn(folder))).toThrow('page-001.json: the response holds no values ("count": 0): the query matched nothing; check the KPI id, the area ids and the years in its URL');
  });

  it("runs as a command: npm run fetch:kolada -- <url> <folder>", async () => {
    const folder = join(dir, "command");
    const {stderr} = await promisify(execFile)(process.execPath, ["--import", "tsx", join(ROOT, "loaders/register/fetchKolada.ts"), `${base}/v2/data/kpi/N00945?page=1`, folder], {cwd: ROOT});
    expect(stderr).toContain(`fetched 3 pages, 63 items, into ${folder}`);
    expect(readdirSync(folder)).toHaveLength(3);
  }, 60_000);
});

describe("readKoladaPages reads the pages of one result as one source", () => {
  const pages = (folder: string) =>
    readdirSync(new URL(`../../fixtures/publishers/${folder}/`, import.meta.url))
      .sort()
      .map((name) => ({file: `${folder}/${name}`, doc: JSON.parse(fixture(`publishers/${folder}/${name}`)) as unknown}));

  it("reads the three committed pages to the reconstructed response's 63 values", () => {
    expect(readKoladaPages(pages("kolada_pages")).values).toHaveLength(63);
  });

  it("finds a page missing from the chain by its previous_page", () => {
    expect(() => readKoladaPages(pages("kolada_pages_gap"))).toThrow(
      'kolada_pages_gap/page-003.json: "previous_page" asks for page 2, but the file before it, kolada_pages_gap/page-001.json, is page 1: a page is missing or out of order'
    );
  });

  it("finds the pages after the last one missing", () => {
    expect(() => readKoladaPages(pages("kolada_pages").slice(0, 2))).toThrow(
      'kolada_pages/page-002.json: the last page has "next_page" "http://api.kolada.se/v2/data/kpi/N00945/municipality/0180,1280,1480?page=3&per_page=25": the pages after it are missing; fetch every page with `npm run fetch:kolada -- <url> <folder>` and declare the folder as the source\'s file'
    );
  });
});
