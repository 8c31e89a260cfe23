// Serves the built site (dist/) on 127.0.0.1 with sirv, a maintained static
// file server (the one Vite and SvelteKit use): MIME types (application/wasm
// for DuckDB-WASM's streaming instantiation), Framework's clean URLs
// (/kommun/0180 → kommun/0180.html), Range requests (206), precompressed
// .br/.gz files when present, and no path outside dist/. Around it: the site's
// Content-Security-Policy (scripts/csp.mjs) and X-Content-Type-Options on
// every response, Cache-Control immutable for Framework's content-hashed
// files, a 404 page, 416 for a malformed Range, and a guard so that no
// request (a malformed URL, a file that cannot be read) ends the process.
// Used by `npm start`, the browser tests, the PDF printer and the benchmark;
// `npm run dev` uses Framework's own preview server.
import {existsSync, readFileSync, statSync} from "node:fs";
import {createServer} from "node:http";
import {join, resolve} from "node:path";
import {fileURLToPath} from "node:url";
import sirv from "sirv";
import {policy, SANDBOX_POLICY} from "./csp.mjs";

/** Framework's hashed output (…/name.0123abcd.js): the name changes when the content does. */
const HASHED = /^\/(_import|_node|_npm|_file|_observablehq)\/.*\.[0-9a-f]{8}\.[A-Za-z0-9]+$/;
/** The notebook's sandbox page: a policy of its own (see scripts/csp.mjs). */
const SANDBOX = /\/notebook-sandbox(\.[0-9a-f]{8})?\.html$/;
/** Types sirv's table lacks. */
const TYPES = {".parquet": "application/vnd.apache.parquet", ".duckdb": "application/octet-stream", ".md": "text/markdown; charset=utf-8", ".geojson": "application/geo+json"};
const SITE_POLICY = policy({header: true});

/**
 * Headers every response carries.
 * @param {import("node:http").ServerResponse} res
 * @param {string} pathname
 */
function securityHeaders(res, pathname) {
  res.setHeader("X-Content-Type-Options", "nosniff");
  res.setHeader("Referrer-Policy", "no-referrer");
  res.setHeader("Content-Security-Policy", SANDBOX.test(pathname) ? SANDBOX_POLICY : SITE_POLICY);
}

/** A Range header sirv can serve: one range of bytes, start ≤ end. @param {string | undefined} range @param {number} size */
function rangeProblem(range, size) {
  if (range === undefined) return false;
  const match = /^bytes=(\d*)-(\d*)$/.exec(range.trim());
  if (!match || (match[1] === "" && match[2] === "")) return true;
  const start = match[1] === "" ? 0 : Number(match[1]);
  const end = match[2] === "" ? size - 1 : Number(match[2]);
  return !(Number.isSafeInteger(start) && Number.isSafeInteger(end) && start <= end && start < size);
}

/**
 * Starts a static server for `root`; resolves with its base URL and a close function.
 * @param {string} root
 * @param {{port?: number, host?: string}} [options]
 * @returns {Promise<{url: string, close: () => Promise<void>}>}
 */
export function serve(root, {port = 0, host = "127.0.0.1"} = {}) {
  const base = resolve(root);
  const notFoundPage = join(base, "404.html");
  const files = sirv(base, {
    dev: true, // look files up per request: dist/ may be rebuilt while it is served
    etag: true,
    gzip: true,
    brotli: true,
    extensions: ["html"],
    dotfiles: false,
    setHeaders(res, pathname) {
      securityHeaders(res, pathname);
      res.setHeader("Cache-Control", HASHED.test(pathname) ? "public, max-age=31536000, immutable" : "no-cache");
      const type = Object.entries(TYPES).find(([ext]) => pathname.endsWith(ext));
      if (type) res.setHeader("Content-Type", type[1]);
    },
    onNoMatch(req, res) {
      securityHeaders(res, "/404.html");
      res.statusCode = 404;
      res.setHeader("Content-Type", "text/html; charset=utf-8");
      res.end(existsSync(notFoundPage) ? readFileSync(notFoundPage) : "Sidan finns inte");
    }
  });
  const server = createServer((req, res) => {
    // A read error on a file streamed into the response must end that response, not the server.
    res.on("pipe", (source) => source.on("error", () => res.destroy()));
    // HEAD: sirv streams the file anyway; stop reading it (DuckDB-WASM asks HEAD of a 200 MB file before its Range reads).
    if (req.method === "HEAD") res.on("pipe", (source) => (source.destroy(), res.end()));
    // A byte range is a range of the file itself, never of a compressed copy (browsers send identity with Range; other clients may not).
    if (req.headers.range !== undefined) delete req.headers["accept-encoding"];
    try {
      if (req.method !== "GET" && req.method !== "HEAD") {
        securityHeaders(res, "");
        res.writeHead(405, {Allow: "GET, HEAD", "Content-Type": "text/plain; charset=utf-8"}).end("Metoden stöds inte");
        return;
      }
      if (req.headers.range !== undefined) {
        const size = fileSize(base, decodeURIComponentSafe(new URL(req.url ?? "/", "http://x").pathname));
        if (size > 0 && rangeProblem(req.headers.range, size)) {
          securityHeaders(res, "");
          res.writeHead(416, {"Content-Range": `bytes */${size}`}).end();
          return;
        }
      }
      files(req, res);
    } catch {
      if (!res.headersSent) res.writeHead(400, {"Content-Type": "text/plain; charset=utf-8"});
      res.end("Felaktig begäran");
    }
  });
  server.on("clientError", (_error, socket) => {
    if (socket.writable) socket.end("HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n");
    else socket.destroy();
  });
  return new Promise((ok) => {
    server.listen(port, host, () => {
      const address = /** @type {import("node:net").AddressInfo} */ (server.address());
      ok({url: `http://${host}:${address.port}`, close: () => new Promise((done) => server.close(() => done(undefined)))});
    });
  });
}

/**
 * The size of the file a path resolves to (as sirv resolves it: the path,
 * path.html, path/index.html), or 0.
 * @param {string} base
 * @param {string} pathname
 */
function fileSize(base, pathname) {
  for (const candidate of [pathname, `${pathname}.html`, join(pathname, "index.html")]) {
    const path = join(base, candidate);
    if (path.startsWith(base) && existsSync(path) && statSync(path).isFile()) return statSync(path).size;
  }
  return 0;
}

/** decodeURIComponent that returns the text as it is when it is malformed (GET /% must not throw). @param {string} text */
function decodeURIComponentSafe(text) {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const root = join(fileURLToPath(new URL("..", import.meta.url)), "dist");
  const port = Number(process.env.PORT ?? 3000);
  const {url} = await serve(root, {port});
  console.log(`Webbplatsen serveras på ${url}/ (Ctrl+C avslutar)`);
}
