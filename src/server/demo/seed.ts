import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { SegmentannotationParams, taskTypeRegistry } from "../../schema";
import type { Db } from "../store/db";
import type { Mode } from "../store/schema";
import { newObjectId } from "../store/ids";
import { type TaskRow } from "../store/tasks";
import { ATTACHMENT_ERROR, DEFAULT_CANVAS, hostedImageSize, markChecked, type Canvas } from "../attachments/attachments";
import type { FileStore } from "../files/files";
import { mapParamsUrls } from "../hosted-urls";
import { callbackBody } from "../callbacks/outbox";
import { createRng, generateResponse, type Rng } from "../testmode/index";
import { DEMO_PROJECTS, DEMO_TEMPLATES, type DemoTemplate } from "./catalog";
import { demoWav, demoWebPage } from "./media";
import { APPROVALS, demoAnswer, genericRejection, type DemoAnswer } from "./answers";
import { demoRegion, segmentRegion } from "./segmentation";
import { PNG } from "pngjs";

// Demo data for an empty data dir: projects and tasks of every type on the sample photos (copied
// into <DATA_DIR>/files so this server hosts them), in live mode (the console's key) and a few in
// test mode, spread over the last 30 days in every status, with audits and callback history.
// Callback history is written as already delivered or failed, and the demo callback URL is on
// the reserved .invalid domain: nothing is ever POSTed to a real host.

const DAY = 86_400_000;
const DEMO_CALLBACK_URL = "https://hooks.demo.invalid/scale-callback";
/** Per template, in turn: most tasks done, some waiting, a few canceled or failed. */
const STATUS_CYCLE = ["completed", "completed", "pending", "completed", "canceled", "completed", "error", "completed"] as const;

function findSampleImages(): string | null {
  const here = path.dirname(fileURLToPath(import.meta.url));
  const candidates = [path.resolve(here, "../../../public/sample-images"), path.resolve("public/sample-images"), path.resolve("dist/sample-images")];
  return candidates.find((c) => fs.existsSync(c)) ?? null;
}

interface SeedContext {
  db: Db;
  files: FileStore;
  accountId: string;
  rng: Rng;
  now: number;
  rows: TaskRow[];
  /** Counters that make the demo's audits deterministic (see seedTask). */
  completedLive: number;
  audits: number;
  /** The callback retry schedule the dispatcher uses, so the demo's delivery logs follow it. */
  retryDelaysMs: readonly number[];
}

async function copySamples(files: FileStore): Promise<string[]> {
  const dir = findSampleImages();
  if (!dir) return [];
  const names = fs.readdirSync(dir).filter((f) => /\.(png|jpe?g)$/i.test(f));
  for (const name of names) {
    const rel = path.posix.join("sample-images", name);
    if (!(await files.exists(rel))) await files.save(rel, fs.readFileSync(path.join(dir, name)));
  }
  // Non-photo demo attachments, hosted beside the photos (see media.ts).
  await files.save("sample-images/tones.wav", demoWav());
  await files.save("sample-images/bakery.html", demoWebPage());
  return names;
}

/** The params as the schema reads them (our files as URLs on today's base), and as stored (by path). */
function paramsFor(files: FileStore, t: DemoTemplate, i: number, broken: boolean): { wire: Record<string, unknown>; stored: Record<string, unknown> } {
  const image = (name: string) => files.urls.toPublic(files.pathFor(path.posix.join("sample-images", name)));
  const raw = t.params(image);
  if (t.images.length > 0 && typeof raw.attachment === "string") raw.attachment = image(broken ? "missing-photo.jpg" : t.images[i % t.images.length]);
  const wire = taskTypeRegistry[t.type].params.parse(raw) as Record<string, unknown>;
  return { wire, stored: mapParamsUrls(wire, (u) => files.urls.toStored(u)) };
}

/**
 * Masks are drawn synchronously and named by stored path at once; their bytes are written to the
 * file store (maybe the database) by `flush`, before the task that links to them is inserted.
 */
function maskSink(files: FileStore, id: string): { save(name: string, png: Buffer): string; flush(): Promise<void> } {
  const pending: [string, Buffer][] = [];
  return {
    save(name, png) {
      const rel = path.posix.join("masks", id, name);
      pending.push([rel, png]);
      return files.pathFor(rel);
    },
    async flush() {
      for (const [rel, png] of pending.splice(0)) await files.save(rel, png);
    },
  };
}

/** A person's answer for a live demo task, when the demo has one for this type and photo. */
async function humanAnswer(ctx: SeedContext, t: DemoTemplate, image: string | null, wire: Record<string, unknown>, id: string, canvas: Canvas, flawed: boolean): Promise<DemoAnswer | null> {
  if (t.type !== "segmentannotation") return demoAnswer(t.type, image, ctx.rng, flawed);
  // The photo is read first: the region finder reads it synchronously, the store may be the database.
  const bytes = image ? await ctx.files.readHosted(String(wire.attachment)) : null;
  const region = image ? demoRegion(image, () => (bytes ? PNG.sync.read(bytes) : null)) : null;
  if (!region) return null;
  const sink = maskSink(ctx.files, id);
  const answer = segmentRegion(SegmentannotationParams.parse(wire), canvas, region, sink, flawed);
  await sink.flush();
  return answer;
}

/** The sample photo a task of this template shows, or null (text, web page, audio, a pair). */
function imageOf(t: DemoTemplate, i: number, raw: Record<string, unknown>): string | null {
  return t.images.length > 0 && typeof raw.attachment === "string" ? t.images[i % t.images.length] : null;
}

async function seedTask(ctx: SeedContext, t: DemoTemplate, i: number, mode: Mode): Promise<void> {
  const { rng, now } = ctx;
  let status: TaskRow["status"] = mode === "test" ? "completed" : STATUS_CYCLE[i % STATUS_CYCLE.length];
  // Tasks without a photo have nothing to break, so they never show the attachment error.
  if (status === "error" && t.images.length === 0) status = "completed";
  const { wire, stored: params } = paramsFor(ctx.files, t, i, status === "error");
  const createdAt = now - Math.floor(rng.next() * 29 * DAY) - 60_000;
  const id = newObjectId(createdAt);
  const url = typeof params.attachment === "string" ? params.attachment : null;
  const canvas: Canvas = (url && (await hostedImageSize(ctx.files, url))) || DEFAULT_CANVAS;
  // Every other completed live task is audited, and every fourth audit is a rejection: the audit
  // screens always have both kinds to show, whatever the random draw. Decided first, so that a
  // rejected task carries the flawed answer its rejection describes.
  const audited = status === "completed" && mode === "live" && ctx.completedLive++ % 2 === 0;
  const rejected = audited && ctx.audits++ % 4 === 3;
  let response: Record<string, unknown> | null = null;
  let rejection: string | null = null;
  let completedAt: number | null = null;
  if (status === "completed") {
    const human = mode === "live" ? await humanAnswer(ctx, t, imageOf(t, i, wire), wire, id, canvas, rejected) : null;
    if (human) {
      response = human.response;
      rejection = human.rejection ?? null;
    } else {
      const masks = maskSink(ctx.files, id);
      response = generateResponse(t.type, wire, { canvas, rng: createRng(id), masks });
      await masks.flush();
      if (rejected) rejection = genericRejection(t.type, rng);
    }
    // Test mode answers at once; a person takes minutes to a day or two.
    completedAt = mode === "test" ? createdAt + 800 + Math.floor(rng.next() * 4_000) : Math.min(now - 1000, createdAt + 5 * 60_000 + Math.floor(rng.next() * 2 * DAY));
  } else if (status === "error") {
    response = { error: ATTACHMENT_ERROR, attachments: [{ statusCode: 404, url: url ?? "" }] };
    completedAt = createdAt + 2_000;
  }
  const row: TaskRow = {
    id,
    account_id: ctx.accountId,
    mode,
    type: t.type,
    status,
    project: mode === "live" ? (t.project ?? null) : null,
    project_param_version: mode === "live" && t.project ? 0 : null,
    instruction: t.project && mode === "live" ? `${t.instruction}\n\n${DEMO_PROJECTS.find((p) => p.name === t.project)?.instruction ?? ""}` : t.instruction,
    params: JSON.stringify(params),
    response: response ? JSON.stringify(response) : null,
    urgency: rng.chance(0.3) ? "express" : "standard",
    callback_url: DEMO_CALLBACK_URL,
    metadata: JSON.stringify({ demo: true, batch: `demo-${(i % 3) + 1}` }),
    unique_id: null,
    created_at: createdAt,
    completed_at: completedAt,
    callback_succeeded: null,
    sample_key: rng.next(),
    leased_until: null,
  };
  await ctx.db.insertInto("tasks").values(row).execute();
  await markChecked(ctx.db, id, createdAt + 1_000);
  if (url && status !== "error") {
    await ctx.db.insertInto("task_attachments").values({ task_id: id, url, status_code: 200, error: null, content_type: null, ...canvas, checked_at: createdAt + 1_000 }).execute();
  }
  if (completedAt !== null) await seedCallbackHistory(ctx, row, completedAt);
  if (audited) await seedAudit(ctx, row, completedAt!, rejection);
}

const FAILURES = [
  { status_code: 500, error: "HTTP 500" },
  { status_code: 503, error: "HTTP 503" },
  { status_code: null, error: "ECONNREFUSED" },
  { status_code: null, error: "timed out after 10000 ms" },
] as const;

/**
 * The delivery log as the dispatcher would have written it: the first POST right after the task
 * finished, each retry after the configured delay (CALLBACK_RETRY_DELAYS_MS) following the
 * previous attempt. Most receivers answer at once; some fail a few times and then succeed; a few
 * never do and the job gives up after the whole schedule, which only fits tasks old enough.
 */
async function seedCallbackHistory(ctx: SeedContext, row: TaskRow, finishedAt: number): Promise<void> {
  const delays = ctx.retryDelaysMs;
  const elapsedBefore = (k: number) => delays.slice(0, k).reduce((a, b) => a + b, 0) + k * 11_000;
  const roll = ctx.rng.next();
  let failures = 0;
  if (roll < 0.1 && finishedAt + elapsedBefore(delays.length) < ctx.now) failures = delays.length + 1;
  else if (roll < 0.3) failures = ctx.rng.int(1, 3);
  while (failures > 0 && failures <= delays.length && finishedAt + elapsedBefore(failures) >= ctx.now) failures--;
  const gaveUp = failures > delays.length;
  const attempts = gaveUp ? failures : failures + 1;
  const failure = ctx.rng.pick(FAILURES);
  const rows: { at: number; latency: number; ok: boolean }[] = [];
  const firstAfter = 200 + Math.floor(ctx.rng.next() * 1_500);
  let at = finishedAt + firstAfter;
  for (let n = 1; n <= attempts; n++) {
    const ok = n > failures;
    const latency = !ok && failure.error.startsWith("timed out") ? 10_000 : 40 + Math.floor(ctx.rng.next() * 300);
    rows.push({ at, latency, ok });
    at += latency + (delays[n - 1] ?? 0);
  }
  // A task finished in the last second or two: its attempts move earlier (gaps kept, never before
  // the task finished) so that no logged attempt lies in the future.
  const overshoot = Math.min(firstAfter, rows[rows.length - 1].at - ctx.now);
  if (overshoot > 0) for (const r of rows) r.at -= overshoot;
  const last = rows[rows.length - 1];
  const job = await ctx.db
    .insertInto("callback_jobs")
    .values({ task_id: row.id, account_id: row.account_id, body: JSON.stringify(callbackBody(row)), url: row.callback_url!, status: gaveUp ? "failed" : "succeeded", attempts, next_attempt_at: last.at, created_at: finishedAt, updated_at: last.at + last.latency, leased_until: null })
    .returning("id")
    .executeTakeFirstOrThrow();
  for (const [k, r] of rows.entries()) {
    await ctx.db
      .insertInto("callback_attempts")
      .values({ job_id: job.id, task_id: row.id, attempt: k + 1, at: r.at, status_code: r.ok ? 200 : failure.status_code, error: r.ok ? null : failure.error, latency_ms: r.latency, succeeded: r.ok ? 1 : 0 })
      .execute();
  }
  await ctx.db.updateTable("tasks").set({ callback_succeeded: gaveUp ? 0 : 1 }).where("id", "=", row.id).execute();
}

async function seedAudit(ctx: SeedContext, row: TaskRow, completedAt: number, rejection: string | null): Promise<void> {
  await ctx.db
    .insertInto("audits")
    .values({
      task_id: row.id,
      account_id: row.account_id,
      mode: row.mode,
      accepted: rejection === null ? 1 : 0,
      comments: rejection ?? ctx.rng.pick(APPROVALS),
      audited_at: Math.min(ctx.now - 500, completedAt + Math.floor(ctx.rng.next() * DAY)),
      audited_by: "demo-reviewer",
    })
    .execute();
}

/** Seeds demo data when the data dir has no tasks and no projects yet. Returns the task count. */
export async function seedDemoDataIfEmpty(db: Db, files: FileStore, retryDelaysMs: readonly number[]): Promise<number> {
  const anyTask = await db.selectFrom("tasks").select("id").limit(1).executeTakeFirst();
  const anyProject = await db.selectFrom("projects").select("id").limit(1).executeTakeFirst();
  const account = await db.selectFrom("accounts").select("id").orderBy("created_at", "asc").limit(1).executeTakeFirst();
  if (anyTask || anyProject || !account) return 0;
  const samples = await copySamples(files);
  const now = Date.now();
  const ctx: SeedContext = { db, files, accountId: account.id, rng: createRng(`demo-${now}`), now, rows: [], completedLive: 0, audits: 0, retryDelaysMs };
  const templates = DEMO_TEMPLATES.filter((t) => t.images.every((i) => samples.includes(i)));
  let count = 0;
  await db.transaction().execute(async (trx) => {
    const tctx = { ...ctx, db: trx };
    for (const p of DEMO_PROJECTS) {
      const id = newObjectId(now - 30 * DAY);
      await trx.insertInto("projects").values({ id, account_id: account.id, mode: "live", name: p.name, type: p.type, created_at: now - 30 * DAY }).execute();
      await trx.insertInto("project_params").values({ project_id: id, version: 0, params: JSON.stringify({ instruction: p.instruction }), created_at: now - 30 * DAY }).execute();
    }
    for (const t of templates) {
      const n = t.type === "annotation" ? 10 : t.type === "segmentannotation" ? 3 : 6;
      for (let i = 0; i < n; i++, count++) await seedTask(tctx, t, i, "live");
      if (["annotation", "categorization", "segmentannotation", "polygonannotation"].includes(t.type)) {
        for (let i = 0; i < 2; i++, count++) await seedTask(tctx, t, i, "test");
      }
    }
  });
  return count;
}

