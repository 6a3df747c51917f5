import fs from "node:fs";
import path from "node:path";
import SQLite from "better-sqlite3";

// A consistent copy of the SQLite database while the server keeps running: SQLite's online backup
// API (better-sqlite3's db.backup) copies page by page and restarts a step when a writer changed
// a page it had copied, so the copy is one committed state, never a torn file. A plain `cp` of a
// WAL database while it is written is not safe; this is.

export const DATABASE_FILE = "scale.sqlite3";

export interface BackupResult {
  file: string;
  bytes: number;
  pages: number;
}

/** Copies `<dataDir>/scale.sqlite3` to `destination` (a new file; an existing one is refused). */
export async function backupDatabase(dataDir: string, destination: string): Promise<BackupResult> {
  const source = path.join(dataDir, DATABASE_FILE);
  if (!fs.existsSync(source)) throw new Error(`no database at ${source} (is DATA_DIR right?)`);
  if (fs.existsSync(destination)) throw new Error(`${destination} already exists; choose a new file name`);
  fs.mkdirSync(path.dirname(destination), { recursive: true });
  const db = new SQLite(source, { fileMustExist: true });
  try {
    db.pragma("busy_timeout = 5000");
    // Small steps let the server's writes interleave instead of waiting for the whole copy.
    const { totalPages } = await db.backup(destination, { progress: () => 256 });
    const check = new SQLite(destination, { readonly: true });
    try {
      const ok = check.pragma("integrity_check", { simple: true });
      if (ok !== "ok") throw new Error(`the copy failed its integrity check: ${String(ok)}`);
    } finally {
      check.close();
    }
    return { file: destination, bytes: fs.statSync(destination).size, pages: totalPages };
  } finally {
    db.close();
  }
}

export function defaultBackupPath(dataDir: string, now = new Date()): string {
  const stamp = now.toISOString().replace(/[:.]/g, "-");
  return path.join(dataDir, "backups", `scale-${stamp}.sqlite3`);
}
