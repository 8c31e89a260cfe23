// The site's Content-Security-Policy. Every built page carries it in a <meta>
// (observablehq.config.ts writes the tag, this script fills in the hashes
// after `observable build`), and scripts/serve.mjs sends it as a header too.
//
// What it stops, even if a bug let data into the page as markup:
//  - scripts: only the site's own files and the page's own inline scripts,
//    named by their SHA-256 (so an injected <script> or onclick="…" is refused;
//    'unsafe-inline' is ignored by browsers once hashes are listed);
//  - connections: only the site itself (connect-src 'self'), so no fetch,
//    XHR, WebSocket or DuckDB HTTP read can send anything elsewhere;
//  - frames: only the site's own files (the notebook's JavaScript sandbox),
//    and nothing may frame the site;
//  - no plugins, no <base> rewrites, no form posts elsewhere.
// WebAssembly compilation ('wasm-unsafe-eval') is allowed for DuckDB-WASM;
// eval and new Function are not.
//
// Usage: node scripts/csp.mjs [distDir]   (npm `postbuild`; default $OJ_DIST or dist/)
import {createHash} from "node:crypto";
import {readdirSync, readFileSync, statSync, writeFileSync} from "node:fs";
import {join, resolve} from "node:path";
import {fileURLToPath} from "node:url";

/** The policy's directives; `script-src` gets the page's hashes in the built meta tag. */
export const DIRECTIVES = {
  "default-src": ["'self'"],
  "script-src": ["'self'", "'unsafe-inline'", "'wasm-unsafe-eval'"],
  "style-src": ["'self'", "'unsafe-inline'"],
  "img-src": ["'self'", "data:", "blob:"],
  "font-src": ["'self'", "data:"],
  "connect-src": ["'self'"],
  "worker-src": ["'self'", "blob:"],
  "frame-src": ["'self'"],
  "object-src": ["'none'"],
  "base-uri": ["'self'"],
  "form-action": ["'self'"]
};

/**
 * Inline event handler attributes a built page may hold: only the
 * placeholders htl (Observable's HTML templates, used by Inputs and the
 * pages) writes for a moment before it sets the function as a property,
 * `onclick="::3"`. "::3" is not JavaScript, so allowing it runs nothing; any
 * other handler (onclick="…" from data) stays refused.
 */
export const HTL_PLACEHOLDERS = Array.from({length: 128}, (_, i) => `::${i}`);
const sha256 = (/** @type {string} */ text) => createHash("sha256").update(text, "utf8").digest("base64");

/**
 * The policy as text. `scriptHashes` (after the build) replace
 * 'unsafe-inline' in script-src and add script-src-attr for htl's
 * placeholders; `header` adds what only a header can say (frame-ancestors).
 * @param {{scriptHashes?: string[], header?: boolean}} [options]
 */
export function policy({scriptHashes, header = false} = {}) {
  const parts = Object.entries(DIRECTIVES).map(([name, values]) => {
    const list = name === "script-src" && scriptHashes ? values.filter((v) => v !== "'unsafe-inline'").concat(scriptHashes.map((h) => `'sha256-${h}'`)) : values;
    return `${name} ${list.join(" ")}`;
  });
  if (scriptHashes) parts.push(`script-src-attr 'unsafe-hashes' ${HTL_PLACEHOLDERS.map((p) => `'sha256-${sha256(p)}'`).join(" ")}`);
  if (header) parts.push("frame-ancestors 'self'");
  return parts.join("; ");
}

/**
 * The notebook's JavaScript sandbox (a page of its own, in an
 * <iframe sandbox="allow-scripts">): its inline script and user code may run,
 * nothing may be loaded or sent, and only the site may frame it.
 */
export const SANDBOX_POLICY =
  "default-src 'none'; script-src 'unsafe-inline' 'unsafe-eval'; style-src 'unsafe-inline'; img-src data: blob:; font-src data:; connect-src 'none'; frame-src 'none'; worker-src 'none'; form-action 'none'; base-uri 'none'; frame-ancestors 'self'";

/** The tag observablehq.config.ts writes; other policies (the notebook's sandbox page has its own) are left alone. */
const META = `<meta http-equiv="Content-Security-Policy" content="${policy()}">`;
const INLINE_SCRIPT = /<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/gi;

/**
 * The page with its CSP meta tag listing the SHA-256 of each inline script.
 * Returns null when the page has no CSP meta tag.
 * @param {string} html
 */
export function withScriptHashes(html) {
  if (!html.includes(META)) return null;
  const hashes = [...html.matchAll(INLINE_SCRIPT)].map((m) => sha256(m[1] ?? ""));
  return html.replace(META, `<meta http-equiv="Content-Security-Policy" content="${policy({scriptHashes: [...new Set(hashes)]})}">`);
}

/** @param {string} dir @returns {string[]} */
function htmlFiles(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return htmlFiles(path);
    return name.endsWith(".html") ? [path] : [];
  });
}

/**
 * Fills in the hashes of every page in `dist`; returns how many pages have a policy.
 * @param {string} dist
 */
export function applyToBuild(dist) {
  let pages = 0;
  for (const file of htmlFiles(dist)) {
    const next = withScriptHashes(readFileSync(file, "utf8"));
    if (next === null) continue;
    writeFileSync(file, next);
    pages++;
  }
  return pages;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const root = fileURLToPath(new URL("..", import.meta.url));
  const dist = resolve(process.argv[2] ?? process.env.OJ_DIST ?? join(root, "dist"));
  const pages = applyToBuild(dist);
  if (pages === 0) {
    console.error(`csp: no page in ${dist} has the Content-Security-Policy meta tag (observablehq.config.ts head)`);
    process.exit(1);
  }
  console.log(`csp: ${pages} pages carry a Content-Security-Policy with their inline scripts' hashes`);
}
