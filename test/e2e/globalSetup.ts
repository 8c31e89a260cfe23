// Builds the site once for all browser tests and serves dist/ on 127.0.0.1.
// Tests read the server's address with `inject("baseUrl")`.
//   E2E_SKIP_BUILD=1  reuse an existing dist/ (fails if there is none)
// This module does not import vitest at run time, so the benchmark (bench/)
// reuses its helpers: buildSite, loadServe, launchBrowser.
import {spawn} from "node:child_process";
import {cpSync, existsSync, mkdtempSync, rmSync} from "node:fs";
import {tmpdir} from "node:os";
import {join, resolve} from "node:path";
import {fileURLToPath} from "node:url";
import {chromium, type Browser} from "playwright-core";
import type {TestProject} from "vitest/node";

declare module "vitest" {
  export interface ProvidedContext {
    /** Base URL of the static server for dist/, e.g. http://127.0.0.1:41234 (no trailing slash). */
    baseUrl: string;
  }
}

export const root = fileURLToPath(new URL("../..", import.meta.url));
/** The built site: observablehq.config.ts writes to $OJ_DIST when set, else dist/. */
export const distDir = resolve(root, process.env.OJ_DIST ?? "dist");

export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync"
];

/** Debian's Chromium, headless, with no background traffic of its own. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS});
}

type Serve = (root: string, options?: {port?: number; host?: string}) => Promise<{url: string; close: () => Promise<void>}>;

/** scripts/serve.mjs, typed (it is plain JS and the project does not compile JS). */
export async function loadServe(): Promise<Serve> {
  const module = (await import(new URL("../../scripts/serve.mjs", import.meta.url).href)) as {serve: Serve};
  return module.serve;
}

/** Runs `npm run build` in the project root; rejects with the build's whole output if it fails. */
export function buildSite(): Promise<{ms: number; output: string}> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn("npm", ["run", "build"], {
      cwd: root,
      env: {...process.env, OBSERVABLE_TELEMETRY_DISABLE: "true"},
      stdio: ["ignore", "pipe", "pipe"]
    });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.on("error", reject);
    child.on("close", (code, signal) => {
      if (code === 0) resolve({ms: performance.now() - started, output});
      else reject(new Error(`npm run build failed (${signal ?? `exit code ${code}`}). Its output:\n\n${output}`));
    });
  });
}

/**
 * Copies dist/ to a temporary folder and serves that copy on 127.0.0.1, so that a
 * rebuild of dist/ while tests or measurements run (`npm run build` in another
 * terminal) cannot swap hashed file names under a loaded page.
 */
export async function serveSnapshot(source = distDir): Promise<{url: string; dir: string; close: () => Promise<void>}> {
  const dir = mkdtempSync(join(tmpdir(), "oj-dist-"));
  cpSync(source, dir, {recursive: true});
  const serve = await loadServe();
  const server = await serve(dir, {port: 0, host: "127.0.0.1"});
  return {
    url: server.url,
    dir,
    async close() {
      await server.close();
      rmSync(dir, {recursive: true, force: true});
    }
  };
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const skip = process.env.E2E_SKIP_BUILD === "1" && existsSync(distDir);
  if (skip) {
    console.log("e2e: E2E_SKIP_BUILD=1, using the existing dist/");
  } else {
    console.log("e2e: building the site (npm run build)…");
    const {ms} = await buildSite();
    console.log(`e2e: site built in ${(ms / 1000).toFixed(1)} s`);
  }
  if (!existsSync(distDir)) throw new Error(`e2e: ${distDir} does not exist after the build`);
  const server = await serveSnapshot(distDir);
  console.log(`e2e: serving a copy of dist/ on ${server.url}`);
  project.provide("baseUrl", server.url);
  return async () => {
    await server.close();
  };
}
