// `npm run dev`: Framework's preview server reloads a page in the browser when
// its markdown changes. Runs on a temporary copy of the project (what the
// preview reads: config, pages, the modules and data the config imports, with
// node_modules linked), so the test never writes into the real src/.
import {spawn, type ChildProcess} from "node:child_process";
import {cpSync, existsSync, mkdtempSync, rmSync, symlinkSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join, relative} from "node:path";
import {afterAll, expect, test} from "vitest";
import {seedNpmVersionCache} from "../../scripts/prepare.mjs";
import {root} from "./globalSetup.js";
import {launchBrowser} from "./browser.js";

/** The project's files `observable preview` reads, copied; Framework's cache is left behind and node_modules linked. */
function copyProject(): string {
  const dir = mkdtempSync(join(tmpdir(), "oj-dev-"));
  const cache = join("src", ".observablehq");
  for (const name of ["package.json", "observablehq.config.ts", "src", "loaders", "publish", "data"]) {
    cpSync(join(root, name), join(dir, name), {recursive: true, filter: (source) => !relative(root, source).startsWith(cache)});
  }
  symlinkSync(join(root, "node_modules"), join(dir, "node_modules"), "dir");
  // As `npm run dev` does first (scripts/prepare.mjs): Framework's version look-ups answered locally.
  seedNpmVersionCache({root: dir, cache: join(dir, cache, "cache")});
  return dir;
}

const project = copyProject();
const PAGE = join(project, "src", "e2e-live-reload.md");
const page = (heading: string) => `---\ntitle: Live reload\n---\n\n# ${heading}\n`;
let server: ChildProcess | undefined;

afterAll(() => {
  server?.kill();
  rmSync(project, {recursive: true, force: true});
});

async function waitForServer(url: string, timeout = 60_000): Promise<void> {
  const deadline = Date.now() + timeout;
  while (Date.now() < deadline) {
    if (await fetch(url).then((r) => r.ok, () => false)) return;
    await new Promise((ok) => setTimeout(ok, 250));
  }
  throw new Error(`preview server did not answer at ${url}`);
}

// The test never navigates after the first load: the preview server pushes the change (it may patch the page or reload it).
test("editing a page in src/ updates it in the open browser", async () => {
  writeFileSync(PAGE, page("Första versionen"));
  const port = 30_000 + Math.floor(Math.random() * 20_000);
  server = spawn(join(root, "node_modules", ".bin", "observable"), ["preview", "--host", "127.0.0.1", "--port", String(port), "--no-open"], {
    cwd: project,
    env: {...process.env, OBSERVABLE_TELEMETRY_DISABLE: "true"},
    stdio: "ignore"
  });
  const url = `http://127.0.0.1:${port}/e2e-live-reload`;
  await waitForServer(url);
  const browser = await launchBrowser();
  try {
    const tab = await browser.newPage();
    // The page listens for changes over a websocket; edit only once it is open.
    const socket = tab.waitForEvent("websocket", {timeout: 30_000});
    await tab.goto(url);
    await (await socket).waitForEvent("framereceived", {timeout: 30_000});
    expect((await tab.locator("h1").textContent())?.trim()).toBe("Första versionen");
    // Framework sends its welcome before it starts watching the file, so an edit
    // made at once can go unseen: edit, wait a moment, and edit again if need be.
    const heading = async () => (await tab.locator("h1").textContent())?.trim();
    let seen = await heading();
    for (let attempt = 0; attempt < 10 && seen !== "Andra versionen"; attempt++) {
      writeFileSync(PAGE, `${page("Andra versionen")}\nRedigering ${attempt + 1}.\n`);
      const deadline = Date.now() + 3_000;
      while (Date.now() < deadline && (seen = await heading()) !== "Andra versionen") await tab.waitForTimeout(100);
    }
    expect(seen).toBe("Andra versionen");
    expect(existsSync(join(root, "src", "e2e-live-reload.md")), "the project's own src/ is never written").toBe(false);
  } finally {
    await browser.close();
  }
}, 120_000);
