// The harness itself: openPage must notice what the page tests rely on it to
// notice. Uses small hand-written pages, not the site, served by a bare server
// here: the site's server (scripts/serve.mjs) sends a Content-Security-Policy
// that would stop the off-host request before the harness could see it.
import {existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from "node:fs";
import {createServer} from "node:http";
import {tmpdir} from "node:os";
import {join} from "node:path";
import type {Browser} from "playwright-core";
import {afterAll, beforeAll, describe, expect, test} from "vitest";
import {describeProblems, isLocalUrl, launchBrowser, openPage, screenshotName, waitForContent} from "./browser.js";

/** Serves `dir/<path>.html` (404 otherwise), nothing else. */
function bareServer(root: string): Promise<{url: string; close: () => Promise<void>}> {
  const server = createServer((req, res) => {
    const file = join(root, `${(req.url ?? "/").split("?")[0]!.replace(/[^\w/-]/g, "")}.html`);
    if (existsSync(file)) res.writeHead(200, {"content-type": "text/html; charset=utf-8"}).end(readFileSync(file));
    else res.writeHead(404).end();
  });
  return new Promise((ok) =>
    server.listen(0, "127.0.0.1", () =>
      ok({url: `http://127.0.0.1:${(server.address() as {port: number}).port}`, close: () => new Promise<void>((done) => server.close(() => done()))})
    )
  );
}

let browser: Browser;
let server: {url: string; close: () => Promise<void>};
let dir: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "e2e-harness-"));
  writeFileSync(join(dir, "clean.html"), `<!DOCTYPE html><title>ok</title><img src="data:image/gif;base64,R0lGODlhAQABAAAAACw="><p id="done">klar</p>`);
  writeFileSync(
    join(dir, "bad.html"),
    `<!DOCTYPE html><title>bad</title>
<img src="/missing.png">
<script>
  console.error("something broke");
  fetch("https://cdn.jsdelivr.net/npm/d3@7/+esm").catch(() => {});
  setTimeout(() => { throw new Error("uncaught in page"); });
</script>
<div class="observablehq--error">RuntimeError: x is not defined</div>`
  );
  server = await bareServer(dir);
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  rmSync(dir, {recursive: true, force: true});
});

describe("openPage", () => {
  test("a clean page records nothing", async () => {
    const opened = await openPage(browser, server.url, "/clean");
    try {
      await opened.page.locator("#done").waitFor();
      expect(opened.problems).toEqual({offHost: [], consoleErrors: [], pageErrors: [], failedResponses: []});
      opened.expectClean();
    } finally {
      await opened.close();
    }
  });

  test("records (and blocks) requests off 127.0.0.1, console errors, page errors and 404s", async () => {
    const opened = await openPage(browser, server.url, "/bad");
    try {
      await expect.poll(() => opened.problems.pageErrors.length).toBe(1);
      await expect.poll(() => opened.problems.offHost.length).toBe(1);
      const {problems} = opened;
      expect(problems.offHost).toEqual(["GET https://cdn.jsdelivr.net/npm/d3@7/+esm"]);
      expect(problems.consoleErrors.some((e) => e.startsWith("something broke"))).toBe(true);
      expect(problems.pageErrors[0]).toContain("uncaught in page");
      expect(problems.failedResponses.some((r) => r.startsWith("404 GET") && r.endsWith("/missing.png"))).toBe(true);
      expect(() => opened.expectClean()).toThrow(/requests off 127\.0\.0\.1/);
      expect(describeProblems(problems)).toContain("failed responses");
      await expect(waitForContent(opened.page, opened.page.locator("#never"), 5_000)).rejects.toThrow(/a cell failed.*x is not defined/);
    } finally {
      await opened.close();
    }
  });
});

test("locator matchers retry until the page catches up, and report what they saw", async () => {
  const opened = await openPage(browser, server.url, "/clean");
  try {
    const {page} = opened;
    await page.evaluate(() => setTimeout(() => document.body.insertAdjacentHTML("beforeend", "<ul><li>ett</li><li>två</li></ul>"), 300));
    await expect(page.locator("li")).toHaveCount(2);
    await expect(page.locator("ul")).toContainText("två");
    await expect(page.locator("li").first()).toHaveText("ett");
    await expect(page.locator("li")).toHaveText(/^ett\s+två$/);
    await expect(page.locator("ol")).not.toHaveCount(1);
    await expect(expect(page.locator("li")).toHaveCount(3, {timeout: 300})).rejects.toThrow(/to match 3 element\(s\), it matches 2/);
    await expect(expect(page.locator("ul")).toContainText("tre", {timeout: 300})).rejects.toThrow(/its text is "etttvå"/);
    opened.expectClean();
  } finally {
    await opened.close();
  }
});

test("isLocalUrl", () => {
  expect(isLocalUrl("http://127.0.0.1:4321/_file/data/x.parquet")).toBe(true);
  expect(isLocalUrl("data:application/wasm;base64,AGFzbQ==")).toBe(true);
  expect(isLocalUrl("blob:http://127.0.0.1:4321/6c1f")).toBe(true);
  expect(isLocalUrl("http://localhost:4321/")).toBe(false);
  expect(isLocalUrl("https://cdn.jsdelivr.net/npm/x")).toBe(false);
  expect(isLocalUrl("https://127.0.0.1.example.org/")).toBe(false);
});

test("screenshotName", () => {
  expect(screenshotName("/")).toBe("index");
  expect(screenshotName("/kommun/0180")).toBe("kommun-0180");
  expect(screenshotName("/rapporter/resultat-i-korthet-2016?x=1")).toBe("rapporter-resultat-i-korthet-2016");
});
