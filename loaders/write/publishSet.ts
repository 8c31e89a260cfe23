/**
 * The output tables are one set: pages and release files read several of them
 * together, so a reader must never see new observations beside old areas. The
 * set is written into a staging folder beside the target and switched in with
 * a rename; staging folders left by a killed run are removed by the next one.
 */
import {randomBytes} from "node:crypto";
import {existsSync, mkdirSync, readdirSync, renameSync, rmSync} from "node:fs";
import {basename, dirname, join} from "node:path";
import {fail} from "../errors.js";

const stagingName = (base: string, kind: "staging" | "old") => `.${base}.${kind}-${process.pid}-${randomBytes(4).toString("hex")}`;
const LEFTOVER = (base: string) => new RegExp(`^\\.${base.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}\\.(staging|old)-(\\d+)-[0-9a-f]{8}$`);

function alive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** Removes staging and swap folders beside `outDir` whose process is gone (a run that was killed). */
export function removeStaleStaging(outDir: string): string[] {
  const parent = dirname(outDir);
  if (!existsSync(parent)) return [];
  const pattern = LEFTOVER(basename(outDir));
  const removed: string[] = [];
  for (const name of readdirSync(parent)) {
    const match = pattern.exec(name);
    if (match && !alive(Number(match[2]))) {
      rmSync(join(parent, name), {recursive: true, force: true});
      removed.push(name);
    }
  }
  return removed;
}

/**
 * Writes a set of files with `write(staging)` and makes them `outDir` in one
 * rename. A previous set in `outDir` is swapped out first (so a reader sees
 * the old set or the new one, never a mix); `outDir` may not hold anything but
 * files named in `setFiles`, so a wrong path cannot wipe unrelated files.
 */
export async function publishSet(outDir: string, setFiles: readonly string[], write: (staging: string) => Promise<void>): Promise<void> {
  removeStaleStaging(outDir);
  const parent = dirname(outDir);
  const base = basename(outDir);
  if (existsSync(outDir)) {
    const foreign = readdirSync(outDir).filter((name) => !setFiles.includes(name));
    if (foreign.length > 0) fail({file: outDir}, `holds files that are not part of the table set (${foreign.slice(0, 5).join(", ")}): expected an empty folder or an earlier set of tables`);
  }
  mkdirSync(parent, {recursive: true});
  const staging = join(parent, stagingName(base, "staging"));
  mkdirSync(staging);
  try {
    await write(staging);
    try {
      // rename(2) replaces a missing or empty directory atomically.
      renameSync(staging, outDir);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code !== "ENOTEMPTY" && code !== "EEXIST") throw error;
      const old = join(parent, stagingName(base, "old"));
      renameSync(outDir, old);
      renameSync(staging, outDir);
      rmSync(old, {recursive: true, force: true});
    }
  } finally {
    rmSync(staging, {recursive: true, force: true});
  }
}
