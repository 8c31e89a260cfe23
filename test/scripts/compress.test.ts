// scripts/compress.mjs (postbuild): precompressed copies that decompress to the
// original, only where they pay, and each content compressed once.
import {randomBytes} from "node:crypto";
import {existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {brotliDecompressSync, gunzipSync} from "node:zlib";
import {afterEach, beforeEach, describe, expect, it} from "vitest";

type Report = {file: string; bytes: number; br: number | null; gz: number | null}[];
const {compressTree, brotliQuality} = (await import(new URL("../../scripts/compress.mjs", import.meta.url).href)) as {
  compressTree: (dir: string, options?: {cacheDir?: string}) => Promise<Report>;
  brotliQuality: (size: number) => number;
};

let dir: string;
let cache: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "oj-compress-"));
  cache = join(dir, ".cache");
  mkdirSync(join(dir, "site", "_file", "data"), {recursive: true});
});
afterEach(() => rmSync(dir, {recursive: true, force: true}));

const site = (path: string) => join(dir, "site", path);

describe("compressTree", () => {
  it("writes .br and .gz beside text, wasm and data files, each decompressing to the original", async () => {
    const js = "export const value = 42; // a comment that repeats\n".repeat(400);
    const db = Buffer.concat([Buffer.from("DUCK"), Buffer.alloc(200_000)]);
    writeFileSync(site("app.js"), js);
    writeFileSync(site("_file/data/tables.0123abcd.duckdb"), db);
    await compressTree(join(dir, "site"), {cacheDir: cache});
    expect(brotliDecompressSync(readFileSync(site("app.js.br"))).toString()).toBe(js);
    expect(gunzipSync(readFileSync(site("app.js.gz"))).toString()).toBe(js);
    expect(brotliDecompressSync(readFileSync(site("_file/data/tables.0123abcd.duckdb.br"))).equals(db)).toBe(true);
  });

  it("leaves small files, images and copies that would save less than a tenth alone", async () => {
    writeFileSync(site("tiny.js"), "export {};");
    writeFileSync(site("photo.png"), Buffer.alloc(50_000, 7));
    const noise = randomBytes(50_000);
    writeFileSync(site("noise.json"), noise);
    const report = await compressTree(join(dir, "site"), {cacheDir: cache});
    expect(readdirSync(join(dir, "site")).sort()).toEqual(["_file", "noise.json", "photo.png", "tiny.js"]);
    expect(report).toEqual([{file: site("noise.json"), bytes: 50_000, br: null, gz: null}]);
  });

  it("compresses a content once: a second build reads the cache", async () => {
    writeFileSync(site("app.js"), "let x = 1;\n".repeat(1000));
    await compressTree(join(dir, "site"), {cacheDir: cache});
    const cached = readdirSync(cache);
    expect(cached).toHaveLength(2);
    // A different file with the same content: its copies come from the cache, byte for byte.
    writeFileSync(join(cache, cached.find((f) => f.endsWith(".br"))!), Buffer.from("from the cache"));
    writeFileSync(site("other.js"), "let x = 1;\n".repeat(1000));
    await compressTree(join(dir, "site"), {cacheDir: cache});
    expect(readFileSync(site("other.js.br")).toString()).toBe("from the cache");
    expect(existsSync(site("other.js.gz"))).toBe(true);
  });

  it("spends time on the files where it pays: the wasm and large scripts, not pages or huge tables", () => {
    expect([brotliQuality(30_000), brotliQuality(34_000_000), brotliQuality(200_000_000)]).toEqual([5, 9, 5]);
  });
});
