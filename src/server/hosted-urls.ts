import fs from "node:fs";
import path from "node:path";
import type { Config } from "./config";

// URLs of files this server hosts (uploads, generated masks, demo attachments under /files/...,
// and the console's static files such as /sample-images/...) are stored as root-relative paths
// (`/files/masks/<task>/combined.png`) and given their base only when they leave the server: in
// task objects, callbacks, exports and upload answers. A restart on another PORT or PUBLIC_URL
// then changes the base of every such link at once. A URL to any other host is stored as given.

const LOOPBACK = new Set(["localhost", "127.0.0.1", "[::1]"]);

/** Resolves stored values for an answer; `AS_STORED` keeps them (callback bodies in the outbox). */
export interface PublicUrls {
  toPublic(stored: string): string;
}

export const AS_STORED: PublicUrls = { toPublic: (stored) => stored };

/** A value stored by path: root-relative, not protocol-relative (`//host/...`). */
export function isStoredPath(value: string): boolean {
  return value.startsWith("/") && !value.startsWith("//");
}

function parseHttpUrl(value: string): URL | null {
  try {
    const u = new URL(value);
    return u.protocol === "http:" || u.protocol === "https:" ? u : null;
  } catch {
    return null;
  }
}

function portOf(u: URL): number {
  return Number(u.port || (u.protocol === "https:" ? 443 : 80));
}

export class HostedUrls implements PublicUrls {
  readonly filesDir: string;
  private listeningPort: (() => number | null) | null = null;
  private readonly publicBase: URL | null;

  constructor(private readonly config: Pick<Config, "publicUrl" | "port" | "dataDir" | "distDir">) {
    this.filesDir = path.join(config.dataDir, "files");
    this.publicBase = config.publicUrl ? new URL(config.publicUrl) : null;
  }

  /** The port is known only after listen; the HTTP layer tells us where to ask. */
  setPortSource(source: () => number | null): void {
    this.listeningPort = source;
  }

  port(): number {
    return this.listeningPort?.() ?? this.config.port;
  }

  /** The base of every link this server hands out: PUBLIC_URL, else http://localhost:<port>. */
  base(): string {
    return this.config.publicUrl ?? `http://localhost:${this.port()}`;
  }

  toPublic(stored: string): string {
    return isStoredPath(stored) ? this.base() + stored : stored;
  }

  /**
   * The local file behind a path this server serves: `/files/<rel>` under DATA_DIR/files (whether
   * or not it exists yet), or a file of the built console (it must exist: any other path answers
   * the console's index.html). Null for anything else or anything that would leave those folders.
   */
  localFileOfPath(pathname: string): string | null {
    let decoded: string;
    try {
      decoded = decodeURIComponent(pathname);
    } catch {
      return null;
    }
    if (decoded.startsWith("/files/")) return inside(this.filesDir, decoded.slice("/files/".length));
    if (!fs.existsSync(path.join(this.config.distDir, "index.html"))) return null;
    const file = inside(this.config.distDir, decoded.slice(1));
    return file && file !== path.join(this.config.distDir, "index.html") && isFile(file) ? file : null;
  }

  /**
   * The path an absolute URL of this server is stored by, or null when it is not ours. Ours: under
   * PUBLIC_URL, on a loopback host with the port we listen on, on an origin a request reached us
   * by (`extraOrigins`), or on a loopback host with another port when the file is here (a link
   * handed out before a restart on a new PORT). The path must be one we serve.
   */
  ownPathOf(url: string, extraOrigins: readonly string[] = []): string | null {
    const u = parseHttpUrl(url);
    if (!u) return null;
    const tail = u.search + u.hash;
    let pathname: string | null = null;
    if (this.publicBase && u.origin === this.publicBase.origin) {
      const prefix = this.publicBase.pathname.replace(/\/+$/, "");
      if (u.pathname.startsWith(prefix + "/")) pathname = u.pathname.slice(prefix.length);
    } else if ((LOOPBACK.has(u.hostname) && portOf(u) === this.port()) || extraOrigins.includes(u.origin)) {
      pathname = u.pathname;
    } else if (LOOPBACK.has(u.hostname)) {
      const file = this.localFileOfPath(u.pathname);
      if (file && isFile(file)) pathname = u.pathname;
    }
    if (pathname === null || !this.localFileOfPath(pathname)) return null;
    return pathname + tail;
  }

  /** What to store for a URL someone gave us: our own files by path, everything else as given. */
  toStored(url: string, extraOrigins: readonly string[] = []): string {
    return this.ownPathOf(url, extraOrigins) ?? url;
  }

  /** The local file behind a stored path or an absolute URL of ours, or null. */
  localFileOf(value: string): string | null {
    if (isStoredPath(value)) return this.localFileOfPath(value.split(/[?#]/)[0]);
    const own = this.ownPathOf(value);
    return own ? this.localFileOfPath(own.split(/[?#]/)[0]) : null;
  }
}

function inside(root: string, rel: string): string | null {
  const full = path.resolve(root, rel);
  return full.startsWith(root + path.sep) ? full : null;
}

function isFile(file: string): boolean {
  try {
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

// Where a task holds URLs: its attachment(s) (unless they are text), the mask images of a
// segmentation response, and the failed URLs of an attachment error. Nothing else is touched, so
// a user's text that happens to start with "/files/" is never rewritten.

export type UrlMap = (url: string) => string;

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

export function mapParamsUrls(params: Record<string, unknown>, f: UrlMap): Record<string, unknown> {
  if (params.attachment_type === "text") return params;
  const out = { ...params };
  if (typeof out.attachment === "string") out.attachment = f(out.attachment);
  if (Array.isArray(out.attachments)) out.attachments = out.attachments.map((a: unknown) => (typeof a === "string" ? f(a) : a));
  return out;
}

export function mapResponseUrls(response: Record<string, unknown>, f: UrlMap): Record<string, unknown> {
  const mapOne = (v: unknown) => (typeof v === "string" ? f(v) : v);
  if (typeof response.error === "string" && Array.isArray(response.attachments)) {
    return { ...response, attachments: response.attachments.map((a: unknown) => (isObject(a) ? { ...a, url: mapOne(a.url) } : a)) };
  }
  const annotations = response.annotations;
  if (isObject(annotations) && isObject(annotations.combined)) {
    const labeled = isObject(annotations.labeled)
      ? Object.fromEntries(Object.entries(annotations.labeled).map(([k, v]) => [k, Array.isArray(v) ? v.map(mapOne) : mapOne(v)]))
      : annotations.labeled;
    const combined = { ...annotations.combined, image: mapOne(annotations.combined.image), indexedImage: mapOne(annotations.combined.indexedImage) };
    return { ...response, annotations: { ...annotations, unlabeled: mapOne(annotations.unlabeled), labeled, combined } };
  }
  return response;
}

/** Params as the schemas read them (attachments as absolute URLs), e.g. to validate or generate. */
export function paramsWithPublicUrls(params: Record<string, unknown>, urls: PublicUrls): Record<string, unknown> {
  return mapParamsUrls(params, (u) => urls.toPublic(u));
}
