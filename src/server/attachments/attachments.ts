import type { Insertable } from "kysely";
import type { Db } from "../store/db";
import type { TaskAttachmentsTable } from "../store/schema";
import { dialectOf } from "../store/dialects";
import { claimPendingTasks } from "../store/leases";
import type { TaskRow } from "../store/tasks";
import { readJson } from "../store/json";
import { type FileStore } from "../files/files";
import { imageInfo } from "./image-size";
import { finishTask } from "../callbacks/outbox";
import { isStoredPath } from "../hosted-urls";
import { OutboundRefused, outboundFailure, type OutboundClient } from "../outbound/outbound";
import type { Response } from "undici";
import type { AttachmentFailure, Metrics } from "../metrics";

// The docs: "Scale API will attempt to fetch the attachment via the URL you provide. If we do not
// receive an HTTP 200 response ... we will send your callback_url an error with the bad HTTP
// codes we received, and the task status will be error." Live-mode tasks only. Image sizes found
// on the way are kept for validation and exports; test mode reads sizes with `quickImageSize`.

const FETCH_TIMEOUT_MS = 15_000;
/** Enough bytes to find the size in any PNG, GIF, WebP and nearly every JPEG header. */
const SNIFF_BYTES = 512 * 1024;
const CONCURRENCY = 4;
/** Redirects followed per attachment; each hop is checked by the outbound policy. */
const MAX_REDIRECTS = 5;
const CLAIM_BATCH = 32;
const POLL_MS = 2_000;

export const ATTACHMENT_ERROR = "One or more attachments could not be downloaded.";

export interface Canvas {
  width: number;
  height: number;
}

/** The size test mode draws on when neither our own files nor a quick read tell the real one. */
export const DEFAULT_CANVAS: Canvas = { width: 1024, height: 768 };

export interface CheckResult {
  url: string;
  statusCode: number | null;
  error: string | null;
  contentType: string | null;
  width: number | null;
  height: number | null;
}

/** The URLs a task's params point at (text attachments are the text itself). */
export function attachmentUrls(params: Record<string, unknown>): string[] {
  if (params.attachment_type === "text") return [];
  const out: string[] = [];
  if (typeof params.attachment === "string") out.push(params.attachment);
  if (Array.isArray(params.attachments)) for (const a of params.attachments) if (typeof a === "string") out.push(a);
  return [...new Set(out)];
}

/** Size of an image this server hosts (a stored path or one of our URLs), read from its store; null for any other URL. */
export async function hostedImageSize(files: FileStore, url: string): Promise<Canvas | null> {
  const file = files.hostedFileOf(url);
  return file ? sizeOf(await files.read(file)) : null;
}

function sizeOf(bytes: Buffer | null): Canvas | null {
  if (!bytes) return null;
  const info = imageInfo(bytes.subarray(0, SNIFF_BYTES));
  return info?.width && info.height ? { width: info.width, height: info.height } : null;
}

/**
 * The size of an image for test mode, in this order: a file this server hosts (any of its paths,
 * read from its store); a quick read of the URL (at most `timeoutMs` and SNIFF_BYTES, the attachment
 * check's own fetch); a path this server serves reached under a host name it doesn't know (a LAN
 * name, a proxy). Null when none of them works: the caller falls back to DEFAULT_CANVAS.
 */
export async function quickImageSize(files: FileStore, outbound: OutboundClient, url: string, timeoutMs: number): Promise<Canvas | null> {
  const own = await hostedImageSize(files, url);
  if (own) return own;
  if (isStoredPath(url)) return null;
  if (timeoutMs > 0) {
    const r = await fetchAttachment(files, outbound, url, AbortSignal.timeout(timeoutMs));
    if (r.width && r.height) return { width: r.width, height: r.height };
  }
  let pathname: string;
  try {
    pathname = new URL(url).pathname;
  } catch {
    return null;
  }
  const file = files.fileOfPath(pathname);
  return file ? sizeOf(await files.read(file)) : null;
}

/** The recorded size of a task's image attachment, if a check or test mode found one. */
export async function recordedCanvas(db: Db, taskId: string, url: string): Promise<Canvas | null> {
  const r = await db
    .selectFrom("task_attachments")
    .select(["width", "height"])
    .where("task_id", "=", taskId)
    .where("url", "=", url)
    .executeTakeFirst();
  return r?.width && r.height ? { width: r.width, height: r.height } : null;
}

/** The stored form of a check's results (a new task's rows go in with its insert). */
export function attachmentResultRows(taskId: string, results: CheckResult[], now = Date.now()): Insertable<TaskAttachmentsTable>[] {
  return results.map((r) => ({
    task_id: taskId,
    url: r.url,
    status_code: r.statusCode,
    error: r.error,
    content_type: r.contentType,
    width: r.width,
    height: r.height,
    checked_at: now,
  }));
}

export async function saveAttachmentResults(db: Db, taskId: string, results: CheckResult[], now = Date.now()): Promise<void> {
  for (const { task_id, url, ...values } of attachmentResultRows(taskId, results, now)) {
    await db
      .insertInto("task_attachments")
      .values({ task_id, url, ...values })
      .onConflict((oc) => oc.columns(["task_id", "url"]).doUpdateSet(values))
      .execute();
  }
}

export async function markChecked(db: Db, taskId: string, now = Date.now()): Promise<void> {
  await db.insertInto("attachment_checks").values({ task_id: taskId, checked_at: now }).onConflict((oc) => oc.column("task_id").doNothing()).execute();
}

async function readHead(res: Response): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  const reader = res.body?.getReader();
  if (!reader) return Buffer.alloc(0);
  try {
    while (size < SNIFF_BYTES) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(Buffer.from(value));
      size += value.length;
      const info = imageInfo(Buffer.concat(chunks));
      if (info === null && size >= 16) break; // not an image: its size doesn't matter
      if (info?.width) break;
    }
  } finally {
    await reader.cancel().catch(() => undefined);
  }
  return Buffer.concat(chunks);
}

export async function fetchAttachment(files: FileStore, outbound: OutboundClient, url: string, stop?: AbortSignal): Promise<CheckResult> {
  const hosted = files.hostedFileOf(url);
  if (hosted) {
    // Our own file: read it from the store instead of calling ourselves over HTTP.
    if (!(await files.fileExists(hosted))) return { url, statusCode: 404, error: "HTTP 404", contentType: null, width: null, height: null };
    const size = await hostedImageSize(files, url);
    return { url, statusCode: 200, error: null, contentType: null, width: size?.width ?? null, height: size?.height ?? null };
  }
  try {
    const timeout = AbortSignal.timeout(FETCH_TIMEOUT_MS);
    const res = await outbound.fetch(url, {
      maxRedirects: MAX_REDIRECTS,
      signal: stop ? AbortSignal.any([timeout, stop]) : timeout,
      headers: { "user-agent": "scale-workbench-attachments/1" },
    });
    if (res.status !== 200) {
      await res.body?.cancel().catch(() => undefined);
      return { url, statusCode: res.status, error: `HTTP ${res.status}`, contentType: res.headers.get("content-type"), width: null, height: null };
    }
    const info = imageInfo(await readHead(res));
    return { url, statusCode: 200, error: null, contentType: info?.type ?? res.headers.get("content-type"), width: info?.width ?? null, height: info?.height ?? null };
  } catch (err) {
    return { url, statusCode: null, error: outboundFailure(err, FETCH_TIMEOUT_MS), contentType: null, width: null, height: null };
  }
}

function failureKind(r: CheckResult): AttachmentFailure {
  if (r.statusCode !== null) return "http_status";
  return r.error?.startsWith("refused") ? "refused" : "network";
}

/** Checks live tasks' attachments in the background, a few at a time, resuming after a restart. */
export class AttachmentChecker {
  private readonly queue: TaskRow[] = [];
  private readonly queued = new Set<string>();
  private active = 0;
  private stopped = false;
  private readonly idle = new Set<() => void>();
  /** Aborts fetches in flight on shutdown; their tasks stay unchecked and resume on start. */
  private readonly abort = new AbortController();
  private poller: NodeJS.Timeout | null = null;

  constructor(
    private readonly db: Db,
    private readonly files: FileStore,
    private readonly outbound: OutboundClient,
    private readonly metrics: Metrics,
    /** A task failed: its error callback is in the outbox. */
    private readonly onFailed: (row: TaskRow) => void,
    /** How long claimed work stays this process's (JOB_LEASE_MS); checks get at least a minute. */
    private readonly leaseMs = 30_000,
  ) {}

  enqueue(row: TaskRow): void {
    if (this.stopped || this.queued.has(row.id)) return;
    this.queued.add(row.id);
    this.queue.push(row);
    this.pump();
  }

  /**
   * Live tasks still pending whose attachments were never checked (their process died): claimed
   * with a lease (store/leases.ts), at start on SQLite, every few seconds on PostgreSQL where
   * another process may have died. A fresh task is its creator's for a lease's length.
   */
  async resume(): Promise<void> {
    this.poller = null;
    if (this.stopped) return;
    const single = dialectOf(this.db).singleProcess;
    const leaseMs = Math.max(this.leaseMs, 4 * FETCH_TIMEOUT_MS);
    let full = false;
    try {
      const now = Date.now();
      const rows = await claimPendingTasks(this.db, {
        mode: "live",
        uncheckedOnly: true,
        createdBefore: single ? now : now - leaseMs,
        leaseMs,
        limit: CLAIM_BATCH,
        now,
      });
      full = rows.length === CLAIM_BATCH;
      rows.forEach((r) => this.enqueue(r));
    } catch (err) {
      if (!this.stopped) console.error("attachment checks:", (err as Error).message);
    }
    if (this.stopped || (single && !full)) return;
    // A full batch: more are waiting, but let this one drain first.
    if (full) await this.drain();
    this.poller = setTimeout(() => void this.resume(), full ? 0 : POLL_MS);
    this.poller.unref?.();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.poller) clearTimeout(this.poller);
    this.poller = null;
    this.queue.length = 0;
    this.abort.abort();
    if (this.active > 0) await new Promise<void>((resolve) => this.idle.add(resolve));
  }

  /** Resolves when nothing is queued or running (tests). */
  async drain(): Promise<void> {
    if (this.active === 0 && this.queue.length === 0) return;
    await new Promise<void>((resolve) => this.idle.add(resolve));
  }

  private pump(): void {
    while (this.active < CONCURRENCY && this.queue.length > 0) {
      const row = this.queue.shift()!;
      this.active++;
      void this.check(row)
        .catch((err: unknown) => {
          if (!this.stopped) console.error(`attachment check of task ${row.id}:`, (err as Error).message);
        })
        .finally(() => {
          this.active--;
          this.queued.delete(row.id);
          this.pump();
          if (this.active === 0 && this.queue.length === 0) {
            for (const resolve of this.idle) resolve();
            this.idle.clear();
          }
        });
    }
  }

  async check(row: TaskRow): Promise<void> {
    const urls = attachmentUrls(readJson(row.params, "tasks.params"));
    const results = await Promise.all(urls.map((u) => fetchAttachment(this.files, this.outbound, u, this.abort.signal)));
    if (this.stopped) return;
    const now = Date.now();
    await saveAttachmentResults(this.db, row.id, results, now);
    const bad = results.filter((r) => r.statusCode !== 200);
    for (const r of bad) this.metrics.attachmentFailures.inc({ reason: failureKind(r) });
    if (bad.length > 0) {
      const failed = await finishTask(this.db, row.id, {
        status: "error",
        response: {
          error: ATTACHMENT_ERROR,
          // The docs' {statusCode, url}; `error` says why when there was no HTTP answer (refused, timeout).
          attachments: bad.map((r) => ({ statusCode: r.statusCode, url: r.url, ...(r.statusCode === null && r.error ? { error: r.error } : {}) })),
        },
      });
      if (failed) this.onFailed(failed);
    }
    await markChecked(this.db, row.id, now);
  }
}
