// Site build time and the size of what it produces.
import {existsSync, readdirSync, rmSync, statSync} from "node:fs";
import {join, relative, sep} from "node:path";
import {buildSite} from "../test/e2e/globalSetup.js";
import {fixed, type BenchSection} from "./types.js";

const MB = 1024 * 1024;

function sizeOf(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.size;
  let total = 0;
  for (const name of readdirSync(path)) total += sizeOf(join(path, name));
  return total;
}

function files(dir: string): {path: string; size: number}[] {
  const out: {path: string; size: number}[] = [];
  const walk = (path: string) => {
    for (const entry of readdirSync(path, {withFileTypes: true})) {
      const child = join(path, entry.name);
      if (entry.isDirectory()) walk(child);
      else out.push({path: relative(dir, child).split(sep).join("/"), size: statSync(child).size});
    }
  };
  if (existsSync(dir)) walk(dir);
  return out;
}

export const build: BenchSection = {
  name: "site",
  title: "Site build with all unit pages (npm run build: prepare, data loaders, observable build, postbuild; target ≤ 60 s)",
  async run({root, distDir, log}) {
    const clear = (...paths: string[]) => paths.forEach((p) => rmSync(join(root, p), {recursive: true, force: true}));
    const loaderOutput = join("src", ".observablehq", "cache", "data");
    log("site: cold build: clearing dist/, loader output and every cache under .cache/ (tables, serving file, compressed copies)…");
    clear(relative(root, distDir), loaderOutput, join(".cache", "tables"), join(".cache", "serving"), join(".cache", "compress"));
    const cold = await buildSite();
    log(`site: cold build ${fixed(cold.ms / 1000)} s; fresh build (loader output cleared, caches kept)…`);
    clear(relative(root, distDir), loaderOutput);
    const fresh = await buildSite();
    log(`site: fresh build ${fixed(fresh.ms / 1000)} s; rebuilding with the loader output in place…`);
    const warm = await buildSite();
    const pages = files(distDir).filter((f) => f.path.endsWith(".html") && f.path !== "404.html").length;
    return [
      {metric: "build, cold (no dist/, no loader output, no .cache/)", value: fixed(cold.ms / 1000), unit: "s", note: "as on a new checkout: tables, serving file and every .br/.gz computed (the 34 MB wasm's take longest)"},
      {metric: "build, fresh (no dist/, no loader output)", value: fixed(fresh.ms / 1000), unit: "s", note: "loaders run; tables and compressed copies reused from .cache/ (keyed by content)"},
      {metric: "build again, loader output cached", value: fixed(warm.ms / 1000), unit: "s", note: "difference to fresh ≈ time spent in data loaders"},
      {metric: "pages built", value: pages}
    ];
  }
};

export const size: BenchSection = {
  name: "size",
  title: "Size of dist/",
  async run({distDir, ensureBuilt}) {
    await ensureBuilt();
    const all = files(distDir);
    const total = all.reduce((sum, f) => sum + f.size, 0);
    const duckdb = sizeOf(join(distDir, "_node", "@duckdb"));
    const wasm = all.filter((f) => f.path.startsWith("_node/@duckdb/") && f.path.endsWith(".wasm")).reduce((sum, f) => sum + f.size, 0);
    const data = all.filter((f) => f.path.startsWith("_file/data/")).reduce((sum, f) => sum + f.size, 0);
    const node = sizeOf(join(distDir, "_node")) - duckdb;
    const share = (bytes: number) => `${fixed((100 * bytes) / total)} % of dist/`;
    const largest = [...all].sort((a, b) => b.size - a.size).slice(0, 3);
    return [
      {metric: "dist/ total", value: fixed(total / MB), unit: "MB", note: `${all.length} files`},
      {metric: "DuckDB-WASM (dist/_node/@duckdb)", value: fixed(duckdb / MB), unit: "MB", note: share(duckdb)},
      {metric: "  of which .wasm", value: fixed(wasm / MB), unit: "MB", note: share(wasm)},
      {metric: "other npm packages (dist/_node)", value: fixed(node / MB), unit: "MB", note: share(node)},
      {metric: "data files (dist/_file/data)", value: fixed(data / MB), unit: "MB", note: share(data)},
      ...largest.map((f, i) => ({metric: `largest file #${i + 1}`, value: fixed(f.size / MB, 2), unit: "MB", note: f.path}))
    ];
  }
};

export const sections = [build, size];
