import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { taskTypeRegistry } from "../../../schema";
import type { Db } from "../../store/db";
import type { Mode } from "../../store/schema";
import { newObjectId } from "../../store/ids";
import { type TaskRow } from "../../store/tasks";
import { ATTACHMENT_ERROR, DEFAULT_CANVAS, hostedImageSize, markChecked, type Canvas } from "../attachments";
import type { FileStore } from "../files";
import { callbackBody } from "../outbox";
import { createRng, generateResponse, type Rng } from "../testmode/index";
import { DEMO_PROJECTS, DEMO_TEMPLATES, type DemoTemplate } from "./catalog";
import { demoWav, demoWebPage } from "./media";

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
  const candidates = [path.resolve(here, "../../../../public/sample-images"), path.resolve("public/sample-images"), path.resolve("dist/sample-images")];
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

function paramsFor(t: DemoTemplate, i: number, image: (name: string) => string, broken: boolean): Record<string, unknown> {
  const raw = t.params(image);
  if (t.images.length > 0 && typeof raw.attachment === "string") raw.attachment = image(broken ? "missing-photo.jpg" : t.images[i % t.images.length]);
  return taskTypeRegistry[t.type].params.parse(raw) as Record<string, unknown>;
}

async function seedTask(ctx: SeedContext, t: DemoTemplate, i: number, mode: Mode, image: (name: string) => string): Promise<void> {
  const { rng, now } = ctx;
  let status: TaskRow["status"] = mode === "test" ? "completed" : STATUS_CYCLE[i % STATUS_CYCLE.length];
  // Tasks without a photo have nothing to break, so they never show the attachment error.
  if (status === "error" && t.images.length === 0) status = "completed";
  const params = paramsFor(t, i, image, status === "error");
  const createdAt = now - Math.floor(rng.next() * 29 * DAY) - 60_000;
  const id = newObjectId(createdAt);
  const url = typeof params.attachment === "string" ? params.attachment : null;
  const canvas: Canvas = (url && (await hostedImageSize(ctx.files, url))) || DEFAULT_CANVAS;
  let response: Record<string, unknown> | null = null;
  let completedAt: number | null = null;
  if (status === "completed") {
    const masks: [string, Buffer][] = [];
    response = generateResponse(t.type, params, {
      canvas,
      rng: createRng(id),
      masks: {
        save: (name, png) => {
          const rel = path.posix.join("masks", id, name);
          masks.push([rel, png]);
          return ctx.files.urlFor(rel);
        },
      },
    });
    for (const [rel, png] of masks) await ctx.files.save(rel, png);
    completedAt = Math.min(now - 1000, createdAt + 5 * 60_000 + Math.floor(rng.next() * 2 * DAY));
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
    instruction: t.project ? `${t.instruction}\n\n${DEMO_PROJECTS.find((p) => p.name === t.project)?.instruction ?? ""}` : t.instruction,
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
  if (completedAt !== null) await seedCallbackHistory(ctx, row, completedAt, rng.chance(0.15));
  // Every other completed live task is audited, and every fourth audit is a rejection: the audit
  // screens always have both kinds to show, whatever the random draw.
  if (status === "completed" && mode === "live" && ctx.completedLive++ % 2 === 0) await seedAudit(ctx, row, completedAt!);
}

async function seedCallbackHistory(ctx: SeedContext, row: TaskRow, at: number, fails: boolean): Promise<void> {
  const body = JSON.stringify(callbackBody(row));
  const attempts = fails ? 20 : 1;
  const job = await ctx.db
    .insertInto("callback_jobs")
    .values({ task_id: row.id, account_id: row.account_id, body, url: row.callback_url!, status: fails ? "failed" : "succeeded", attempts, next_attempt_at: at, created_at: at, updated_at: at, leased_until: null })
    .returning("id")
    .executeTakeFirstOrThrow();
  let t = at;
  for (let n = 1; n <= attempts; n++) {
    const ok = !fails;
    await ctx.db
      .insertInto("callback_attempts")
      .values({ job_id: job.id, task_id: row.id, attempt: n, at: Math.min(t, ctx.now), status_code: ok ? 200 : n % 3 === 0 ? null : 500, error: ok ? null : n % 3 === 0 ? "ECONNREFUSED" : "HTTP 500", latency_ms: 40 + Math.floor(ctx.rng.next() * 300), succeeded: ok ? 1 : 0 })
      .execute();
    t += Math.min(3 * 3_600_000, 10_000 * 2 ** n);
  }
  await ctx.db.updateTable("tasks").set({ callback_succeeded: fails ? 0 : 1 }).where("id", "=", row.id).execute();
}

const REJECTIONS = ["Two boxes are loose by more than 5 px.", "A label is wrong: that is a truck, not a car.", "Missed an object on the left edge."];

async function seedAudit(ctx: SeedContext, row: TaskRow, completedAt: number): Promise<void> {
  const accepted = ctx.audits++ % 4 !== 3;
  await ctx.db
    .insertInto("audits")
    .values({
      task_id: row.id,
      account_id: row.account_id,
      mode: row.mode,
      accepted: accepted ? 1 : 0,
      comments: accepted ? (ctx.rng.chance(0.5) ? "Looks good." : "") : ctx.rng.pick(REJECTIONS),
      audited_at: Math.min(ctx.now - 500, completedAt + Math.floor(ctx.rng.next() * DAY)),
      audited_by: "demo-reviewer",
    })
    .execute();
}

/** Seeds demo data when the data dir has no tasks and no projects yet. Returns the task count. */
export async function seedDemoDataIfEmpty(db: Db, files: FileStore): Promise<number> {
  const anyTask = await db.selectFrom("tasks").select("id").limit(1).executeTakeFirst();
  const anyProject = await db.selectFrom("projects").select("id").limit(1).executeTakeFirst();
  const account = await db.selectFrom("accounts").select("id").orderBy("created_at", "asc").limit(1).executeTakeFirst();
  if (anyTask || anyProject || !account) return 0;
  const samples = await copySamples(files);
  const image = (name: string) => files.urlFor(path.posix.join("sample-images", name));
  const now = Date.now();
  const ctx: SeedContext = { db, files, accountId: account.id, rng: createRng(`demo-${now}`), now, rows: [], completedLive: 0, audits: 0 };
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
      for (let i = 0; i < n; i++, count++) await seedTask(tctx, t, i, "live", image);
      if (["annotation", "categorization", "segmentannotation", "polygonannotation"].includes(t.type)) {
        for (let i = 0; i < 2; i++, count++) await seedTask(tctx, t, i, "test", image);
      }
    }
  });
  return count;
}

