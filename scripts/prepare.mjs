// Runs before `observable build` and `observable preview` (npm pre-scripts).
// Two jobs, both about Framework's cache in src/.observablehq/cache:
//  1. Offline: Framework's client bundle resolves a version for every `npm:`
//     library its stdlib *might* load (react-dom, lodash, echarts, …) by asking
//     the npm registry, even when no page uses them. An entry in its version
//     cache answers that question locally. Pages import packages by name from
//     node_modules instead (see README, "Offline"), so these entries stay empty,
//     and scripts/checkOffline.mjs fails the build if anything was fetched.
//  2. Freshness: Framework reruns a data loader only when the loader file itself
//     changes, not when loaders/ or data/ do. We key the data cache on a hash of
//     everything a loader can read and clear it when that hash changes.
import {createHash} from "node:crypto";
import {existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync} from "node:fs";
import {dirname, join, relative} from "node:path";
import {fileURLToPath} from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const cache = join(root, "src", ".observablehq", "cache");

export function stdlibNpmNames(frameworkDist) {
  const names = new Set();
  const walk = (dir) => {
    for (const entry of readdirSync(dir, {withFileTypes: true})) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith(".js")) {
        for (const [, spec] of readFileSync(path, "utf8").matchAll(/["'`]npm:((?:@[\w.-]+\/)?[\w.-]+)/g)) names.add(spec);
      }
    }
  };
  walk(join(frameworkDist, "client"));
  return [...names].sort();
}

function installedVersion(name, root) {
  const pkg = join(root, "node_modules", name, "package.json");
  return existsSync(pkg) ? JSON.parse(readFileSync(pkg, "utf8")).version : null;
}

export function seedNpmVersionCache({root: projectRoot = root, cache: cacheDir = cache} = {}) {
  const root = projectRoot, cache = cacheDir;
  const dist = join(root, "node_modules", "@observablehq", "framework", "dist");
  const seeded = [];
  for (const name of stdlibNpmNames(dist)) {
    // A package the project installs keeps its real version; the others are
    // never loaded by a page, so any version string satisfies the lookup.
    const version = installedVersion(name, root) ?? "0.0.0-offline";
    mkdirSync(join(cache, "_npm", `${name}@${version}`), {recursive: true});
    seeded.push(`${name}@${version}`);
  }
  return seeded;
}

function hashTree(paths, root) {
  const hash = createHash("sha256");
  const visit = (path) => {
    if (!existsSync(path)) return;
    const stat = statSync(path);
    if (stat.isDirectory()) {
      for (const name of readdirSync(path).sort()) if (name !== ".observablehq" && name !== "node_modules") visit(join(path, name));
    } else {
      hash.update(relative(root, path)).update("\0").update(readFileSync(path)).update("\0");
    }
  };
  for (const path of paths) visit(path);
  return hash.digest("hex");
}

export function invalidateStaleData({root: projectRoot = root, cache: cacheDir = cache} = {}) {
  const root = projectRoot, cache = cacheDir;
  const stamp = join(cache, "data-inputs.sha256");
  const digest = hashTree([join(root, "loaders"), join(root, "data"), join(root, "src", "data"), join(root, "src", "components"), join(root, "src", "lib"), join(root, "publish"), join(root, "package-lock.json")], root);
  const previous = existsSync(stamp) ? readFileSync(stamp, "utf8") : null;
  if (previous !== digest) {
    rmSync(join(cache, "data"), {recursive: true, force: true});
    mkdirSync(cache, {recursive: true});
    writeFileSync(stamp, digest);
    return true;
  }
  return false;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const seeded = seedNpmVersionCache();
  const cleared = invalidateStaleData();
  console.error(`prepare: ${seeded.length} stdlib libraries resolved locally; data cache ${cleared ? "cleared (inputs changed)" : "fresh"}`);
}
