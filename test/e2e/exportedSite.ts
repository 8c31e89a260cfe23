// A site built with extra pages (an exported notebook page), for the browser
// tests of exported pages (utforska.test.ts, security.test.ts).
import {spawn} from "node:child_process";
import {cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {expect} from "vitest";
import {root} from "./globalSetup.js";

/**
 * A copy of the project in a temporary folder with `pages` added to src/,
 * built with the project's own config and scripts (so the offline check runs
 * on the exported page too). Reuses the built tables and Framework's module
 * cache, and leaves out the per-kommun pages, so the build takes seconds.
 * Returns the built dist/.
 */
export async function buildSiteWith(pages: Record<string, string>): Promise<{dist: string; cleanup: () => void}> {
  const dir = mkdtempSync(join(tmpdir(), "oj-utforska-export-"));
  const cleanup = () => rmSync(dir, {recursive: true, force: true});
  try {
    for (const path of ["package.json", "package-lock.json", "observablehq.config.ts", "tsconfig.json", "loaders", "publish", "data", "scripts"]) {
      if (existsSync(join(root, path))) cpSync(join(root, path), join(dir, path), {recursive: true});
    }
    cpSync(join(root, "src"), join(dir, "src"), {recursive: true, filter: (source) => !source.includes(`${join(root, "src", ".observablehq")}`)});
    for (const cache of [".cache/tables", "src/.observablehq/cache"]) {
      if (existsSync(join(root, cache))) cpSync(join(root, cache), join(dir, cache), {recursive: true});
    }
    symlinkSync(join(root, "node_modules"), join(dir, "node_modules"), "dir");
    for (const [name, markdown] of Object.entries(pages)) {
      mkdirSync(join(dir, "src"), {recursive: true});
      writeFileSync(join(dir, "src", name), markdown);
    }
    const output = await new Promise<string>((resolve, reject) => {
      const child = spawn("npm", ["run", "build"], {cwd: dir, env: {...process.env, OBSERVABLE_TELEMETRY_DISABLE: "true", OJ_DIST: join(dir, "dist"), OJ_UNIT_PAGES: "0"}, stdio: ["ignore", "pipe", "pipe"]});
      let text = "";
      child.stdout.on("data", (chunk: Buffer) => (text += chunk.toString()));
      child.stderr.on("data", (chunk: Buffer) => (text += chunk.toString()));
      child.on("error", reject);
      child.on("close", (code) => (code === 0 ? resolve(text) : reject(new Error(`building the exported page failed (exit ${code}):\n${text}`))));
    });
    // scripts/checkOffline.mjs ran after the build: the exported page needs nothing from the internet.
    expect(output).toMatch(/checkOffline: \d+ built files load nothing from outside the site/);
    return {dist: join(dir, "dist"), cleanup};
  } catch (error) {
    cleanup();
    throw error;
  }
}

