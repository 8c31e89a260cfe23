// The Content-Security-Policy (scripts/csp.mjs): the meta tag every page gets
// from observablehq.config.ts is this policy, and after the build it lists the
// hashes of the page's own inline scripts instead of 'unsafe-inline'.
import {createHash} from "node:crypto";
import {readFileSync} from "node:fs";
import {describe, expect, it} from "vitest";

interface CspModule {
  policy(options?: {scriptHashes?: string[]; header?: boolean}): string;
  withScriptHashes(html: string): string | null;
  SANDBOX_POLICY: string;
}
const csp = (await import(new URL("../../scripts/csp.mjs", import.meta.url).href)) as CspModule;
const config = readFileSync(new URL("../../observablehq.config.ts", import.meta.url), "utf8");
const sandboxLoader = readFileSync(new URL("../../src/data/notebook-sandbox.html.ts", import.meta.url), "utf8");

describe("the site's policy", () => {
  it("is the one the config writes into every page", () => {
    expect(config).toContain(`const CSP = "${csp.policy()}";`);
    expect(config).toMatch(/head: `<meta http-equiv="Content-Security-Policy" content="\$\{CSP\}">/);
  });

  it("lets the site connect only to itself, frame only itself, and run no eval", () => {
    const text = csp.policy();
    expect(text).toContain("connect-src 'self'");
    expect(text).toContain("frame-src 'self'");
    expect(text).toContain("object-src 'none'");
    expect(text).not.toMatch(/\s'unsafe-eval'/);
    expect(text).toMatch(/script-src 'self' 'unsafe-inline' 'wasm-unsafe-eval'/);
  });

  it("is the sandbox page's own policy too (the server sends it for that page)", () => {
    expect(csp.SANDBOX_POLICY.startsWith(/const POLICY =\s*"([^"]+)"/.exec(sandboxLoader)![1]!)).toBe(true);
    expect(csp.SANDBOX_POLICY).toContain("connect-src 'none'");
  });
});

describe("withScriptHashes", () => {
  const page = (scripts: string) => `<!DOCTYPE html><head><meta http-equiv="Content-Security-Policy" content="${csp.policy()}">${scripts}</head><body></body>`;
  const sha = (text: string) => createHash("sha256").update(text).digest("base64");

  it("replaces 'unsafe-inline' with the hashes of the page's inline scripts, not of scripts with src", () => {
    const one = "\nimport {x} from './a.js';\n";
    const two = "{const e = 1;}";
    const html = csp.withScriptHashes(page(`<script type="module">${one}</script><script>${two}</script><script src="./b.js"></script>`))!;
    const content = /content="([^"]+)"/.exec(html)![1]!;
    expect(content).toContain(`script-src 'self' 'wasm-unsafe-eval' 'sha256-${sha(one)}' 'sha256-${sha(two)}'`);
    expect(/script-src [^;]*/.exec(content)![0]).not.toContain("'unsafe-inline'");
    expect(/script-src [^;]*/.exec(content)![0].match(/sha256-/g)).toHaveLength(2);
  });

  it("allows as inline handlers only htl's placeholders, which are not JavaScript", () => {
    const content = /content="([^"]+)"/.exec(csp.withScriptHashes(page("<script>1</script>"))!)![1]!;
    const attr = /script-src-attr ([^;]*)/.exec(content)![1]!;
    expect(attr.startsWith("'unsafe-hashes' ")).toBe(true);
    expect(attr).toContain(`'sha256-${sha("::3")}'`);
    expect(attr).not.toContain(`'sha256-${sha("alert(1)")}'`);
    expect(attr).not.toContain("'unsafe-inline'");
  });

  it("leaves a page without the policy alone", () => {
    expect(csp.withScriptHashes("<html><script>1</script></html>")).toBeNull();
  });
});

describe("pages with a policy of their own", () => {
  it("are left alone (the notebook's sandbox page)", () => {
    const sandbox = `<!DOCTYPE html><meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'unsafe-inline' 'unsafe-eval'"><script>1</script>`;
    expect(csp.withScriptHashes(sandbox)).toBeNull();
  });
});
