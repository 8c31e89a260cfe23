// Runs after `observable build` (npm `postbuild`): fails the build when the site
// would need the internet. Two things are checked in dist/:
//  1. dist/_npm holds no file. Framework writes there what it downloaded from its
//     package CDN for an `npm:` import or an implicit library (bare `Plot`, `d3`,
//     `FileAttachment(…).parquet()`, …). Pages import packages by name from
//     node_modules instead, which Framework copies to dist/_node.
//  2. No built .html/.js/.css file loads anything from a public CDN: an absolute
//     URL to a known CDN host in a loading position (import/export … from,
//     import(), src=/href= attributes or assignments, CSS url() and @import,
//     importScripts(), fetch()). A URL that merely appears in library code (a
//     string built for an optional CDN mode, an error message, a comment) does
//     not count: DuckDB-WASM's bundle, for one, spells out its jsDelivr address.
//
// Usage: node scripts/checkOffline.mjs [distDir]   (default: $OJ_DIST or dist/ of the project)
import {existsSync, readdirSync, readFileSync, statSync} from "node:fs";
import {extname, join, relative, resolve, sep} from "node:path";
import {fileURLToPath} from "node:url";

/** Hosts of public CDNs a page or stylesheet must never load from. */
export const CDN_HOSTS = [
  "cdn.jsdelivr.net",
  "fastly.jsdelivr.net",
  "jsdelivr.net",
  "esm.run",
  "unpkg.com",
  "esm.sh",
  "cdnjs.cloudflare.com",
  "fonts.googleapis.com",
  "fonts.gstatic.com",
  "cdn.skypack.dev",
  "ga.jspm.io"
];

const CHECKED_EXTENSIONS = new Set([".html", ".htm", ".js", ".mjs", ".cjs", ".css"]);

const escape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
// Any subdomain of a listed host, then the end of the host (port, path, query, quote, …).
const HOST = `(?:[a-z0-9-]+\\.)*(?:${CDN_HOSTS.map(escape).join("|")})(?![a-z0-9.-])`;
// An absolute (or protocol-relative) URL to a CDN host, right after an opening quote.
const URL_AT = `(?:https?:)?//${HOST}[^\\s"'\`)]*`;

/** Loading positions: each pattern captures the URL in group `url`. */
const LOADING_POSITIONS = [
  // import x from "…", export {x} from "…" (minified: import{x}from"…")
  ["import/export from", `\\b(?:import|export)\\b[^;"'\`]{0,2000}?\\bfrom\\s*["'\`](?<url>${URL_AT})`],
  // import "…"
  ["import", `\\bimport\\s*["'\`](?<url>${URL_AT})`],
  // import("…")
  ["import()", `\\bimport\\s*\\(\\s*["'\`](?<url>${URL_AT})`],
  // el.src = "…" / el.href = "…" (a property assignment), and src="…"/href="…" written as an
  // attribute (in HTML, or HTML inside a JS string). A variable that happens to be named
  // src (\`const src = "https://…"\`) is not a load.
  ["src/href", `(?:\\.(?:src|href)\\s*=\\s*|(?<=[\\s"'<])(?:src|href|srcset|poster)=)\\\\?["'\`]?(?<url>${URL_AT})`],
  // @import "…" / @import url(…) in CSS
  ["@import", `@import\\s+(?:url\\(\\s*)?["']?(?<url>${URL_AT})`],
  // url(…) in CSS or inline styles
  ["url()", `\\burl\\(\\s*\\\\?["']?(?<url>${URL_AT})`],
  // importScripts("…") in workers, fetch("…")
  ["importScripts()/fetch()", `\\b(?:importScripts|fetch)\\s*\\(\\s*["'\`](?<url>${URL_AT})`]
].map(([kind, source]) => [kind, new RegExp(source, "gi")]);

/** True when the text before `index` on its line makes it a JS comment line (// … or * … of a block comment). */
function inJsCommentLine(text, index) {
  const lineStart = text.lastIndexOf("\n", index - 1) + 1;
  return /^\s*(?:\/\/|\/\*|\*)/.test(text.slice(lineStart, index));
}

const blank = (comment) => comment.replace(/[^\n]/g, " ");

/**
 * CDN loads in one file's text; its name decides the syntax. Comments are skipped:
 * HTML <!-- … -->, CSS /* … *\/, and JS lines that are comments. Returns [{kind, url, line}].
 */
export function findCdnReferences(text, name = "file.js") {
  const ext = extname(name).toLowerCase();
  const isJs = ext === ".js" || ext === ".mjs" || ext === ".cjs";
  // Blank out comments, keeping offsets for line numbers.
  let source = text;
  if (ext === ".html" || ext === ".htm") source = source.replace(/<!--[\s\S]*?-->/g, blank);
  if (ext === ".css") source = source.replace(/\/\*[\s\S]*?\*\//g, blank);
  const found = [];
  const seen = new Set();
  for (const [kind, pattern] of LOADING_POSITIONS) {
    for (const match of source.matchAll(pattern)) {
      const index = match.index + match[0].length - match.groups.url.length;
      if (seen.has(index) || (isJs && inJsCommentLine(source, index))) continue;
      seen.add(index);
      const line = source.slice(0, index).split("\n").length;
      found.push({kind, url: match.groups.url, line});
    }
  }
  return found.sort((a, b) => a.line - b.line);
}

function listFiles(dir) {
  const files = [];
  const walk = (path) => {
    for (const entry of readdirSync(path, {withFileTypes: true})) {
      const child = join(path, entry.name);
      if (entry.isDirectory()) walk(child);
      else if (entry.isFile()) files.push(child);
    }
  };
  walk(dir);
  return files.sort();
}

/**
 * Checks a built site. Returns {ok, problems, checkedFiles}: `problems` are
 * human-readable lines, empty when the site needs nothing but its own files.
 */
export function checkOffline(distDir) {
  const problems = [];
  if (!existsSync(distDir) || !statSync(distDir).isDirectory()) {
    return {ok: false, problems: [`${distDir} does not exist: run \`observable build\` first`], checkedFiles: 0};
  }
  const rel = (path) => relative(distDir, path).split(sep).join("/");

  const npmDir = join(distDir, "_npm");
  if (existsSync(npmDir)) {
    const fetched = listFiles(npmDir);
    if (fetched.length > 0) {
      const shown = fetched.slice(0, 20).map((f) => `    _npm/${rel(f).replace(/^_npm\//, "")}`);
      if (fetched.length > shown.length) shown.push(`    … and ${fetched.length - shown.length} more`);
      problems.push(
        `dist/_npm holds ${fetched.length} file(s) downloaded from Framework's package CDN. ` +
          "Some page uses an `npm:` import or an implicit library: bare Plot, d3, Inputs, aq, Arrow, DuckDBClient or sql, " +
          "or a FileAttachment of a .parquet/.arrow/.csv file read with .parquet()/.arrow()/.csv() or passed on without a method " +
          "(Framework then loads apache-arrow and parquet-wasm; pass FileAttachment(\"….parquet\").href instead). " +
          "Import packages by name from node_modules (import * as Plot from \"@observablehq/plot\").\n" +
          shown.join("\n")
      );
    }
  }

  let checkedFiles = 0;
  for (const file of listFiles(distDir)) {
    if (!CHECKED_EXTENSIONS.has(extname(file).toLowerCase())) continue;
    checkedFiles++;
    for (const {kind, url, line} of findCdnReferences(readFileSync(file, "utf8"), file)) {
      problems.push(`${rel(file)}:${line}: loads ${url} from a public CDN (${kind})`);
    }
  }
  return {ok: problems.length === 0, problems, checkedFiles};
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  // Same output folder as observablehq.config.ts: $OJ_DIST when set, else dist/.
  const distDir = process.argv[2] ?? resolve(fileURLToPath(new URL("..", import.meta.url)), process.env.OJ_DIST ?? "dist");
  const {ok, problems, checkedFiles} = checkOffline(distDir);
  if (ok) {
    console.error(`checkOffline: ${checkedFiles} built files load nothing from outside the site`);
  } else {
    console.error(`checkOffline: ${distDir} fails the offline check (${problems.length} problem${problems.length === 1 ? "" : "s"}):\n`);
    for (const problem of problems) console.error(`  ✗ ${problem}`);
    console.error("\nSee README, \"Offline\".");
    process.exit(1);
  }
}
