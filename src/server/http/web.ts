import fs from "node:fs";
import path from "node:path";
import type { IncomingMessage } from "node:http";
import zlib from "node:zlib";
import type { FastifyInstance } from "fastify";
import fastifyCompress from "@fastify/compress";
import helmet from "helmet";
import fastifyStatic from "@fastify/static";
import crypto from "node:crypto";
import { sniffMediaType } from "../attachments/media-type";
import { DiskBlobStore, type BlobStore } from "../store/blobs";
import { sendError } from "./errors";

// Serving like a production web app: compression (brotli/gzip) for everything compressible,
// security headers with a Content-Security-Policy the console runs under, long-lived caching for
// content-hashed assets and revalidation for everything else, and hosted files that can never run
// as a page on our origin.

/**
 * The console's CSP. Scripts only from our origin (no inline, no eval: the SPA sets zod to
 * jitless). What a task points at can live anywhere, so images, audio/video, PDFs (<object>) and
 * website attachments (sandboxed <iframe>, plus the Google Docs instructions) may come from any
 * http(s) origin; masks are fetch()ed, from our own /files in embedded mode (whose links carry
 * PUBLIC_URL or http://localhost:<port>, whichever host the browser used), from wherever the
 * upstream keeps them when proxying. Nothing may frame the console.
 */
export function contentSecurityPolicy(opts: { proxying: boolean; publicUrl?: string }): Record<string, (string | ((req: IncomingMessage) => string))[]> {
  const filesOrigin = (req: IncomingMessage) => (opts.publicUrl ? new URL(opts.publicUrl).origin : `http://localhost:${req.socket.localPort}`);
  return {
    "default-src": ["'self'"],
    "script-src": ["'self'"],
    "style-src": ["'self'"],
    "img-src": ["'self'", "data:", "blob:", "https:", "http:"],
    "media-src": ["'self'", "data:", "blob:", "https:", "http:"],
    "object-src": ["'self'", "https:", "http:"],
    "frame-src": ["'self'", "https:", "http:"],
    "connect-src": opts.proxying ? ["'self'", "https:", "http:"] : ["'self'", filesOrigin],
    "font-src": ["'self'", "data:"],
    "worker-src": ["'self'", "blob:"],
    "base-uri": ["'none'"],
    "form-action": ["'self'"],
    "frame-ancestors": ["'none'"],
  };
}

/**
 * Hosted files: no script ever runs on our origin from them. HTML (a demo website attachment) is
 * sandboxed to an opaque origin.
 */
const FILE_CSP = "default-src 'none'; img-src 'self' data:; media-src 'self'; style-src 'unsafe-inline'";
const SANDBOX = "; sandbox";

export async function registerWebPlugins(app: FastifyInstance, opts: { proxying: boolean; publicUrl?: string }): Promise<void> {
  await app.register(fastifyCompress, {
    global: true,
    encodings: ["br", "gzip"],
    threshold: 1024,
    // mime-db's list, plus the export's NDJSON (and anything else JSON-ish or textual).
    customTypes: /^(text\/|application\/(json|x-ndjson|javascript|xml)|image\/svg\+xml)|\+json/,
    // Brotli's default (11) is far too slow for JSON answered on the fly; 4 compresses about as
    // well as gzip -6 at a fraction of the time.
    brotliOptions: { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 4 } },
  });
  // helmet's middleware, built once. (@fastify/helmet calls `helmet(options)` on every request,
  // which parses the whole CSP again each time: about a twentieth of the server's CPU under load.)
  const securityHeaders = helmet({
    contentSecurityPolicy: { useDefaults: false, directives: contentSecurityPolicy(opts) },
    // Hosted files are attachments that other origins (a console proxying to us) may show.
    crossOriginResourcePolicy: { policy: "cross-origin" },
    referrerPolicy: { policy: "no-referrer" },
    frameguard: { action: "deny" },
    // Served over http on localhost as often as behind TLS; HSTS belongs to the TLS terminator.
    strictTransportSecurity: false,
  });
  app.addHook("onRequest", (req, reply, done) => securityHeaders(req.raw, reply.raw, (err) => done(err instanceof Error ? err : undefined)));
}

/**
 * `/files/*`: the type sniffed from the bytes; anything but an image/audio/video is a download. On
 * disk (SQLite) @fastify/static serves them with ETags and ranges; in the database (PostgreSQL)
 * every process answers from the shared table.
 */
export async function registerHostedFiles(app: FastifyInstance, blobs: BlobStore): Promise<void> {
  const disk = blobs instanceof DiskBlobStore ? blobs.dir : null;
  if (disk) fs.mkdirSync(disk, { recursive: true });
  await app.register(async (scope) => {
    scope.addHook("onSend", async (req, reply, payload) => {
      const local = disk ? localFile(disk, req.url) : null;
      const type = local ? sniffFile(local) : Buffer.isBuffer(payload) ? sniffMediaType(payload.subarray(0, 64)) : null;
      // On every answer, 304s included: a browser revalidating keeps the policy of the 304.
      // Chrome refuses to show a PDF in a sandboxed document, and a PDF can't script our origin.
      reply.header("content-security-policy", type === "application/pdf" ? FILE_CSP : FILE_CSP + SANDBOX);
      // A console on another host name of this server (127.0.0.1 vs localhost) frames website
      // attachments and fetches masks: files are public, content-named and script-free, so any
      // origin may frame or read them.
      reply.removeHeader("x-frame-options");
      reply.header("access-control-allow-origin", "*");
      if (reply.statusCode !== 200 && reply.statusCode !== 206) return payload;
      if (type) {
        reply.header("content-type", type);
      } else {
        const name = path.posix.basename(req.url.split("?")[0]) || "file";
        reply.header("content-type", "application/octet-stream");
        reply.header("content-disposition", `attachment; filename="${name.replace(/[^\w.-]/g, "_")}"`);
      }
      return payload;
    });
    if (disk) {
      await scope.register(fastifyStatic, { root: disk, prefix: "/files/", decorateReply: false, index: false, cacheControl: false, setHeaders: revalidate });
      return;
    }
    scope.get<{ Params: { "*": string } }>("/files/*", async (req, reply) => {
      let rel: string;
      try {
        rel = decodeURIComponent(req.params["*"]);
      } catch {
        return sendError(reply, 404, `no such file: ${req.url.split("?")[0]}`);
      }
      const file = await blobs.get(rel);
      if (!file) return sendError(reply, 404, `no such file: ${req.url.split("?")[0]}`);
      // Names are content hashes or task ids, but a demo file may be rewritten: revalidate by ETag.
      const etag = `"${crypto.createHash("sha1").update(file.bytes).digest("base64url")}"`;
      revalidate(reply);
      reply.header("etag", etag);
      if (req.headers["if-none-match"] === etag) return reply.code(304).send();
      return reply.send(file.bytes);
    });
  });
}

/** The built SPA: hashed `/assets/*` cached for a year, everything else revalidated. */
export async function registerSpaAssets(app: FastifyInstance, distDir: string): Promise<void> {
  await app.register(fastifyStatic, {
    root: distDir,
    prefix: "/",
    wildcard: false,
    index: false,
    cacheControl: false,
    // The build writes .br and .gz beside each asset (scripts/vite-precompress.ts): sent as they are.
    preCompressed: true,
    setHeaders(res, file) {
      const rel = path.relative(distDir, file).split(path.sep).join("/");
      if (rel.startsWith("assets/")) res.header("cache-control", "public, max-age=31536000, immutable");
      else revalidate(res);
    },
  });
}

function revalidate(reply: { header(name: string, value: string): unknown }): void {
  reply.header("cache-control", "no-cache");
}

function localFile(dir: string, url: string): string | null {
  let rel: string;
  try {
    rel = decodeURIComponent(url.split("?")[0].slice("/files/".length));
  } catch {
    return null;
  }
  const full = path.resolve(dir, rel);
  return full.startsWith(dir + path.sep) ? full : null;
}

function sniffFile(file: string): string | null {
  let fd: number | null = null;
  try {
    fd = fs.openSync(file, "r");
    const head = Buffer.alloc(64);
    const n = fs.readSync(fd, head, 0, head.length, 0);
    return sniffMediaType(head.subarray(0, n));
  } catch {
    return null;
  } finally {
    if (fd !== null) fs.closeSync(fd);
  }
}
