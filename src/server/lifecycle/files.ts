import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import type { AddressInfo } from "node:net";
import type { FastifyInstance } from "fastify";
import type { UploadedFile } from "../../schema";
import type { Config } from "../config";
import { ApiError, badRequest } from "../http/errors";
import { imageInfo } from "./image-size";

// Files this server hosts: `<DATA_DIR>/files/...`, served at `/files/...` by http/app.ts. Uploads
// and generated masks land here; test mode reads image sizes from here instead of the network.

const EXTENSIONS: Record<UploadedFile["content_type"], string> = {
  "image/png": "png",
  "image/jpeg": "jpg",
  "image/gif": "gif",
  "image/webp": "webp",
};

const LOOPBACK = new Set(["localhost", "127.0.0.1", "[::1]", "::1"]);

export class FileStore {
  readonly dir: string;
  private listeningPort: (() => number | null) | null = null;

  constructor(private readonly config: Config) {
    this.dir = path.join(config.dataDir, "files");
  }

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
    return `${this.baseUrl()}/files/${relPath.split(path.sep).map(encodeURIComponent).join("/")}`;
  }

  save(relPath: string, bytes: Uint8Array): string {
    const full = this.resolve(relPath);
    if (!full) throw new Error(`bad file path ${relPath}`);
    fs.mkdirSync(path.dirname(full), { recursive: true });
    fs.writeFileSync(full, bytes);
    return this.urlFor(relPath);
  }

  /** A path inside the files folder, or null for anything that would leave it. */
  private resolve(relPath: string): string | null {
    const full = path.resolve(this.dir, relPath);
    return full.startsWith(this.dir + path.sep) ? full : null;
  }

  /**
   * The local file behind a URL this server hosts (`<our origin>/files/...`), or null for any
   * other URL. Our origin is PUBLIC_URL, or a loopback host on the port we listen on.
   */
  localPathOf(url: string): string | null {
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
    let rel: string;
    try {
      rel = decodeURIComponent(u.pathname.slice("/files/".length));
    } catch {
      return null;
    }
    return this.resolve(rel);
  }

  /** The bytes of a hosted file, or null when the URL is not ours or the file is gone. */
  readHosted(url: string): Buffer | null {
    const local = this.localPathOf(url);
    if (!local) return null;
    try {
      return fs.readFileSync(local);
    } catch {
      return null;
    }
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
    const url = files.save(rel, req.body);
    reply.code(201);
    return { url, content_type: info.type, size: req.body.length, width: info.width, height: info.height };
  });
}
