/**
 * The project's rooms and the one-way rule between them, checked from the
 * imports as written (static, side-effect and dynamic imports; in pages, the
 * imports of their code blocks). A room may import only the rooms listed for
 * it; bare package names are allowed except where a room forbids them.
 *
 *   loaders/          readers: raw files → validated tables → Parquet
 *   src/lib/          pure modules shared by node and the browser: no DOM
 *   src/components/   browser modules: charts, inputs, the DuckDB-WASM client
 *   src/**.md         pages
 *   src/data/         Framework's loader entry points (node, write to stdout)
 *   publish/          build-time publishing: table cache, unit archive, release files
 *   scripts/ bench/   commands
 */
import {existsSync, readdirSync, readFileSync, statSync} from "node:fs";
import {dirname, join, normalize} from "node:path";

export type Room = "loaders" | "lib" | "components" | "pages" | "entries" | "publish" | "scripts" | "bench" | "config" | "test";

export function roomOf(path: string): Room | null {
  if (path.startsWith("loaders/")) return "loaders";
  if (path.startsWith("src/lib/")) return "lib";
  if (path.startsWith("src/components/")) return "components";
  if (path.startsWith("src/data/")) return "entries";
  if (path.startsWith("src/") && path.endsWith(".md")) return "pages";
  if (path.startsWith("publish/")) return "publish";
  if (path.startsWith("scripts/")) return "scripts";
  if (path.startsWith("bench/")) return "bench";
  if (path.startsWith("test/")) return "test";
  if (/^[^/]+\.config\.ts$/.test(path)) return "config";
  return null;
}

/** Which rooms each room may import. Only publish/ (and tests) reach src/lib from the node side. */
export const ALLOWED: Record<Room, readonly Room[]> = {
  loaders: ["loaders"],
  lib: ["lib"],
  components: ["components", "lib"],
  pages: ["components", "lib"],
  entries: ["publish", "loaders"],
  publish: ["publish", "loaders", "lib"],
  scripts: ["scripts", "publish", "loaders"],
  bench: ["bench", "publish", "loaders", "test", "scripts"],
  config: ["publish", "loaders"],
  test: ["test", "loaders", "lib", "components", "publish", "scripts", "entries", "bench", "pages", "config"]
};

/** Packages that draw or read the DOM: not for src/lib, which also runs in node. */
export const DOM_PACKAGES = [/^@observablehq\/(plot|inputs)/, /^htl$/, /^@codemirror\//, /^codemirror$/, /^@duckdb\/duckdb-wasm/];
/** Browser globals src/lib must not touch (outside comments and strings it emits as code). */
export const DOM_GLOBALS = /\b(document|window|localStorage|sessionStorage|navigator|location)\s*\./;

export interface Violation {
  file: string;
  line: number;
  specifier: string;
  message: string;
}

// Statements only: an import written inside a string (code a module generates) is not one of its imports.
const SPECIFIER = /^\s*(?:import|export)\s[^;'"`]*?\bfrom\s*["']([^"'$`]+)["']|^\s*import\s*["']([^"'$`]+)["']|\bimport\(\s*["']([^"'$`]+)["']/gm;

/** Import specifiers of a source text, with their line numbers; pages contribute their ```js blocks only. */
export function importsOf(path: string, text: string): {specifier: string; line: number}[] {
  let code = text;
  if (path.endsWith(".md")) {
    // Keep line numbers: blank out everything that is not inside a ```js block.
    let inside = false;
    code = text
      .split("\n")
      .map((line) => {
        if (/^```/.test(line)) {
          inside = !inside && /^```js\b/.test(line);
          return "";
        }
        return inside ? line : "";
      })
      .join("\n");
  }
  const found: {specifier: string; line: number}[] = [];
  for (const match of code.matchAll(SPECIFIER)) {
    const specifier = (match[1] ?? match[2] ?? match[3])!;
    const line = code.slice(0, match.index + match[0].lastIndexOf(specifier)).split("\n").length;
    found.push({specifier, line});
  }
  return found;
}

/** Lines of code (comments dropped) that use a browser global. */
export function domUses(text: string): number[] {
  const lines: number[] = [];
  let block = false;
  text.split("\n").forEach((raw, i) => {
    let line = raw;
    if (block) {
      const end = line.indexOf("*/");
      if (end < 0) return;
      line = line.slice(end + 2);
      block = false;
    }
    line = line.replace(/\/\*.*?\*\//g, "");
    const start = line.indexOf("/*");
    if (start >= 0) {
      line = line.slice(0, start);
      block = true;
    }
    line = line.replace(/(^|[^:])\/\/.*$/, "$1").replace(/"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|`[^`]*`/g, '""');
    if (DOM_GLOBALS.test(line)) lines.push(i + 1);
  });
  return lines;
}

/** Checks one file's imports against the rules; `exists` resolves a repository path. */
export function checkFile(path: string, text: string, exists: (path: string) => boolean): Violation[] {
  const room = roomOf(path);
  if (!room) return [];
  const violations: Violation[] = [];
  for (const {specifier, line} of importsOf(path, text)) {
    if (specifier.startsWith(".")) {
      let target = normalize(join(dirname(path), specifier));
      if (!exists(target) && exists(target.replace(/\.js$/, ".ts"))) target = target.replace(/\.js$/, ".ts");
      const to = roomOf(target);
      if (target.startsWith("..")) violations.push({file: path, line, specifier, message: `imports ${specifier}, outside the project`});
      else if (to && !ALLOWED[room].includes(to)) violations.push({file: path, line, specifier, message: `${room} imports ${to} (${target}); ${room} may import only ${ALLOWED[room].join(", ")}`});
    } else if (room === "lib" && DOM_PACKAGES.some((p) => p.test(specifier))) {
      violations.push({file: path, line, specifier, message: `src/lib imports ${specifier}, a browser package; move the code that needs it to src/components`});
    }
  }
  if (room === "lib") {
    for (const line of domUses(text)) violations.push({file: path, line, specifier: "", message: "src/lib touches a browser global (document, window, storage, location, navigator)"});
  }
  return violations;
}

/** Every source file of the project's rooms (tests and fixtures excepted). */
export function sourceFiles(root: string): string[] {
  const files: string[] = [];
  const visit = (dir: string) => {
    for (const name of readdirSync(join(root, dir))) {
      if (name === "node_modules" || name.startsWith(".")) continue;
      const path = dir ? `${dir}/${name}` : name;
      if (statSync(join(root, path)).isDirectory()) visit(path);
      else if (/\.(ts|js|mjs|md)$/.test(name)) files.push(path);
    }
  };
  for (const dir of ["loaders", "src", "publish", "scripts", "bench"]) if (existsSync(join(root, dir))) visit(dir);
  for (const name of readdirSync(root)) if (/\.config\.ts$/.test(name)) files.push(name);
  return files.filter((f) => !(f.endsWith(".md") && !f.startsWith("src/")));
}

export function checkTree(root: string): Violation[] {
  const exists = (path: string) => existsSync(join(root, path));
  return sourceFiles(root).flatMap((file) => checkFile(file, readFileSync(join(root, file), "utf8"), exists));
}

export const describeViolation = (v: Violation): string => `${v.file}:${v.line}: ${v.message}`;
