// The one-way rule between the project's rooms (see test/helpers/importRules.ts
// and the README's Layout): readers never reach into the site, shared modules
// never reach into pages, components or readers, pages never into the build.
import {spawnSync} from "node:child_process";
import {describe, expect, it} from "vitest";
import {ROOT} from "./helpers/dataDir.js";
import {checkFile, checkTree, describeViolation, importsOf, roomOf} from "./helpers/importRules.js";

const exists = (path: string) => !path.startsWith("..");

describe("the import rules", () => {
  it("hold for the whole tree", () => {
    expect(checkTree(ROOT).map(describeViolation)).toEqual([]);
  });

  it.each([
    ["loaders/register/x.ts", `import {formatValue} from "../../src/lib/format.js";`, "loaders imports lib"],
    ["loaders/x.ts", `import {ensureTables} from "../publish/tables.js";`, "loaders imports publish"],
    ["src/lib/x.js", `import {trendChart} from "../components/trendChart.js";`, "lib imports components"],
    ["src/lib/compare/x.js", `import {TABLES} from "../../../loaders/schema/tables.js";`, "lib imports loaders"],
    ["src/lib/x.js", `import * as Plot from "@observablehq/plot";`, "a browser package"],
    ["src/lib/x.js", `export const here = () => location.href;`, "touches a browser global"],
    ["src/components/x.js", `const m = await import("../../loaders/pipeline.js");`, "components imports loaders"],
    ["src/components/x.js", `import "../../publish/tables.js";`, "components imports publish"],
    ["src/page.md", "```js\nimport {buildTables} from \"../loaders/pipeline.js\";\n```", "pages imports loaders"],
    ["scripts/x.ts", `import {round} from "../src/lib/narrative.js";`, "scripts imports lib"]
  ])("refuses %s: %s", (file, text, message) => {
    const found = checkFile(file, text, exists);
    expect(found.map((v) => v.message).join("\n")).toContain(message);
  });

  it.each([
    ["publish/x.ts", `import {comparison} from "../src/lib/compare/queries.js";`],
    ["src/components/x.js", `import {formatValue} from "../lib/format.js";`],
    ["src/data/x.parquet.ts", `import {tableFile} from "../../publish/tables.js";`],
    ["src/lib/x.js", `// document.title is set by the page, not here\nexport const t = "location.href";`],
    ["src/page.md", "Text mentioning import \"../loaders/x.js\" outside code.\n```js\nimport {x} from \"./components/y.js\";\n```"]
  ])("allows %s: %s", (file, text) => {
    expect(checkFile(file, text, exists)).toEqual([]);
  });

  it("reads static, dynamic and side-effect imports with their lines", () => {
    expect(importsOf("a.js", `import a from "./a.js";\nexport {b} from "./b.js";\nconst c = await import("./c.js");\nimport "./d.css";`)).toEqual([
      {specifier: "./a.js", line: 1},
      {specifier: "./b.js", line: 2},
      {specifier: "./c.js", line: 3},
      {specifier: "./d.css", line: 4}
    ]);
  });

  it("knows every room", () => {
    expect(["loaders/pipeline.ts", "src/lib/format.js", "src/components/db.js", "src/index.md", "src/data/areas.parquet.ts", "publish/tables.ts", "observablehq.config.ts"].map(roomOf)).toEqual([
      "loaders",
      "lib",
      "components",
      "pages",
      "entries",
      "publish",
      "config"
    ]);
  });
});

describe("one Swedish collator", () => {
  // Names sort as Swedish readers expect (å, ä, ö last) in the same order on every page and file:
  // one Intl.Collator("sv") in src/lib/format.js (collator, compareSv), never a second one.
  it("is the only one in the site and the build", () => {
    const found = spawnSync("git", ["grep", "-n", "-E", "localeCompare\\(|Intl\\.Collator\\(", "--", "src", "publish", ":!src/lib/format.js", ":!src/.observablehq"], {cwd: ROOT, encoding: "utf8"});
    expect(found.status, found.stderr).not.toBe(2); // 0: found, 1: none, 2: git failed
    expect(found.stdout.trim()).toBe("");
  });
});

describe("nothing becomes code", () => {
  // Notebooks, URLs, files and data are never turned into code (README: Security). The pages' CSP refuses
  // eval as well ('wasm-unsafe-eval' only), so this catches it before a browser would.
  it("no new Function, eval or string timers in the site, the build, the readers or the scripts", () => {
    const found = spawnSync("git", ["grep", "-n", "-E", "new Function\\(|(^|[^.A-Za-z0-9_$])eval\\(|set(Timeout|Interval)\\([\"'`]", "--", "src", "publish", "loaders", "scripts", ":!src/.observablehq"], {cwd: ROOT, encoding: "utf8"});
    expect(found.status, found.stderr).not.toBe(2);
    expect(found.stdout.trim()).toBe("");
  });
});
