import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import type { AddressInfo } from "node:net";
import type { FastifyInstance } from "fastify";
import type { UploadedFile } from "../../schema";
import { isStoredPath, type HostedUrls } from "../hosted-urls";
import { contentTypeOf, normalizeFilePath, type BlobStore } from "../store/blobs";
import { imageInfo } from "../attachments/image-size";

// Files this server hosts, served at `/files/...` by http/web.ts, kept in a BlobStore (DATA_DIR/
// files beside SQLite, the database on PostgreSQL, so every process sees every file). Uploads and
// generated masks land here, stored by path (`/files/...`, given today's base when answered: see
// hosted-urls.ts); test mode, the attachment check and completion read our own files from here
// (and the console's static files from disk) instead of calling ourselves over HTTP.

/** A file this server serves: one of the store's, or a file of the built console. */
export type HostedFile = { kind: "blob"; rel: string } | { kind: "static"; file: string };

const EXTENSIONS: Record<UploadedFile["content_type"], string> = {
  "image/png": "png",
  "image/jpeg": "jpg",
  "image/gif": "gif",
  "image/webp": "webp",
};

export class FileStore {
  constructor(
    readonly urls: HostedUrls,
    /** Where the bytes live: DATA_DIR/files beside SQLite, the database on PostgreSQL. */
    readonly blobs: BlobStore,
  ) {}

  /** The stored form of a hosted file's URL: its path, `/files/<rel>` (see hosted-urls.ts). */
  pathFor(relPath: string): string {
    return `/files/${relPath.split(/[\\/]/).map(encodeURIComponent).join("/")}`;
  }

  /** Writes the file and returns its stored path; answers turn it into a URL on today's base. */
  async save(relPath: string, bytes: Uint8Array): Promise<string> {
    if (!normalizeFilePath(relPath)) throw new Error(`bad file path ${relPath}`);
    await this.blobs.put(relPath, bytes, contentTypeOf(relPath));
    return this.pathFor(relPath);
  }

  exists(relPath: string): Promise<boolean> {
    return this.blobs.exists(relPath);
  }

  /** Deletes files this server wrote for something that was then not stored (see BlobStore.remove). */
  remove(relPaths: string[]): Promise<void> {
    return this.blobs.remove(relPaths);
  }

  /**
   * The file behind a path this server serves (`/files/...` in the store, whether or not it exists
   * yet; a file of the built console), whatever host the URL named; null for any other path.
   */
  fileOfPath(pathname: string): HostedFile | null {
    let decoded: string;
    try {
      decoded = decodeURIComponent(pathname.split(/[?#]/)[0]);
    } catch {
      return null;
    }
    if (decoded.startsWith("/files/")) {
      const rel = normalizeFilePath(decoded.slice("/files/".length));
      return rel ? { kind: "blob", rel } : null;
    }
    const file = this.urls.localFileOfPath(pathname.split(/[?#]/)[0]);
    return file ? { kind: "static", file } : null;
  }

  /** The file behind a stored path or an absolute URL of this server, or null for any other URL. */
  hostedFileOf(value: string): HostedFile | null {
    const own = isStoredPath(value) ? value : this.urls.ownPathOf(value);
    return own ? this.fileOfPath(own) : null;
  }

  async read(file: HostedFile): Promise<Buffer | null> {
    if (file.kind === "blob") return (await this.blobs.get(file.rel))?.bytes ?? null;
    try {
      return await fs.promises.readFile(file.file);
    } catch {
      return null;
    }
  }

  async fileExists(file: HostedFile): Promise<boolean> {
    if (file.kind === "blob") return this.blobs.exists(file.rel);
    try {
      return (await fs.promises.stat(file.file)).isFile();
    } catch {
      return false;
    }
  }

  /** The bytes of a hosted file, or null when the value is not ours or the file is gone. */
  async readHosted(value: string): Promise<Buffer | null> {
    const file = this.hostedFileOf(value);
    return file ? this.read(file) : null;
  }

  /**
   * An uploaded image: the type is sniffed from the bytes, never taken from a header, and the name
   * is the content hash, so an upload can't overwrite another file or run as a page. Null when the
   * bytes are not a PNG, JPEG, GIF or WebP image.
   */
  async saveUpload(bytes: Buffer): Promise<UploadedFile | null> {
    const info = imageInfo(bytes);
    if (!info) return null;
    const hash = crypto.createHash("sha256").update(bytes).digest("hex").slice(0, 32);
    const url = this.urls.toPublic(await this.save(path.join("uploads", `${hash}.${EXTENSIONS[info.type]}`), bytes));
    return { url, content_type: info.type, size: bytes.length, width: info.width, height: info.height };
  }

  /** Every hosted file a JSON value links to (a response's masks), keyed as linked; at most `limit`. */
  async readAllHosted(value: unknown, limit = 256): Promise<Map<string, Buffer>> {
    const links = new Set<string>();
    const walk = (v: unknown): void => {
      if (links.size >= limit) return;
      if (typeof v === "string") {
        if (this.hostedFileOf(v)) links.add(v);
      } else if (Array.isArray(v)) v.forEach(walk);
      else if (v && typeof v === "object") Object.values(v).forEach(walk);
    };
    walk(value);
    const out = new Map<string, Buffer>();
    for (const link of links) {
      const bytes = await this.readHosted(link);
      if (bytes) out.set(link, bytes);
    }
    return out;
  }
}

/** Reads the listening port from the app's server once it listens. */
export function portOf(app: FastifyInstance): number | null {
  const address = app.server.address();
  return typeof address === "object" && address ? (address as AddressInfo).port : null;
}
