/**
 * PGlite has no lock between processes: two processes opening one data directory
 * corrupt it (PGlite has no lock of its own). A pid file beside the data refuses the second opener
 * with a message, and is taken over when the process that wrote it is gone.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";

function lockFile(dir: string) {
  return path.join(path.dirname(path.resolve(dir)), `${path.basename(dir)}.lock`);
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}

export function acquireDirLock(dir: string): void {
  // PGlite does not create parent folders.
  mkdirSync(dir, { recursive: true });
  const file = lockFile(dir);
  if (existsSync(file)) {
    const pid = Number(readFileSync(file, "utf8").trim());
    if (pid && pid !== process.pid && alive(pid)) {
      throw new Error(
        `The embedded database at ${dir} is in use by process ${pid}. ` +
          `Stop that process first (PGlite cannot be shared between processes), or set DATABASE_URL to use a Postgres server.`,
      );
    }
  }
  writeFileSync(file, String(process.pid));
}

export function releaseDirLock(dir: string): void {
  const file = lockFile(dir);
  try {
    if (existsSync(file) && Number(readFileSync(file, "utf8").trim()) === process.pid) rmSync(file);
  } catch {
    // Best effort: a stale lock of a dead pid is taken over on the next start.
  }
}
