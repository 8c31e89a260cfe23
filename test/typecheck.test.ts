// The browser side is type-checked with the node side (`npm run typecheck`): a
// JavaScript module under src/ is checked when it starts with `// @ts-check`
// (checkJs cannot be on for the whole program: tests reach scripts/*.mjs too).
// Every browser module must be included and opt in: none is left out.
import {readFileSync} from "node:fs";
import {join, relative} from "node:path";
import ts from "typescript";
import {describe, expect, it} from "vitest";
import {ROOT} from "./helpers/dataDir.js";

function program() {
  const {config, error} = ts.readConfigFile(join(ROOT, "tsconfig.json"), ts.sys.readFile);
  if (error) throw new Error(ts.flattenDiagnosticMessageText(error.messageText, "\n"));
  return ts.parseJsonConfigFileContent(config, ts.sys, ROOT);
}

describe("tsconfig.json", () => {
  const parsed = program();
  const modules = parsed.fileNames.map((f) => relative(ROOT, f)).filter((f) => f.startsWith("src/") && f.endsWith(".js"));

  it("includes the browser modules under src/", () => {
    expect(modules).toContain("src/lib/format.js");
    expect(modules).toContain("src/components/compare/unitPicker.js");
  });

  it("checks every browser module it includes (// @ts-check on the first line)", () => {
    const unchecked = modules.filter((f) => readFileSync(join(ROOT, f), "utf8").split("\n", 1)[0]!.trim() !== "// @ts-check");
    expect(unchecked).toEqual([]);
  });

  it("leaves no browser module out", () => {
    const all = (ts.sys.readDirectory(join(ROOT, "src"), [".js"], ["**/.observablehq/**"], ["**/*.js"]) as string[]).map((f) => relative(ROOT, f));
    expect(all.length).toBeGreaterThan(40);
    expect(all.filter((f) => !modules.includes(f))).toEqual([]);
  });

  it("is strict", () => {
    expect(parsed.options).toMatchObject({strict: true, allowJs: true, noUncheckedIndexedAccess: true});
  });
});
