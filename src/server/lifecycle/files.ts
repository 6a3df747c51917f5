import crypto from "node:crypto";
import path from "node:path";
import type { AddressInfo } from "node:net";
import type { FastifyInstance } from "fastify";
import type { UploadedFile } from "../../schema";
import type { Config } from "../config";
import { contentTypeOf, normalizeFilePath, type BlobStore } from "../store/blobs";
import { ApiError, badRequest } from "../http/errors";
import { imageInfo } from "./image-size";

// Files this server hosts, served at `/files/...` by http/app.ts, kept in a BlobStore (disk beside
// SQLite, the database on PostgreSQL). Uploads and generated masks land here; test mode reads
// image sizes from here instead of the network.

const EXTENSIONS: Record<UploadedFile["content_type"], string> = {
  "image/png": "png",
  "image/jpeg": "jpg",
  "image/gif": "gif",
  "image/webp": "webp",
};

const LOOPBACK = new Set(["localhost", "127.0.0.1", "[::1]", "::1"]);

export class FileStore {
  private listeningPort: (() => number | null) | null = null;

  constructor(
    private readonly config: Config,
    /** Where the bytes live: DATA_DIR/files beside SQLite, the database on PostgreSQL. */
    readonly blobs: BlobStore,
  ) {}

  /** The port is known only after listen; the HTTP layer tells us where to ask. */
  setPortSource(source: () => number | null): void {
    this.listeningPort = source;
  }

  private port(): number {
    return this.listeningPort?.() ?? this.config.port;
  }

  /** Absolute base URL for links this server hands out (masks, uploads, demo attachments). */
  baseUrl(): string {
    return this.config.publicUrl ?? `http://localhost:${this.port()}`;
  }

  urlFor(relPath: string): string {
    return `${this.baseUrl()}/files/${relPath.split(/[\\/]/).map(encodeURIComponent).join("/")}`;
  }

  async save(relPath: string, bytes: Uint8Array): Promise<string> {
    if (!normalizeFilePath(relPath)) throw new Error(`bad file path ${relPath}`);
    await this.blobs.put(relPath, bytes, contentTypeOf(relPath));
    return this.urlFor(relPath);
  }

  exists(relPath: string): Promise<boolean> {
    return this.blobs.exists(relPath);
  }

  /**
   * The stored path behind a URL this server hosts (`<our origin>/files/...`), or null for any
   * other URL. Our origin is PUBLIC_URL, or a loopback host on the port we listen on.
   */
  hostedPathOf(url: string): string | null {
    let u: URL;
    try {
      u = new URL(url);
    } catch {
      return null;
    }
    if (!u.pathname.startsWith("/files/")) return null;
    const ours = this.config.publicUrl ? new URL(this.config.publicUrl) : null;
    const sameAsPublic = ours !== null && u.origin === ours.origin;
    const port = Number(u.port || (u.protocol === "https:" ? 443 : 80));
    const loopback = LOOPBACK.has(u.hostname) && port === this.port();
    if (!sameAsPublic && !loopback) return null;
    try {
      return normalizeFilePath(decodeURIComponent(u.pathname.slice("/files/".length)));
    } catch {
      return null;
    }
  }

  /** The bytes of a hosted file, or null when the URL is not ours or the file is gone. */
  async readHosted(url: string): Promise<Buffer | null> {
    const rel = this.hostedPathOf(url);
    return rel ? ((await this.blobs.get(rel))?.bytes ?? null) : null;
  }

  /** Every hosted file a JSON value links to (a response's masks), by URL; at most `limit`. */
  async readAllHosted(value: unknown, limit = 256): Promise<Map<string, Buffer>> {
    const urls = new Set<string>();
    const walk = (v: unknown): void => {
      if (urls.size >= limit) return;
      if (typeof v === "string") {
        if (this.hostedPathOf(v)) urls.add(v);
      } else if (Array.isArray(v)) v.forEach(walk);
      else if (v && typeof v === "object") Object.values(v).forEach(walk);
    };
    walk(value);
    const out = new Map<string, Buffer>();
    for (const u of urls) {
      const bytes = await this.readHosted(u);
      if (bytes) out.set(u, bytes);
    }
    return out;
  }
}

/** Reads the listening port from the app's server once it listens. */
export function portOf(app: FastifyInstance): number | null {
  const address = app.server.address();
  return typeof address === "object" && address ? (address as AddressInfo).port : null;
}

/**
 * `POST /v1/files`: the raw bytes of a PNG, JPEG, GIF or WebP image (the body limit is the
 * server's BODY_LIMIT_BYTES). The type is sniffed from the bytes, never taken from the header,
 * and the name is the content hash, so an upload can't overwrite another file or run as a page.
 */
export function registerFileRoutes(v1: FastifyInstance, files: FileStore): void {
  v1.post("/files", async (req, reply): Promise<UploadedFile> => {
    if (!Buffer.isBuffer(req.body) || req.body.length === 0) {
      throw badRequest("send the file's bytes as the request body with Content-Type image/png, image/jpeg, image/gif or image/webp");
    }
    const info = imageInfo(req.body);
    if (!info) throw new ApiError(400, "file: only PNG, JPEG, GIF and WebP images can be uploaded");
    const hash = crypto.createHash("sha256").update(req.body).digest("hex").slice(0, 32);
    const rel = path.join("uploads", `${hash}.${EXTENSIONS[info.type]}`);
    const url = await files.save(rel, req.body);
    reply.code(201);
    return { url, content_type: info.type, size: req.body.length, width: info.width, height: info.height };
  });
}
