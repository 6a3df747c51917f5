import type { Db } from "../store/db";
import { readJson } from "../store/json";
import { isStoredPath, mapParamsUrls, mapResponseUrls, type HostedUrls, type UrlMap } from "../hosted-urls";
import { mapCallbackJson } from "../callbacks/outbox";
import type { FileStore } from "./files";

// Earlier versions stored this server's own URLs absolute (`http://localhost:8080/files/...`), so
// a restart on another PORT or PUBLIC_URL broke every demo image and mask. This upgrade, run once
// at start-up, stores them by path like new rows. What counts as ours:
//   - a base this server demonstrably wrote itself, learnt from the data: the base in front of
//     `/files/masks/<the task's own id>/` in a task's response (only we name masks by task id),
//     and in front of `/files/sample-images/` in a demo task's attachment;
//   - today's PUBLIC_URL, and a loopback host on today's port;
//   - a loopback host on any other port when the file it names is in our file store (DATA_DIR/
//     files, or the database on PostgreSQL) or the built console (uploads are named by content
//     hash, masks by task id, so such a file is ours).
// Anything else, in particular a user's URL on another host, is left exactly as it was.

export const UPGRADE_NAME = "hosted-urls-by-path";
const PAGE = 500;

interface Candidate {
  id: string;
  params: string;
  response: string | null;
  metadata: string;
}

function candidates(db: Db, after: string) {
  return db
    .selectFrom("tasks")
    .select(["id", "params", "response", "metadata"])
    .where("id", ">", after)
    .where((eb) => eb.or([eb("params", "like", "%://%/files/%"), eb("response", "like", "%://%/files/%"), eb("params", "like", "%://%/sample-images/%")]))
    .orderBy("id")
    .limit(PAGE)
    .execute();
}

/** Every URL a task holds where hosted files can be (attachments, masks, failed attachments). */
function urlsOf(row: Candidate): string[] {
  const out: string[] = [];
  const collect: UrlMap = (u) => (out.push(u), u);
  mapParamsUrls(readJson(row.params, "tasks.params"), collect);
  if (row.response !== null) mapResponseUrls(readJson(row.response, "tasks.response"), collect);
  return out;
}

interface Learnt {
  /** Bases in front of files only this server writes (see the comment at the top). */
  bases: Set<string>;
  /** Loopback URLs on another port naming a file in our store, by their stored form. */
  loopback: Map<string, string>;
}

const LOOPBACK = new Set(["localhost", "127.0.0.1", "[::1]"]);

/**
 * A loopback URL on another port is ours when its file is in our store. The store may be the
 * database, so this is looked up here, before the (synchronous) rewrite.
 */
async function loopbackStoredForm(files: FileStore, u: string): Promise<string | null> {
  let url: URL;
  try {
    url = new URL(u);
  } catch {
    return null;
  }
  if (!LOOPBACK.has(url.hostname) || !url.pathname.startsWith("/files/")) return null;
  const file = files.fileOfPath(url.pathname);
  return file && (await files.fileExists(file)) ? url.pathname + url.search + url.hash : null;
}

async function learn(db: Db, files: FileStore): Promise<Learnt> {
  const bases = new Set<string>();
  const loopback = new Map<string, string>();
  for (let after = ""; ; ) {
    const rows = await candidates(db, after);
    for (const row of rows) {
      const demo = /"demo":\s*true/.test(row.metadata);
      for (const u of urlsOf(row)) {
        if (isStoredPath(u)) continue;
        const mask = u.indexOf(`/files/masks/${row.id}/`);
        if (mask > 0) bases.add(u.slice(0, mask));
        const sample = u.indexOf("/files/sample-images/");
        if (demo && sample > 0) bases.add(u.slice(0, sample));
        if (!loopback.has(u) && files.urls.ownPathOf(u) === null) {
          const stored = await loopbackStoredForm(files, u);
          if (stored) loopback.set(u, stored);
        }
      }
    }
    if (rows.length < PAGE) return { bases, loopback };
    after = rows[rows.length - 1].id;
  }
}

function storedForm(urls: HostedUrls, { bases, loopback }: Learnt): UrlMap {
  return (u) => {
    if (isStoredPath(u)) return u;
    for (const base of bases) if (u.startsWith(base + "/files/")) return u.slice(base.length);
    return urls.ownPathOf(u) ?? loopback.get(u) ?? u;
  };
}

/** Runs the upgrade unless it has run before. Returns how many tasks it changed. */
export async function storeHostedUrlsByPath(db: Db, files: FileStore): Promise<number> {
  const urls = files.urls;
  const done = await db.selectFrom("data_upgrades").select("name").where("name", "=", UPGRADE_NAME).executeTakeFirst();
  if (done) return 0;
  const f = storedForm(urls, await learn(db, files));
  let changed = 0;
  for (let after = ""; ; ) {
    const rows = await candidates(db, after);
    await db.transaction().execute(async (trx) => {
      for (const row of rows) {
        const params = JSON.stringify(mapParamsUrls(readJson(row.params, "tasks.params"), f));
        const response = row.response === null ? null : JSON.stringify(mapResponseUrls(readJson(row.response, "tasks.response"), f));
        if (params === row.params && response === row.response) continue;
        changed++;
        await trx.updateTable("tasks").set({ params, response }).where("id", "=", row.id).execute();
        const recorded = await trx.selectFrom("task_attachments").select("url").where("task_id", "=", row.id).execute();
        for (const { url } of recorded) {
          const next = f(url);
          if (next === url) continue;
          await trx.deleteFrom("task_attachments").where("task_id", "=", row.id).where("url", "=", next).execute();
          await trx.updateTable("task_attachments").set({ url: next }).where("task_id", "=", row.id).where("url", "=", url).execute();
        }
        // Only a job still to be delivered is ever sent again as stored; a resend builds a new body.
        const jobs = await trx.selectFrom("callback_jobs").select(["id", "body"]).where("task_id", "=", row.id).where("status", "=", "pending").execute();
        for (const job of jobs) await trx.updateTable("callback_jobs").set({ body: mapCallbackJson(job.body, f) }).where("id", "=", job.id).execute();
      }
    });
    if (rows.length < PAGE) break;
    after = rows[rows.length - 1].id;
  }
  await db
    .insertInto("data_upgrades")
    .values({ name: UPGRADE_NAME, done_at: Date.now() })
    .onConflict((oc) => oc.column("name").doNothing())
    .execute();
  return changed;
}
