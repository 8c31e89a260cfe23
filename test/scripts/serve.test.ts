// The local server (scripts/serve.mjs, sirv underneath): what a browser needs
// (types, clean URLs, ranges, precompressed files, caching), the security
// headers, and requests meant to break it, after each of which it still answers.
import {mkdirSync, mkdtempSync, rmSync, writeFileSync} from "node:fs";
import {request} from "node:http";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {brotliCompressSync, gzipSync} from "node:zlib";
import {afterAll, beforeAll, describe, expect, it} from "vitest";

type Serve = (root: string, options?: {port?: number; host?: string}) => Promise<{url: string; close: () => Promise<void>}>;
const {serve} = (await import(new URL("../../scripts/serve.mjs", import.meta.url).href)) as {serve: Serve};

let dir: string;
let server: {url: string; close: () => Promise<void>};

/** A raw request (the path exactly as given, any header), resolving with status, headers and body. */
function raw(path: string, {method = "GET", headers = {}}: {method?: string; headers?: Record<string, string>} = {}) {
  const {hostname, port} = new URL(server.url);
  return new Promise<{status: number; headers: Record<string, string | string[] | undefined>; body: Buffer}>((resolve, reject) => {
    const req = request({host: hostname, port, path, method, headers}, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => resolve({status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks)}));
    });
    req.on("error", reject);
    req.end();
  });
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "oj-serve-"));
  mkdirSync(join(dir, "kommun"));
  mkdirSync(join(dir, "_file", "data"), {recursive: true});
  writeFileSync(join(dir, "index.html"), "<!DOCTYPE html><h1>Start</h1>");
  writeFileSync(join(dir, "404.html"), "<!DOCTYPE html><h1>Sidan finns inte</h1>");
  writeFileSync(join(dir, "kommun", "0180.html"), "<!DOCTYPE html><h1>Stockholm</h1>");
  writeFileSync(join(dir, "_file", "data", "observations.0123abcd.parquet"), Buffer.from("PAR1 0123456789 PAR1"));
  writeFileSync(join(dir, "_file", "data", "notebook-sandbox.89abcdef.html"), "<!DOCTYPE html>sandbox");
  const js = "export const x = 1;\n".repeat(50);
  writeFileSync(join(dir, "app.js"), js);
  writeFileSync(join(dir, "app.js.br"), brotliCompressSync(js));
  writeFileSync(join(dir, "app.js.gz"), gzipSync(js));
  writeFileSync(join(dir, "secret.txt"), "outside?");
  const database = Buffer.from("DUCK".repeat(4096));
  writeFileSync(join(dir, "_file", "data", "tables.0123abcd.duckdb"), database);
  writeFileSync(join(dir, "_file", "data", "tables.0123abcd.duckdb.br"), brotliCompressSync(database));
  server = await serve(join(dir), {port: 0});
});
afterAll(async () => {
  await server.close();
  rmSync(dir, {recursive: true, force: true});
});

describe("serving the site", () => {
  it("serves pages by clean URL with the site's CSP and nosniff", async () => {
    const page = await raw("/kommun/0180");
    expect(page.status).toBe(200);
    expect(page.body.toString()).toContain("Stockholm");
    expect(page.headers["content-type"]).toMatch(/^text\/html/);
    expect(page.headers["x-content-type-options"]).toBe("nosniff");
    expect(page.headers["content-security-policy"]).toContain("connect-src 'self'");
    expect(page.headers["content-security-policy"]).toContain("frame-ancestors 'self'");
    expect(page.headers["cache-control"]).toBe("no-cache");
  });

  it("caches Framework's hashed files for good, with their type", async () => {
    const file = await raw("/_file/data/observations.0123abcd.parquet");
    expect(file.headers["cache-control"]).toBe("public, max-age=31536000, immutable");
    expect(file.headers["content-type"]).toBe("application/vnd.apache.parquet");
  });

  it("gives the notebook's sandbox page a policy of its own: no connections at all", async () => {
    const sandbox = await raw("/_file/data/notebook-sandbox.89abcdef.html");
    expect(sandbox.headers["content-security-policy"]).toContain("connect-src 'none'");
    expect(sandbox.headers["content-security-policy"]).toContain("default-src 'none'");
  });

  it("answers a Range request with 206 and the bytes asked for, and a bad range with 416", async () => {
    const part = await raw("/_file/data/observations.0123abcd.parquet", {headers: {range: "bytes=5-14"}});
    expect(part.status).toBe(206);
    expect(part.body.toString()).toBe("0123456789");
    expect(part.headers["content-range"]).toBe("bytes 5-14/20");
    for (const range of ["bytes=14-5", "bytes=999-", "bytes=x", "items=0-1"]) {
      expect((await raw("/_file/data/observations.0123abcd.parquet", {headers: {range}})).status).toBe(416);
    }
  });

  it("serves the precompressed .br or .gz file when the browser accepts it", async () => {
    const br = await raw("/app.js", {headers: {"accept-encoding": "br, gzip"}});
    expect([br.headers["content-encoding"], br.headers.vary]).toEqual(["br", "Accept-Encoding"]);
    const gz = await raw("/app.js", {headers: {"accept-encoding": "gzip"}});
    expect(gz.headers["content-encoding"]).toBe("gzip");
    const plain = await raw("/app.js");
    expect(plain.headers["content-encoding"]).toBeUndefined();
    expect(plain.body.toString()).toContain("export const x");
  });
});

describe("serving the tables' database file (read by DuckDB-WASM over Range requests)", () => {
  const file = "/_file/data/tables.0123abcd.duckdb";

  it("answers a byte range from the file itself even when a compressed copy exists and the client accepts it", async () => {
    const part = await raw(file, {headers: {range: "bytes=4-11", "accept-encoding": "br, gzip"}});
    expect(part.status).toBe(206);
    expect(part.headers["content-encoding"]).toBeUndefined();
    expect(part.headers["content-range"]).toBe("bytes 4-11/16384");
    expect(part.body.toString()).toBe("DUCKDUCK");
  });

  it("sends the whole file compressed, as a binary type, cached for good", async () => {
    const whole = await raw(file, {headers: {"accept-encoding": "br"}});
    expect(whole.headers["content-encoding"]).toBe("br");
    expect(whole.headers["content-type"]).toBe("application/octet-stream");
    expect(whole.headers["cache-control"]).toBe("public, max-age=31536000, immutable");
  });

  it("answers HEAD with the size and no body (DuckDB-WASM asks before its first range)", async () => {
    const head = await raw(file, {method: "HEAD", headers: {range: "bytes=0-"}});
    expect(head.status).toBe(206);
    expect(head.headers["content-length"]).toBe("16384");
    expect(head.body.length).toBe(0);
    expect((await raw(file, {headers: {range: "bytes=0-3"}})).body.toString()).toBe("DUCK");
  });
});

describe("requests meant to break it", () => {
  it.each([
    ["a lone percent sign", "/%"],
    ["a broken escape", "/%E0%A4%A"],
    ["an encoded NUL", "/index.html%00.js"],
    ["traversal", "/../../../../etc/passwd"],
    ["encoded traversal", "/..%2f..%2f..%2fetc%2fpasswd"],
    ["double-encoded traversal", "/%252e%252e%252fsecret.txt"],
    ["backslash traversal", "/..\\..\\etc\\passwd"],
    ["a very long path", `/${"a".repeat(60_000)}`]
  ])("%s: never leaves the folder, and the server still answers", async (_, path) => {
    const response = await raw(path).catch((error: Error) => ({status: -1, body: Buffer.from(error.message), headers: {}}));
    expect([400, 404, 414, 431, -1]).toContain(response.status);
    expect(response.body.toString()).not.toContain("root:");
    expect((await raw("/")).status).toBe(200);
  });

  it("refuses oversized headers and other methods, and still answers", async () => {
    const big = await raw("/", {headers: {"x-big": "x".repeat(100_000)}}).catch(() => ({status: 431}));
    expect([400, 431]).toContain(big.status);
    expect((await raw("/", {method: "POST"})).status).toBe(405);
    expect((await raw("/", {method: "DELETE"})).status).toBe(405);
    expect((await raw("/")).status).toBe(200);
  });

  it("answers a missing page with the site's 404 page", async () => {
    const missing = await raw("/finns-inte");
    expect(missing.status).toBe(404);
    expect(missing.body.toString()).toContain("Sidan finns inte");
    expect(missing.headers["content-security-policy"]).toBeDefined();
  });
});
