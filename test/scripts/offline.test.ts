// The offline guarantees around the build: scripts/checkOffline.mjs (run after
// `observable build`) and scripts/prepare.mjs (run before it). Everything works
// on temporary folders; nothing touches the project's dist/ or cache.
import {existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {dirname, join} from "node:path";
import {fileURLToPath} from "node:url";
import {afterEach, beforeEach, describe, expect, test} from "vitest";
import {checkOffline, findCdnReferences} from "../../scripts/checkOffline.mjs";
import * as prepare from "../../scripts/prepare.mjs";

const projectRoot = fileURLToPath(new URL("../..", import.meta.url));

let tmp: string;
beforeEach(() => {
  tmp = mkdtempSync(join(tmpdir(), "offline-test-"));
});
afterEach(() => {
  rmSync(tmp, {recursive: true, force: true});
});

function write(path: string, text: string) {
  const file = join(tmp, path);
  mkdirSync(dirname(file), {recursive: true});
  writeFileSync(file, text);
  return file;
}

/** A small dist/ shaped like Framework's output, loading only its own files. */
function cleanDist() {
  write(
    "dist/index.html",
    `<!DOCTYPE html>
<link rel="stylesheet" type="text/css" href="./_observablehq/theme-air.css">
<link rel="modulepreload" href="./_node/@observablehq/plot@0.6.17/index.js">
<link rel="icon" href="/favicon.svg">
<!-- <link rel="stylesheet" href="https://fonts.googleapis.com/css2?family=Inter"> -->
<script type="module">
import {define} from "./_observablehq/client.js";
import "./_node/@observablehq/inputs@0.12.0/index.js";
</script>
<a href="https://www.socialstyrelsen.se/">Socialstyrelsen</a>`
  );
  write("dist/_observablehq/theme-air.css", `/* fonts once came from https://fonts.googleapis.com */\n@import url("./inter.css");\nbody { background: url(./bg.png); }\n`);
  // Library code that merely mentions a CDN, as DuckDB-WASM's bundle does.
  write(
    "dist/_node/@duckdb/duckdb-wasm@1.32.0/index.js",
    `function he(){let e="https://cdn.jsdelivr.net/npm/".concat(U,"@").concat(k,"/dist/");return{mvp:{mainModule:e+"duckdb-mvp.wasm"}}}
// import {x} from "https://unpkg.com/example@1/index.js";
/**
 * Or load it with <script src="https://cdn.jsdelivr.net/npm/@duckdb/duckdb-wasm">
 */
throw new Error("Could not load https://esm.sh/foo: see https://unpkg.com/docs");
const src = "https://cdn.jsdelivr.net/npm/x";
export {he};`
  );
  write("dist/_node/@duckdb/duckdb-wasm@1.32.0/duckdb-eh.wasm", "\0asm");
  return join(tmp, "dist");
}

describe("checkOffline", () => {
  test("passes a dist that loads only its own files", () => {
    const result = checkOffline(cleanDist());
    expect(result.problems).toEqual([]);
    expect(result.ok).toBe(true);
    expect(result.checkedFiles).toBe(3);
  });

  test("fails when dist/_npm holds a file fetched from the package CDN", () => {
    const dist = cleanDist();
    write("dist/_npm/apache-arrow@17.0.0/_esm.js", "export {};");
    const result = checkOffline(dist);
    expect(result.ok).toBe(false);
    expect(result.problems).toHaveLength(1);
    expect(result.problems[0]).toMatch(/dist\/_npm holds 1 file/);
    expect(result.problems[0]).toContain("_npm/apache-arrow@17.0.0/_esm.js");
  });

  test("passes when dist/_npm exists but is empty", () => {
    const dist = cleanDist();
    mkdirSync(join(dist, "_npm", "react-dom@0.0.0-offline"), {recursive: true});
    expect(checkOffline(dist).ok).toBe(true);
  });

  test("fails on a module imported from a CDN", () => {
    const dist = cleanDist();
    write("dist/_import/components/chart.js", `import * as Plot from "https://cdn.jsdelivr.net/npm/@observablehq/plot@0.6/+esm";\nexport const x = 1;\n`);
    const result = checkOffline(dist);
    expect(result.ok).toBe(false);
    expect(result.problems).toEqual(["_import/components/chart.js:1: loads https://cdn.jsdelivr.net/npm/@observablehq/plot@0.6/+esm from a public CDN (import/export from)"]);
  });

  test("fails on a CDN stylesheet or script in a page, and a CDN font in CSS", () => {
    const dist = cleanDist();
    write("dist/page.html", `<!DOCTYPE html>\n<link rel="stylesheet" href="https://fonts.googleapis.com/css2?family=Inter&display=swap">\n<script src="https://unpkg.com/d3@7"></script>`);
    write("dist/_observablehq/font.css", `@font-face { src: url("https://fonts.gstatic.com/s/inter.woff2") format("woff2"); }`);
    const {ok, problems} = checkOffline(dist);
    expect(ok).toBe(false);
    expect(problems).toEqual([
      "_observablehq/font.css:1: loads https://fonts.gstatic.com/s/inter.woff2 from a public CDN (url())",
      "page.html:2: loads https://fonts.googleapis.com/css2?family=Inter&display=swap from a public CDN (src/href)",
      "page.html:3: loads https://unpkg.com/d3@7 from a public CDN (src/href)"
    ]);
  });

  test("fails when the dist folder does not exist", () => {
    const result = checkOffline(join(tmp, "missing"));
    expect(result.ok).toBe(false);
    expect(result.problems[0]).toMatch(/does not exist/);
  });

  test.each([
    [`import{a as b}from"https://esm.sh/lodash@4"`, "import/export from"],
    [`export * from 'https://cdn.jsdelivr.net/npm/d3@7/+esm'`, "import/export from"],
    [`import "https://unpkg.com/leaflet@1/dist/leaflet.js";`, "import"],
    ["const m = await import(`https://cdn.jsdelivr.net/npm/vega@5/+esm`);", "import()"],
    [`s.src="https://cdnjs.cloudflare.com/ajax/libs/katex/0.16.0/katex.min.js"`, "src/href"],
    [`link.href = "//fonts.googleapis.com/css2?family=Inter"`, "src/href"],
    [`el.innerHTML = '<link rel="stylesheet" href="https://cdn.jsdelivr.net/npm/katex/dist/katex.min.css">'`, "src/href"],
    [`importScripts("https://cdn.jsdelivr.net/npm/@duckdb/duckdb-wasm/dist/worker.js")`, "importScripts()/fetch()"],
    [`await fetch("https://fastly.jsdelivr.net/npm/x/data.json")`, "importScripts()/fetch()"]
  ])("finds a CDN load in JS: %s", (code, kind) => {
    const found = findCdnReferences(code, "x.js");
    expect(found.map((f) => f.kind)).toEqual([kind]);
  });

  test.each([
    [`const base = "https://cdn.jsdelivr.net/npm/";`],
    [`throw new Error("import failed from https://unpkg.com/x")`],
    [`  // import x from "https://esm.sh/x"`],
    [` * <script src="https://cdn.jsdelivr.net/npm/x"></script>`],
    [`import {x} from "./_node/x@1/index.js"; const u = "https://example.org/cdn.jsdelivr.net";`],
    [`fetch("https://www.scb.se/")`],
    [`const url = "https://cdn.jsdelivr.net.example.org/x"; import("https://notunpkg.com/x")`]
  ])("ignores what is not a CDN load: %s", (code) => {
    expect(findCdnReferences(code, "x.js")).toEqual([]);
  });

  test("reports line numbers", () => {
    const found = findCdnReferences(`a\nb\n@import url(https://fonts.googleapis.com/css?family=X);\n`, "x.css");
    expect(found).toEqual([{kind: "@import", url: "https://fonts.googleapis.com/css?family=X", line: 3}]);
  });
});

describe("prepare.stdlibNpmNames", () => {
  test("collects npm: specifiers from Framework's client bundle, by package name", () => {
    const dist = join(tmp, "framework", "dist");
    write("framework/dist/client/stdlib/a.js", `const r = () => import("npm:react-dom"); import("npm:@duckdb/duckdb-wasm/dist/x.wasm");`);
    write("framework/dist/client/b.js", "export const x = `npm:lodash@4`; const y = 'npm:@observablehq/sample-datasets/aapl.csv';");
    write("framework/dist/client/ignored.css", `"npm:not-js"`);
    write("framework/dist/server.js", `"npm:outside-client"`);
    expect(prepare.stdlibNpmNames(dist)).toEqual(["@duckdb/duckdb-wasm", "@observablehq/sample-datasets", "lodash", "react-dom"]);
  });

  test("finds the recommended libraries of the installed Framework", () => {
    const names = prepare.stdlibNpmNames(join(projectRoot, "node_modules", "@observablehq", "framework", "dist"));
    for (const name of ["@duckdb/duckdb-wasm", "@observablehq/plot", "@observablehq/inputs", "apache-arrow", "d3", "react-dom"]) expect(names).toContain(name);
    expect(new Set(names).size).toBe(names.length);
  });
});

// seedNpmVersionCache and invalidateStaleData take {root, cache} — `root` the
// project (node_modules, loaders, data, src/data, package-lock.json), `cache`
// Framework's cache folder — so these tests never touch the real project.
describe("prepare.seedNpmVersionCache (with paths)", () => {
  test("creates an empty version folder per stdlib library, with the installed version when there is one", () => {
    write("project/node_modules/@observablehq/framework/dist/client/stdlib.js", `import("npm:@duckdb/duckdb-wasm"); import("npm:react-dom");`);
    write("project/node_modules/@duckdb/duckdb-wasm/package.json", JSON.stringify({name: "@duckdb/duckdb-wasm", version: "1.32.0"}));
    const root = join(tmp, "project");
    const cache = join(root, "src", ".observablehq", "cache");
    const seeded = prepare.seedNpmVersionCache({root, cache});
    expect(seeded).toEqual(["@duckdb/duckdb-wasm@1.32.0", "react-dom@0.0.0-offline"]);
    expect(readdirSync(join(cache, "_npm", "@duckdb", "duckdb-wasm@1.32.0"))).toEqual([]);
    expect(existsSync(join(cache, "_npm", "react-dom@0.0.0-offline"))).toBe(true);
  });
});

describe("prepare.invalidateStaleData (with paths)", () => {
  test("clears the data cache when a loader input changes, and only then", () => {
    const root = join(tmp, "project");
    const cache = join(root, "src", ".observablehq", "cache");
    write("project/loaders/pipeline.ts", "export const version = 1;");
    write("project/data/raw.csv", "kommun;värde\n0180;1\n");
    write("project/src/data/observations.parquet.ts", "import '../../loaders/pipeline.js';");
    write("project/package-lock.json", "{}");
    const cached = () => write("project/src/.observablehq/cache/data/observations.parquet", "PAR1");

    cached();
    expect(prepare.invalidateStaleData({root, cache})).toBe(true); // no stamp yet
    expect(existsSync(join(cache, "data"))).toBe(false);

    cached();
    expect(prepare.invalidateStaleData({root, cache})).toBe(false);
    expect(readFileSync(join(cache, "data", "observations.parquet"), "utf8")).toBe("PAR1");

    write("project/loaders/pipeline.ts", "export const version = 2;");
    expect(prepare.invalidateStaleData({root, cache})).toBe(true);
    expect(existsSync(join(cache, "data"))).toBe(false);

    cached();
    write("project/data/raw.csv", "kommun;värde\n0180;2\n");
    expect(prepare.invalidateStaleData({root, cache})).toBe(true);
  });
});
