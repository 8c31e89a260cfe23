import {describe, expect, it} from "vitest";
import {addPlatformStubs, platformOf} from "../../scripts/lockPlatformStubs.mjs";

describe("platformOf(name) reads os, cpu and libc from a platform package's name", () => {
  it.each([
    ["@duckdb/node-bindings-darwin-arm64", {os: ["darwin"], cpu: ["arm64"]}],
    ["@duckdb/node-bindings-linux-arm64-musl", {os: ["linux"], cpu: ["arm64"], libc: ["musl"]}],
    ["@rollup/rollup-linux-arm-musleabihf", {os: ["linux"], cpu: ["arm"], libc: ["musl"]}],
    ["@rollup/rollup-linux-riscv64-gnu", {os: ["linux"], cpu: ["riscv64"], libc: ["glibc"]}],
    ["@rollup/rollup-win32-ia32-msvc", {os: ["win32"], cpu: ["ia32"]}],
    ["@duckdb/node-bindings", null]
  ])("%s", (name, expected) => expect(platformOf(name)).toEqual(expected));
});

describe("addPlatformStubs(lock)", () => {
  it("adds missing optional platform packages and leaves installed ones alone", () => {
    const lock = {
      packages: {
        "": {name: "x"},
        "node_modules/@duckdb/node-bindings": {version: "1.0.0", optionalDependencies: {"@duckdb/node-bindings-linux-x64": "1.0.0", "@duckdb/node-bindings-win32-x64": "1.0.0"}},
        "node_modules/@duckdb/node-bindings-linux-x64": {version: "1.0.0", resolved: "r", integrity: "i", os: ["linux"], cpu: ["x64"], optional: true}
      }
    };
    expect(addPlatformStubs(lock)).toEqual(["@duckdb/node-bindings-win32-x64@1.0.0"]);
    expect(lock.packages["node_modules/@duckdb/node-bindings-win32-x64" as keyof typeof lock.packages]).toEqual({version: "1.0.0", os: ["win32"], cpu: ["x64"], optional: true});
    expect(addPlatformStubs(lock)).toEqual([]);
  });
});
