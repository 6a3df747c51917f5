import fs from "node:fs";
import { afterAll, describe, expect, it } from "vitest";
import { Task, TaskList, UploadedFile } from "../../../schema";
import { startTestServer, tempDataDir, type TestServer } from "../../testing/harness";
import { waitFor } from "../../testing/lifecycle";
import { openBlobStore } from "../../store/blobs";

// Files this server hosts are stored by path: a restart on another port (or PUBLIC_URL) keeps
// every demo image, mask and upload working, rows written absolute by earlier versions included,
// while a URL on anybody else's host is kept exactly as given.

const started: TestServer[] = [];
/** Stopped servers whose database a restart took over (a PostgreSQL schema): dropped at the end. */
const kept: TestServer[] = [];
afterAll(async () => {
  for (const s of started) await s.stop().catch(() => undefined);
  for (const s of kept) await s.dropDatabase().catch(() => undefined);
});

async function start(env: Record<string, string>): Promise<TestServer> {
  const s = await startTestServer(env);
  started.push(s);
  return s;
}

/** Stops a server and keeps its database for a restart on the same data (`...restartEnv(s)`). */
async function stop(s: TestServer): Promise<void> {
  await s.stop({ keepDatabase: true });
  started.splice(started.indexOf(s), 1);
  kept.push(s);
}

/**
 * Our base is http://localhost:<port>; fetch it over IPv4, where the test server listens. The body
 * is read, so no half-read answer keeps a connection busy when the server stops.
 */
const get = async (url: string) => {
  const res = await fetch(url.replace("//localhost:", "//127.0.0.1:"));
  await res.arrayBuffer();
  return res;
};
const portOf = (url: string) => new URL(url).port;
/** The same data dir (and database, on PostgreSQL) restarted keeps its keys. */
const keysOf = (s: TestServer) => ({ SCALE_TEST_KEY: s.testKey, SCALE_LIVE_KEY: s.liveKey, ...s.databaseEnv });

async function demoTasks(s: TestServer): Promise<Task[]> {
  const list = await waitFor(async () => {
    const l = TaskList.parse(await (await s.api("/v1/tasks?limit=100&status=completed", { key: s.liveKey })).json());
    return l.total > 0 ? l : null;
  }, 45_000, "demo seed");
  return list.docs;
}

function masksOf(t: Task): string[] {
  const combined = (t.response as { annotations?: { combined?: { image: string; indexedImage: string } } }).annotations?.combined;
  return combined ? [combined.image, combined.indexedImage] : [];
}

describe("files this server hosts, across a change of port", () => {
  it("keeps demo attachments and masks working after a restart on another port", async () => {
    const dataDir = tempDataDir();
    const first = await start({ DATA_DIR: dataDir, DEMO_DATA: "1" });
    const before = await demoTasks(first);
    const seg = before.find((t) => t.type === "segmentannotation")!;
    expect(seg).toBeDefined();
    const oldPort = portOf(first.url);
    expect(portOf(String(seg.params.attachment))).toBe(oldPort);
    await stop(first);

    const second = await start({ DATA_DIR: dataDir, DEMO_DATA: "1", ...keysOf(first) });
    expect(portOf(second.url)).not.toBe(oldPort);
    const again = Task.parse(await (await second.api(`/v1/task/${seg.task_id}`, { key: second.liveKey })).json());
    const urls = [String(again.params.attachment), ...masksOf(again)];
    expect(urls).toHaveLength(3);
    for (const url of urls) {
      expect(portOf(url), url).toBe(portOf(second.url));
      expect((await get(url)).status, url).toBe(200);
    }
    // Exports hand out the same working URLs.
    const exported = (await (await second.api(`/v1/tasks/export?format=ndjson&task_ids=${seg.task_id}`, { key: second.liveKey })).text()).trim();
    expect(Task.parse(JSON.parse(exported)).params.attachment).toBe(again.params.attachment);
  });

  it("stores rows of earlier versions (absolute URLs) by path, and leaves foreign URLs as given", async () => {
    const dataDir = tempDataDir();
    const first = await start({ DATA_DIR: dataDir });
    const upload = UploadedFile.parse(await (await first.api("/v1/files", { body: fs.readFileSync("public/sample-images/horse.png"), headers: { "content-type": "image/png" } })).json());
    const create = async (attachment: string) =>
      Task.parse(await (await first.api("/v1/task/annotation", { key: first.liveKey, json: { attachment, objects_to_annotate: ["horse"], callback_url: "https://hooks.invalid/cb" } })).json());
    const uploadPath = new URL(upload.url).pathname;
    const oldLoopback = await create(upload.url);
    const oldPublic = await create(upload.url);
    const foreignLoopback = await create("http://localhost:3999/files/uploads/not-ours.png");
    const foreign = await create("https://cdn.example.com/files/uploads/not-ours.png");
    await stop(first);

    // Write the rows as an earlier version did: absolute URLs on its base (an old PUBLIC_URL that
    // the upgrade learns from a mask named after the task, or a loopback host on the old port).
    const db = await first.openDb();
    try {
      const setAttachment = async (id: string, attachment: string) => {
        const row = await db.selectFrom("tasks").select("params").where("id", "=", id).executeTakeFirstOrThrow();
        await db
          .updateTable("tasks")
          .set({ params: JSON.stringify({ ...JSON.parse(row.params), attachment }) })
          .where("id", "=", id)
          .execute();
      };
      await setAttachment(oldLoopback.task_id, `http://localhost:1234${uploadPath}`);
      await setAttachment(oldPublic.task_id, `https://old.example.com${uploadPath}`);
      // In the server's file store: DATA_DIR/files on SQLite, the database on PostgreSQL.
      await openBlobStore(db, dataDir).put(`masks/${oldPublic.task_id}/combined.png`, fs.readFileSync("public/sample-images/horse.png"), "image/png");
      const mask = `https://old.example.com/files/masks/${oldPublic.task_id}/combined.png`;
      await db
        .updateTable("tasks")
        .set({
          status: "completed",
          response: JSON.stringify({ annotations: { unlabeled: null, labeled: {}, combined: { image: mask, indexedImage: mask } }, labelMapping: {}, instances: {} }),
        })
        .where("id", "=", oldPublic.task_id)
        .execute();
      await db.deleteFrom("data_upgrades").execute();
    } finally {
      await db.destroy();
    }

    const second = await start({ DATA_DIR: dataDir, ...keysOf(first) });
    const read = async (id: string) => Task.parse(await (await second.api(`/v1/task/${id}`, { key: second.liveKey })).json());
    const base = `http://localhost:${portOf(second.url)}`;
    expect((await read(oldLoopback.task_id)).params.attachment).toBe(base + uploadPath);
    const upgraded = await read(oldPublic.task_id);
    expect(upgraded.params.attachment).toBe(base + uploadPath);
    expect(masksOf(upgraded)).toEqual([`${base}/files/masks/${oldPublic.task_id}/combined.png`, `${base}/files/masks/${oldPublic.task_id}/combined.png`]);
    for (const url of [String(upgraded.params.attachment), ...masksOf(upgraded)]) expect((await get(url)).status, url).toBe(200);
    expect((await read(foreignLoopback.task_id)).params.attachment).toBe("http://localhost:3999/files/uploads/not-ours.png");
    expect((await read(foreign.task_id)).params.attachment).toBe("https://cdn.example.com/files/uploads/not-ours.png");
  });

  it("answers with PUBLIC_URL as the base when it is set, for the same stored rows", async () => {
    const dataDir = tempDataDir();
    const first = await start({ DATA_DIR: dataDir, DEMO_DATA: "1" });
    const seg = (await demoTasks(first)).find((t) => t.type === "segmentannotation")!;
    await stop(first);
    const second = await start({ DATA_DIR: dataDir, DEMO_DATA: "1", PUBLIC_URL: "https://workbench.example.org/scale", ...keysOf(first) });
    const again = Task.parse(await (await second.api(`/v1/task/${seg.task_id}`, { key: second.liveKey })).json());
    expect(String(again.params.attachment)).toMatch(/^https:\/\/workbench\.example\.org\/scale\/files\/sample-images\//);
    for (const url of masksOf(again)) expect(url).toMatch(new RegExp(`^https://workbench\\.example\\.org/scale/files/masks/${seg.task_id}/`));
  });
});
