import fs from "node:fs";
import path from "node:path";
import type { Db } from "./db";
import { dialectOf } from "./dialects";

// Where hosted files (uploads, generated masks, demo images) are kept, by path relative to
// `/files/`. SQLite's one process keeps them on its disk, in DATA_DIR/files; on PostgreSQL they
// live in the database, so every process on every machine can serve and read them.

export interface StoredFile {
  bytes: Buffer;
  contentType: string;
}

export interface BlobStore {
  readonly kind: "disk" | "database";
  /** Writes (or replaces) a file; `relPath` is already checked to stay inside the store. */
  put(relPath: string, bytes: Uint8Array, contentType: string): Promise<void>;
  get(relPath: string): Promise<StoredFile | null>;
  exists(relPath: string): Promise<boolean>;
  /** Deletes files (missing ones are no error): files written for a write that then failed. */
  remove(relPaths: string[]): Promise<void>;
}

/** `relPath` with forward slashes and no way out (`..`, absolute), or null. */
export function normalizeFilePath(relPath: string): string | null {
  const parts = relPath.split(/[\\/]+/).filter((p) => p !== "" && p !== ".");
  if (parts.length === 0 || parts.some((p) => p === ".." || p.includes("\0"))) return null;
  return parts.join("/");
}

const TYPES: Record<string, string> = {
  png: "image/png",
  jpg: "image/jpeg",
  jpeg: "image/jpeg",
  gif: "image/gif",
  webp: "image/webp",
  wav: "audio/wav",
  html: "text/html; charset=utf-8",
};

/** Content type by extension: every name this server writes ends in one of these. */
export function contentTypeOf(relPath: string): string {
  return TYPES[path.extname(relPath).slice(1).toLowerCase()] ?? "application/octet-stream";
}

export class DiskBlobStore implements BlobStore {
  readonly kind = "disk";
  constructor(readonly dir: string) {}

  private full(relPath: string): string {
    const rel = normalizeFilePath(relPath);
    if (!rel) throw new Error(`bad file path ${relPath}`);
    return path.join(this.dir, rel);
  }

  async put(relPath: string, bytes: Uint8Array): Promise<void> {
    const full = this.full(relPath);
    await fs.promises.mkdir(path.dirname(full), { recursive: true });
    // Write then rename: a reader never sees half a file, even if the process dies mid-write.
    const tmp = `${full}.${process.pid}.tmp`;
    await fs.promises.writeFile(tmp, bytes);
    await fs.promises.rename(tmp, full);
  }

  async get(relPath: string): Promise<StoredFile | null> {
    try {
      return { bytes: await fs.promises.readFile(this.full(relPath)), contentType: contentTypeOf(relPath) };
    } catch {
      return null;
    }
  }

  async exists(relPath: string): Promise<boolean> {
    try {
      return (await fs.promises.stat(this.full(relPath))).isFile();
    } catch {
      return false;
    }
  }

  async remove(relPaths: string[]): Promise<void> {
    const dirs = new Set<string>();
    for (const relPath of relPaths) {
      const full = this.full(relPath);
      await fs.promises.rm(full, { force: true });
      dirs.add(path.dirname(full));
    }
    // A folder the files had to themselves (a task's masks/<id>/) goes too; rmdir leaves any other.
    for (const dir of dirs) if (dir !== this.dir) await fs.promises.rmdir(dir).catch(() => undefined);
  }
}

export class DatabaseBlobStore implements BlobStore {
  readonly kind = "database";
  constructor(private readonly db: Db) {}

  async put(relPath: string, bytes: Uint8Array, contentType: string): Promise<void> {
    const rel = normalizeFilePath(relPath);
    if (!rel) throw new Error(`bad file path ${relPath}`);
    const values = { content_type: contentType, size: bytes.length, bytes: Buffer.from(bytes), created_at: Date.now() };
    // Same path, same bytes in practice (content-hashed uploads, masks seeded by task id), so
    // two processes writing one path at once simply agree.
    await this.db
      .insertInto("files")
      .values({ path: rel, ...values })
      .onConflict((oc) => oc.column("path").doUpdateSet(values))
      .execute();
  }

  async get(relPath: string): Promise<StoredFile | null> {
    const rel = normalizeFilePath(relPath);
    if (!rel) return null;
    const row = await this.db.selectFrom("files").select(["bytes", "content_type"]).where("path", "=", rel).executeTakeFirst();
    return row ? { bytes: Buffer.from(row.bytes), contentType: row.content_type } : null;
  }

  async exists(relPath: string): Promise<boolean> {
    const rel = normalizeFilePath(relPath);
    if (!rel) return false;
    return (await this.db.selectFrom("files").select("path").where("path", "=", rel).executeTakeFirst()) !== undefined;
  }

  async remove(relPaths: string[]): Promise<void> {
    const rels = relPaths.map(normalizeFilePath).filter((r): r is string => r !== null);
    if (rels.length > 0) await this.db.deleteFrom("files").where("path", "in", rels).execute();
  }
}

/** Disk beside SQLite (one machine by design); the database itself on PostgreSQL. */
export function openBlobStore(db: Db, dataDir: string): BlobStore {
  return dialectOf(db).singleProcess ? new DiskBlobStore(path.join(dataDir, "files")) : new DatabaseBlobStore(db);
}
