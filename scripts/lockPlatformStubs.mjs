// Keeps package-lock.json installable with `npm ci` on this project's registry.
//
// Some packages ship native code as one optional package per platform
// (@duckdb/node-bindings-darwin-arm64, @rollup/rollup-win32-x64-msvc, …). The
// registry these machines reach only carries the Linux x64 ones, so `npm install`
// leaves the others out of the lock file, and `npm ci` then refuses the lock
// ("Missing: … from lock file"). This script adds an entry for each such
// platform package, with the os/cpu/libc that its name declares and no download
// address: npm ci skips it on any other platform, exactly as it would skip the
// real one. Run it after `npm install` changes the lock (`npm run lock:fix`).
import {readFileSync, writeFileSync} from "node:fs";
import {fileURLToPath} from "node:url";

const OS = ["darwin", "linux", "win32", "android", "freebsd", "openbsd", "openharmony", "sunos", "aix", "netbsd"];
const CPU = ["arm64", "x64", "ia32", "arm", "loong64", "ppc64", "riscv64", "s390x", "mips64el"];

/** Platform constraints from a package name such as "rollup-linux-arm64-musl". */
export function platformOf(name) {
  const parts = name.split("/").pop().split("-");
  const os = parts.find((p) => OS.includes(p));
  const cpu = parts.find((p) => CPU.includes(p));
  if (!os || !cpu) return null;
  const libc = parts.includes("musl") || parts.some((p) => p.startsWith("musl")) ? "musl" : os === "linux" && parts.some((p) => p.startsWith("gnu")) ? "glibc" : undefined;
  return {os: [os], cpu: [cpu], ...(libc ? {libc: [libc]} : {})};
}

/** Adds the missing platform packages to a parsed lock file; returns the names added. */
export function addPlatformStubs(lock) {
  const added = [];
  for (const [path, entry] of Object.entries(lock.packages)) {
    for (const [name, version] of Object.entries(entry.optionalDependencies ?? {})) {
      const key = `${path ? `${path}/` : ""}node_modules/${name}`;
      const hoisted = `node_modules/${name}`;
      if (lock.packages[key] || lock.packages[hoisted]) continue;
      const platform = platformOf(name);
      if (!platform) continue;
      lock.packages[hoisted] = {version, ...platform, optional: true};
      added.push(`${name}@${version}`);
    }
  }
  lock.packages = Object.fromEntries(Object.entries(lock.packages).sort(([a], [b]) => (a === "" ? -1 : b === "" ? 1 : a.localeCompare(b))));
  return added;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const file = new URL("../package-lock.json", import.meta.url);
  const lock = JSON.parse(readFileSync(file, "utf8"));
  const added = addPlatformStubs(lock);
  writeFileSync(file, JSON.stringify(lock, null, 2) + "\n");
  console.error(added.length ? `package-lock.json: added ${added.length} platform packages:\n  ${added.join("\n  ")}` : "package-lock.json: nothing to add");
}
