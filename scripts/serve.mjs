// Serves the built site (dist/) on 127.0.0.1 with the MIME types DuckDB-WASM
// needs (application/wasm for streaming instantiation) and Framework's clean
// URLs (/kommun/0180 → kommun/0180.html). Used by `npm start`, the browser
// tests and the benchmark; `npm run dev` uses Framework's own preview server.
import {createReadStream, existsSync, statSync} from "node:fs";
import {createServer} from "node:http";
import {extname, join, normalize, resolve} from "node:path";
import {fileURLToPath} from "node:url";

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".wasm": "application/wasm",
  ".parquet": "application/vnd.apache.parquet",
  ".csv": "text/csv; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".pdf": "application/pdf",
  ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  ".pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation",
  ".woff2": "font/woff2",
  ".md": "text/markdown; charset=utf-8"
};

function resolveFile(root, urlPath) {
  const path = normalize(decodeURIComponent(urlPath.split("?")[0])).replace(/^(\.\.[/\\])+/, "");
  const candidates = path.endsWith("/") ? [join(path, "index.html")] : [path, `${path}.html`, join(path, "index.html")];
  for (const candidate of candidates) {
    const file = join(root, candidate);
    if (file.startsWith(root) && existsSync(file) && statSync(file).isFile()) return file;
  }
  return null;
}

/** Starts a static server for `root`; resolves with its base URL and a close function. */
export function serve(root, {port = 0, host = "127.0.0.1"} = {}) {
  const base = resolve(root);
  const server = createServer((req, res) => {
    const file = resolveFile(base, req.url ?? "/");
    if (!file) {
      const notFound = join(base, "404.html");
      res.writeHead(404, {"content-type": TYPES[".html"]});
      if (existsSync(notFound)) createReadStream(notFound).pipe(res);
      else res.end("Sidan finns inte");
      return;
    }
    res.writeHead(200, {"content-type": TYPES[extname(file)] ?? "application/octet-stream", "content-length": statSync(file).size});
    createReadStream(file).pipe(res);
  });
  return new Promise((ok) => {
    server.listen(port, host, () => {
      const address = server.address();
      ok({url: `http://${host}:${address.port}`, close: () => new Promise((done) => server.close(done))});
    });
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const root = join(fileURLToPath(new URL("..", import.meta.url)), "dist");
  const port = Number(process.env.PORT ?? 3000);
  const {url} = await serve(root, {port});
  console.log(`Webbplatsen serveras på ${url}/ (Ctrl+C avslutar)`);
}
