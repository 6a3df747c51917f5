import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import type { AddressInfo } from "node:net";
import type { FastifyInstance } from "fastify";
import type { UploadedFile } from "../../schema";
import type { HostedUrls } from "../hosted-urls";
import { ApiError, badRequest } from "../http/errors";
import { imageInfo } from "./image-size";

// Files this server hosts: `<DATA_DIR>/files/...`, served at `/files/...` by http/app.ts. Uploads
// and generated masks land here, stored by path (`/files/...`); test mode and the attachment
// check read our own files from disk instead of calling ourselves over HTTP.

const EXTENSIONS: Record<UploadedFile["content_type"], string> = {
  "image/png": "png",
  "image/jpeg": "jpg",
  "image/gif": "gif",
  "image/webp": "webp",
};

export class FileStore {
  readonly dir: string;

  constructor(readonly urls: HostedUrls) {
    this.dir = urls.filesDir;
  }

  /** The stored form of a hosted file's URL: its path, `/files/<rel>` (see hosted-urls.ts). */
  pathFor(relPath: string): string {
    return `/files/${relPath.split(path.sep).map(encodeURIComponent).join("/")}`;
  }

  /** Writes the file and returns its stored path; answers turn it into a URL on today's base. */
  save(relPath: string, bytes: Uint8Array): string {
    const full = this.resolve(relPath);
    if (!full) throw new Error(`bad file path ${relPath}`);
    fs.mkdirSync(path.dirname(full), { recursive: true });
    fs.writeFileSync(full, bytes);
    return this.pathFor(relPath);
  }

  /** A path inside the files folder, or null for anything that would leave it. */
  private resolve(relPath: string): string | null {
    const full = path.resolve(this.dir, relPath);
    return full.startsWith(this.dir + path.sep) ? full : null;
  }

  /**
   * The local file behind a stored path or a URL of this server (files under /files/..., the
   * console's static files), or null for any other URL.
   */
  localPathOf(value: string): string | null {
    return this.urls.localFileOf(value);
  }

  /** The bytes of a hosted file, or null when the URL is not ours or the file is gone. */
  readHosted(value: string): Buffer | null {
    const local = this.localPathOf(value);
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
    const url = files.urls.toPublic(files.save(rel, req.body));
    reply.code(201);
    return { url, content_type: info.type, size: req.body.length, width: info.width, height: info.height };
  });
}
