import { sql } from "kysely";
import type { ExportQuery } from "../../schema";
import type { Db } from "../store/db";
import { filteredTasks, latestAudits, toWireTask, type Scope, type TaskRow } from "../store/tasks";
import { readJson } from "../store/json";
import type { PublicUrls } from "../hosted-urls";
import { COCO_TYPES, CocoCategories, cocoAnnotations, cocoImage } from "./coco";

// `GET /v1/tasks/export`: every task matching the list filters, streamed. Rows are read a page at
// a time by keyset pagination (created_at, id — newest first, like the list), and the stream is
// pulled by the socket, so memory stays flat however many tasks there are.

const PAGE = 500;

export type ExportFilter = ExportQuery & { cocoOnly?: boolean; notAfter?: number };

function query(db: Db, scope: Scope, q: ExportFilter) {
  let base = filteredTasks(db, scope, q);
  if (q.task_ids) base = base.where("id", "in", q.task_ids.length ? q.task_ids : ["-"]);
  if (q.cocoOnly) base = base.where("type", "in", [...COCO_TYPES]);
  if (q.notAfter !== undefined) base = base.where("created_at", "<=", q.notAfter);
  return base;
}

export async function countExport(db: Db, scope: Scope, q: ExportFilter): Promise<number> {
  const r = await query(db, scope, q).select(sql<number>`count(*)`.as("n")).executeTakeFirstOrThrow();
  return Number(r.n);
}

export async function* exportPages(db: Db, scope: Scope, q: ExportFilter): AsyncGenerator<TaskRow[]> {
  let cursor: { created_at: number; id: string } | null = null;
  for (;;) {
    let page = query(db, scope, q).selectAll();
    if (cursor) {
      const c: { created_at: number; id: string } = cursor;
      // A plain range on created_at lets SQLite seek in the index; the OR only trims the rows that
      // share the cursor's created_at (an OR alone made every page rescan from the newest row).
      page = page
        .where("created_at", "<=", c.created_at)
        .where((eb) => eb.or([eb("created_at", "<", c.created_at), eb("id", "<", c.id)]));
    }
    const rows = await page.orderBy("created_at", "desc").orderBy("id", "desc").limit(PAGE).execute();
    if (rows.length === 0) return;
    yield rows;
    if (rows.length < PAGE) return;
    const last = rows[rows.length - 1];
    cursor = { created_at: last.created_at, id: last.id };
  }
}

async function* jsonLines(db: Db, scope: Scope, q: ExportFilter, format: "json" | "ndjson", urls: PublicUrls): AsyncGenerator<string> {
  let first = true;
  if (format === "json") yield "[";
  for await (const rows of exportPages(db, scope, q)) {
    const audits = await latestAudits(db, rows.map((r) => r.id));
    let chunk = "";
    for (const r of rows) {
      const text = JSON.stringify(toWireTask(r, audits.get(r.id) ?? null, urls));
      chunk += format === "ndjson" ? text + "\n" : (first ? "\n" : ",\n") + text;
      first = false;
    }
    yield chunk;
  }
  if (format === "json") yield first ? "]\n" : "\n]\n";
}

/** COCO in two passes over the same snapshot: images first, then annotations, categories last. */
async function* coco(db: Db, scope: Scope, q: ExportFilter, urls: PublicUrls): AsyncGenerator<string> {
  const info = { description: "Scale Workbench export", date_created: new Date().toISOString() };
  yield `{"info":${JSON.stringify(info)},"images":[`;
  let imageId = 0;
  for await (const rows of exportPages(db, scope, q)) {
    const sizes = await db
      .selectFrom("task_attachments")
      .select(["task_id", "url", "width", "height"])
      .where("task_id", "in", rows.map((r) => r.id))
      .execute();
    const sizeOf = new Map(sizes.map((s) => [`${s.task_id} ${s.url}`, s]));
    yield rows
      .map((r) => {
        const url = readJson<{ attachment?: string }>(r.params, "tasks.params").attachment ?? "";
        return (imageId === 0 ? "" : ",") + JSON.stringify(cocoImage(r, ++imageId, sizeOf.get(`${r.id} ${url}`), urls));
      })
      .join("");
  }
  yield `],"annotations":[`;
  const categories = new CocoCategories();
  let nextId = 1;
  imageId = 0;
  for await (const rows of exportPages(db, scope, q)) {
    let chunk = "";
    for (const r of rows) {
      categories.addTask(r);
      for (const a of cocoAnnotations(r, ++imageId, nextId, categories)) {
        chunk += (nextId === 1 ? "" : ",") + JSON.stringify(a);
        nextId++;
      }
    }
    yield chunk;
  }
  yield `],"categories":${JSON.stringify(categories.list())}}\n`;
}

/**
 * What `GET /v1/tasks/export` sends: the count (before anything is streamed) and the body, pulled
 * a page at a time. COCO reads the tasks twice (categories first), so it fixes an upper bound on
 * creation time to keep image ids the same in both passes while tasks keep arriving.
 */
export async function exportTasks(db: Db, scope: Scope, query: ExportQuery, urls: PublicUrls): Promise<{ total: number; body: AsyncGenerator<string> }> {
  const q: ExportFilter = { ...query };
  if (q.format === "coco") {
    q.cocoOnly = true;
    q.notAfter = Date.now();
  }
  const total = await countExport(db, scope, q);
  return { total, body: q.format === "coco" ? coco(db, scope, q, urls) : jsonLines(db, scope, q, q.format, urls) };
}
