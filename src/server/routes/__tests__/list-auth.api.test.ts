import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Task, TaskList } from "../../../schema";
import { startTestServer, type TestServer } from "../../testing/harness";
import { validBodies } from "../../testing/fixtures";
import { addKey, createAccount } from "../../store/accounts";

let server: TestServer;
const otherAccountKey = "test_otheraccount0000000000000000";
const created: Task[] = [];

beforeAll(async () => {
  server = await startTestServer();
  // A second account in the same database, made the way `npm run keys` makes one.
  const db = await server.openDb();
  const id = await createAccount(db, "other");
  await addKey(db, id, otherAccountKey);
  await db.destroy();
  // Live mode, so nothing completes them behind our back; text categorization fetches nothing.
  for (let i = 0; i < 7; i++) {
    const type = i % 2 === 0 ? "categorization" : "comparison";
    const body = type === "categorization"
      ? { ...validBodies.categorization, attachment_type: "text", attachment: `item ${i}`, metadata: { i } }
      : { ...validBodies.comparison, attachment_type: "text", attachments: ["a", "b"], metadata: { i } };
    const res = await server.api(`/v1/task/${type}`, { json: body, key: server.liveKey });
    created.push(Task.parse(await res.json()));
    await new Promise((r) => setTimeout(r, 5)); // distinct created_at
  }
});
afterAll(async () => server.stop());

const list = async (query: string, key = server.liveKey) => {
  const res = await server.api(`/v1/tasks${query}`, { key });
  expect(res.status).toBe(200);
  return TaskList.parse(await res.json());
};

describe("GET /v1/tasks", () => {
  it("lists newest first with the docs' page shape", async () => {
    const page = await list("");
    expect(page.total).toBe(7);
    expect(page.limit).toBe(100);
    expect(page.offset).toBe(0);
    expect(page.has_more).toBe(false);
    expect(page.docs.map((t) => t.task_id)).toEqual(created.map((t) => t.task_id).reverse());
  });

  it("pages with limit and offset, with has_more at the edges", async () => {
    const first = await list("?limit=3");
    expect(first.docs).toHaveLength(3);
    expect(first.has_more).toBe(true);
    const last = await list("?limit=3&offset=6");
    expect(last.docs).toHaveLength(1);
    expect(last.has_more).toBe(false);
    const exact = await list("?limit=3&offset=4");
    expect(exact.docs).toHaveLength(3);
    expect(exact.has_more).toBe(false);
    const past = await list("?offset=50");
    expect(past.docs).toHaveLength(0);
    expect(past.total).toBe(7);
    const all = [...first.docs, ...(await list("?limit=3&offset=3")).docs, ...last.docs].map((t) => t.task_id);
    expect(new Set(all).size).toBe(7);
  });

  it("refuses limits outside 1..100 and negative offsets, naming the parameter", async () => {
    for (const q of ["?limit=0", "?limit=101", "?limit=abc"]) {
      const res = await server.api(`/v1/tasks${q}`, { key: server.liveKey });
      expect(res.status).toBe(400);
      expect((await res.json()).error).toContain("limit");
    }
    const res = await server.api("/v1/tasks?offset=-1", { key: server.liveKey });
    expect((await res.json()).error).toContain("offset: must be at least 0");
  });

  it("filters by type, status, project and task id prefix; ignores unknown parameters", async () => {
    expect((await list("?type=comparison")).total).toBe(3);
    expect((await list("?type=datacollection")).total).toBe(0);
    expect((await list("?status=pending&whatever=1")).total).toBe(7);
    expect((await list("?status=&type=&limit=")).total).toBe(7);
    expect((await list("?status=completed")).total).toBe(0);
    const bad = await server.api("/v1/tasks?status=done", { key: server.liveKey });
    expect((await bad.json()).error).toContain("status: must be one of pending, completed, canceled, error");
    // Nothing here has finished, so no callback has failed or succeeded yet.
    expect((await list("?callback_succeeded=false")).total).toBe(0);
    const badFlag = await server.api("/v1/tasks?callback_succeeded=maybe", { key: server.liveKey });
    expect((await badFlag.json()).error).toContain("callback_succeeded: must be true or false");
    const id = created[2].task_id;
    expect((await list(`?task_id=${id}`)).docs.map((t) => t.task_id)).toEqual([id]);
    expect((await list(`?task_id=${id.slice(0, 20)}`)).docs.map((t) => t.task_id)).toContain(id);
  });

  it("filters by created_at with start_time/end_time, including zone-less times with microseconds", async () => {
    const mid = created[3].created_at; // e.g. 2026-11-29T21:00:00.123Z
    const pythonStyle = mid.replace("Z", "") + "456"; // datetime.utcnow().isoformat(): no zone, 6 digits
    const since = await list(`?start_time=${encodeURIComponent(pythonStyle)}`);
    // Microseconds are below our millisecond resolution: the bound is inclusive of created[3].
    expect(since.docs.map((t) => t.task_id)).toEqual(created.slice(3).map((t) => t.task_id).reverse());
    const until = await list(`?end_time=${encodeURIComponent(mid)}`);
    expect(until.total).toBe(4);
    const offsetZone = new Date(Date.parse(mid) + 3600e3).toISOString().replace("Z", "+01:00");
    expect((await list(`?end_time=${encodeURIComponent(offsetZone)}`)).total).toBe(4);
    const bad = await server.api("/v1/tasks?start_time=yesterday", { key: server.liveKey });
    expect(bad.status).toBe(400);
    expect((await bad.json()).error).toContain("start_time: must be an ISO 8601");
  });
});

describe("authentication and isolation", () => {
  it("answers 401 without a key, with an unknown key and with a non-Basic header", async () => {
    for (const init of [{ key: null }, { key: "test_doesnotexist" }, { key: null, headers: { authorization: "Bearer x" } }]) {
      const res = await server.api("/v1/tasks", init);
      expect(res.status).toBe(401);
      const body = await res.json();
      expect(body.status_code).toBe(401);
      expect(typeof body.error).toBe("string");
    }
  });

  it("keeps test and live objects apart", async () => {
    const testTask = Task.parse(await (await server.api("/v1/task/annotation", { json: validBodies.annotation })).json());
    expect((await server.api(`/v1/task/${testTask.task_id}`, { key: server.liveKey })).status).toBe(404);
    expect((await list("", server.liveKey)).docs.some((t) => t.task_id === testTask.task_id)).toBe(false);
    expect((await server.api(`/v1/task/${created[0].task_id}`)).status).toBe(404);
  });

  it("keeps accounts apart: another account sees none of these tasks and cannot cancel them", async () => {
    expect((await list("", otherAccountKey)).total).toBe(0);
    expect((await server.api(`/v1/task/${created[0].task_id}`, { key: otherAccountKey })).status).toBe(404);
    const cancel = await server.api(`/v1/task/${created[0].task_id}/cancel`, { method: "POST", key: otherAccountKey });
    expect(cancel.status).toBe(404);
    expect(Task.parse(await (await server.api(`/v1/task/${created[0].task_id}`, { key: server.liveKey })).json()).status).toBe("pending");
  });

  it("answers 404 with a JSON error for unknown endpoints", async () => {
    const res = await server.api("/v1/nothing-here");
    expect(res.status).toBe(404);
    expect((await res.json()).error).toContain("no such endpoint");
  });
});

describe("rate limit", () => {
  it("answers 429 with the error body once a key exceeds its per-minute budget", async () => {
    const limited = await startTestServer({ RATE_LIMIT_PER_MINUTE: "5" });
    try {
      const codes: number[] = [];
      for (let i = 0; i < 7; i++) codes.push((await limited.api("/v1/tasks")).status);
      expect(codes.slice(0, 5)).toEqual([200, 200, 200, 200, 200]);
      const res = await limited.api("/v1/tasks");
      expect(res.status).toBe(429);
      expect(await res.json()).toMatchObject({ status_code: 429 });
      // Another key has its own budget.
      expect((await limited.api("/v1/tasks", { key: limited.liveKey })).status).toBe(200);
    } finally {
      await limited.stop();
    }
  });
});
