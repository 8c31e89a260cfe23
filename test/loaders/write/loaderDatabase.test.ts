// loaders/write/loaderDatabase.ts: a load's DuckDB has a memory limit and its
// own spill folder, which is gone after close.
import {existsSync} from "node:fs";
import {describe, expect, it} from "vitest";
import {LOADER_MEMORY_LIMIT, openLoaderDatabase} from "../../../loaders/write/loaderDatabase.js";

describe("openLoaderDatabase", () => {
  it(`limits DuckDB to ${LOADER_MEMORY_LIMIT} and spills into a folder of its own, removed on close`, async () => {
    const {instance, close} = await openLoaderDatabase();
    const connection = await instance.connect();
    const [settings] = (await connection.runAndReadAll("SELECT current_setting('memory_limit') AS memory, current_setting('temp_directory') AS spill")).getRowObjectsJS() as {memory: string; spill: string}[];
    expect(settings!.memory).toMatch(/^953\.[0-9] MiB$/);
    expect(settings!.spill).toMatch(/oj-load-spill-[0-9a-f]{12}$/);
    await connection.run("CREATE TABLE t AS SELECT range AS i FROM range(100000) ORDER BY i DESC");
    connection.closeSync();
    close();
    expect(existsSync(settings!.spill)).toBe(false);
  });
});
