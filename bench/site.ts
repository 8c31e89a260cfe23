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
  name: "build",
  title: "Site build (npm run build: prepare, data loaders, observable build, postbuild)",
  async run({root, distDir, log}) {
    log("build: clearing dist/ and src/.observablehq/cache/data, then npm run build…");
    rmSync(distDir, {recursive: true, force: true});
    rmSync(join(root, "src", ".observablehq", "cache", "data"), {recursive: true, force: true});
    const fresh = await buildSite();
    log(`build: fresh build ${fixed(fresh.ms / 1000)} s; rebuilding with the data cache in place…`);
    const warm = await buildSite();
    const pages = files(distDir).filter((f) => f.path.endsWith(".html") && f.path !== "404.html").length;
    return [
      {metric: "build, fresh (no dist/, no cached loader output)", value: fixed(fresh.ms / 1000), unit: "s", note: "wall clock around npm run build"},
      {metric: "build again, loader output cached", value: fixed(warm.ms / 1000), unit: "s", note: "difference ≈ time spent in data loaders"},
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
