import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ActivityList, Task } from "../../../schema";
import { WorkConflict, WorkDraft, WorkItem, WorkNext, WorkQueue, WorkSummary, WorkHolds } from "../../../schema/work";
import { startTestServer, type TestServer } from "../../testing/harness";
import { validBodies } from "../../testing/fixtures";
import { signInAs, type SignedIn } from "../../testing/members";
import { addKey, createAccount } from "../../store/accounts";

// The workbench over HTTP, on the store the suite runs with (SQLite, or PostgreSQL under
// test:api:pg): claiming with leases (never the same task twice, even at once), renewal,
// expiry, skip, versioned drafts, holder-only writes, scoping, and Submit through completion.

let server: TestServer;
let ann: SignedIn;
let bob: SignedIn;

const text = (i: number, extra: Record<string, unknown> = {}) => ({
  ...validBodies.categorization,
  attachment_type: "text",
  attachment: `company ${i}`,
  callback_url: "http://127.0.0.1:9/cb",
  ...extra,
});

async function createLive(body: Record<string, unknown>, type = "categorization"): Promise<string> {
  const res = await server.api(`/v1/task/${type}`, { key: server.liveKey, json: body });
  expect(res.status, await res.clone().text()).toBe(200);
  return Task.parse(await res.json()).task_id;
}

async function next(who: SignedIn, filter: Record<string, unknown> = {}): Promise<WorkNext> {
  const res = await who.api("/console-api/work/next", { json: filter });
  expect(res.status, await res.clone().text()).toBe(200);
  return WorkNext.parse(await res.json());
}

/** Makes a lease run out without waiting five minutes. */
async function expireHold(taskId: string): Promise<void> {
  await server.db.updateTable("tasks").set({ held_until: Date.now() - 1 }).where("id", "=", taskId).execute();
}

/** Finishes everything pending so each test starts from an empty queue. */
async function drain(): Promise<void> {
  await server.db.updateTable("tasks").set({ status: "canceled" }).where("status", "=", "pending").execute();
}

beforeAll(async () => {
  server = await startTestServer();
  ann = await signInAs(server, "labeler", "Ann Labeler");
  bob = await signInAs(server, "labeler", "Bob Labeler");
});
afterAll(() => server.stop());

describe("claiming the next task", () => {
  it("hands out express before standard, then oldest first, and resumes the task I hold", async () => {
    await drain();
    const old = await createLive(text(1));
    const newer = await createLive(text(2));
    const express = await createLive(text(3, { urgency: "express" }));
    const first = await next(ann);
    expect(first.item?.task.task_id).toBe(express);
    expect(first.item?.lease).toMatchObject({ mine: true, holder: { name: "Ann Labeler" } });
    // Start labeling again while holding one: the same task, not a second one.
    expect((await next(ann)).item?.task.task_id).toBe(express);
    expect((await next(bob)).item?.task.task_id).toBe(old);
    const queue = WorkQueue.parse(await (await ann.api("/console-api/work/queue")).json());
    expect(queue.groups).toEqual([{ type: "categorization", project: null, waiting: 1, held: 2, express: 1 }]);
    expect(queue.mine.map((m) => m.task_id)).toEqual([express]);
    expect((await next(ann, { type: "categorization" })).item?.task.task_id).toBe(express);
    void newer;
  });

  it("never gives two people the same task, even when they ask at once", async () => {
    await drain();
    const ids = new Set<string>();
    for (let i = 0; i < 12; i++) ids.add(await createLive(text(100 + i)));
    const people = [ann, bob, await signInAs(server, "labeler"), await signInAs(server, "manager"), await signInAs(server, "admin"), await signInAs(server, "labeler")];
    // Each person asks, submits nothing, skips nothing: each must end up with a different task.
    const got = await Promise.all(people.map((p) => next(p)));
    const taken = got.map((g) => g.item?.task.task_id);
    expect(taken.every((t) => t && ids.has(t))).toBe(true);
    expect(new Set(taken).size).toBe(people.length);
    // The store agrees: six distinct holders.
    const held = await server.db.selectFrom("tasks").select(["id", "held_by"]).where("held_by", "is not", null).where("status", "=", "pending").execute();
    expect(new Set(held.map((h) => h.held_by)).size).toBe(people.length);
  });

  it("filters by type and project and says when nothing is waiting", async () => {
    await drain();
    await server.api("/v1/projects", { key: server.liveKey, json: { type: "categorization", name: "work-proj", params: {} } });
    const inProject = await createLive(text(5, { project: "work-proj" }));
    expect((await next(ann, { project: "nope" })).item).toBeNull();
    const none = await next(ann, { type: "transcription" });
    expect(none.item).toBeNull();
    expect(none.reason).toContain("no pending live transcription task");
    expect((await next(ann, { project: "work-proj" })).item?.task.task_id).toBe(inProject);
    const bad = await ann.api("/console-api/work/next", { json: { type: "hologram" } });
    expect(bad.status).toBe(400);
    expect((await bad.json()).error).toContain("type");
    const unknown = await ann.api("/console-api/work/next", { json: { colour: "red" } });
    expect(unknown.status).toBe(400);
  });

  it("refuses test mode plainly", async () => {
    const res = await server.api("/console-api/work/next", { key: server.testKey, method: "POST", json: {} });
    expect(res.status).toBe(400);
    expect((await res.json()).error).toContain("live");
  });
});

describe("leases", () => {
  it("renews for the holder, refuses others, and frees the task when it runs out", async () => {
    await drain();
    const id = await createLive(text(10));
    expect((await next(ann)).item?.task.task_id).toBe(id);
    const renewed = await ann.api(`/console-api/work/${id}/lease`, { method: "POST", json: {} });
    expect(renewed.status).toBe(200);
    const taken = await bob.api(`/console-api/work/${id}/lease`, { method: "POST", json: {} });
    expect(taken.status).toBe(409);
    expect(WorkConflict.parse(await taken.json())).toMatchObject({ state: "taken", holder: { name: "Ann Labeler" } });
    expect((await next(bob)).item).toBeNull();
    await expireHold(id);
    expect((await next(bob)).item?.task.task_id).toBe(id);
    // Ann's page renews after Bob took it: told at once.
    const lost = await ann.api(`/console-api/work/${id}/lease`, { method: "POST", json: {} });
    expect(lost.status).toBe(409);
    expect(WorkConflict.parse(await lost.json()).state).toBe("taken");
    const holds = WorkHolds.parse(await (await server.api("/console-api/work/holds", { key: server.liveKey })).json());
    expect(holds.holds).toEqual([expect.objectContaining({ task_id: id, holder: expect.objectContaining({ name: "Bob Labeler" }) })]);
  });

  it("answers a renewal with the task's state once it was canceled or completed elsewhere", async () => {
    await drain();
    const id = await createLive(text(11));
    await next(ann);
    await server.api(`/v1/task/${id}/cancel`, { key: server.liveKey, method: "POST" });
    const res = await ann.api(`/console-api/work/${id}/lease`, { method: "POST", json: {} });
    expect(res.status).toBe(409);
    expect(WorkConflict.parse(await res.json()).state).toBe("canceled");

    const id2 = await createLive(text(12));
    await next(ann);
    await ann.api(`/console-api/work/${id2}/draft`, { method: "PUT", json: { response: { category: "public" }, base_version: 0 } });
    await server.api(`/v1/task/${id2}/complete`, { key: server.liveKey, json: { response: { category: "private" } } });
    const res2 = await ann.api(`/console-api/work/${id2}/lease`, { method: "POST", json: {} });
    expect(WorkConflict.parse(await res2.json()).state).toBe("completed");
    // The draft went with the task.
    expect(await server.db.selectFrom("work_drafts").select("task_id").where("task_id", "=", id2).executeTakeFirst()).toBeUndefined();
  });

  it("skip releases the task, records the reason, and keeps it out of my queue but not others'", async () => {
    await drain();
    const id = await createLive(text(20));
    expect((await next(ann)).item?.task.task_id).toBe(id);
    const skip = await ann.api(`/console-api/work/${id}/lease`, { method: "DELETE", json: { reason: "image is blurry" } });
    expect(skip.status, await skip.clone().text()).toBe(200);
    expect((await next(ann)).item).toBeNull();
    expect((await next(bob)).item?.task.task_id).toBe(id);
    const activity = ActivityList.parse(await (await server.api(`/v1/task/${id}/activity`, { key: server.liveKey })).json());
    expect(activity.activity).toContainEqual(expect.objectContaining({ action: "skipped", actor: "Ann Labeler", detail: "reason: image is blurry" }));
    // Skipping a task I don't hold: refused, nothing recorded.
    const again = await ann.api(`/console-api/work/${id}/lease`, { method: "DELETE", json: {} });
    expect(again.status).toBe(409);
  });
});

describe("drafts", () => {
  it("versions saves, refuses a stale base with the current version, and lets only the holder write", async () => {
    await drain();
    const id = await createLive(text(30));
    await next(ann);
    const put = (who: SignedIn, response: unknown, base: number) => who.api(`/console-api/work/${id}/draft`, { method: "PUT", json: { response, base_version: base } });
    const v1 = await put(ann, { category: "public" }, 0);
    expect(v1.status, await v1.clone().text()).toBe(200);
    expect(WorkDraft.parse(await v1.json())).toMatchObject({ version: 1, saved_by: "Ann Labeler" });
    expect(WorkDraft.parse(await (await put(ann, { category: "private" }, 1)).json()).version).toBe(2);
    // An older tab still on version 1.
    const stale = await put(ann, { category: "public" }, 1);
    expect(stale.status).toBe(409);
    expect(WorkConflict.parse(await stale.json())).toMatchObject({ state: "stale", version: 2 });
    const fresh = await put(ann, { category: "public" }, 0);
    expect(WorkConflict.parse(await fresh.json()).version).toBe(2);
    // Bob doesn't hold it.
    const other = await put(bob, { category: "public" }, 2);
    expect(other.status).toBe(409);
    expect(WorkConflict.parse(await other.json()).state).toBe("taken");
    const got = await ann.api(`/console-api/work/${id}/draft`);
    expect(await got.json()).toMatchObject({ draft: { version: 2, response: { category: "private" } } });
    // Reopening the task brings the draft along.
    const item = WorkItem.parse(await (await ann.api(`/console-api/work/${id}`)).json());
    expect(item.draft).toMatchObject({ version: 2, response: { category: "private" } });
    const bad = await ann.api(`/console-api/work/${id}/draft`, { method: "PUT", json: { response: {} } });
    expect(bad.status).toBe(400);
    expect((await bad.json()).error).toContain("base_version");
  });

  it("is scoped: another mode's or another account's key gets 404", async () => {
    await drain();
    const id = await createLive(text(31));
    await next(ann);
    const wrongMode = await server.api(`/console-api/work/${id}/draft`, { key: server.testKey });
    expect(wrongMode.status).toBe(404);
    const account = await createAccount(server.db, "Other Co");
    const otherKey = `live_other${Date.now().toString(16)}`;
    await addKey(server.db, account, otherKey);
    for (const [method, path] of [["GET", "draft"], ["PUT", "draft"], ["POST", "lease"], ["GET", ""], ["POST", "submit"]] as const) {
      const res = await server.api(`/console-api/work/${id}${path ? "/" + path : ""}`, {
        key: otherKey,
        method,
        ...(method === "GET" ? {} : { json: { response: { category: "public" }, base_version: 0 } }),
      });
      expect(res.status, `${method} ${path}`).toBe(404);
    }
  });
});

describe("submit", () => {
  it("validates like the API, completes as the member, ends the draft and records time spent", async () => {
    await drain();
    const id = await createLive(text(40));
    await next(ann);
    await ann.api(`/console-api/work/${id}/draft`, { method: "PUT", json: { response: { category: "public" }, base_version: 0 } });
    // Bob can't submit Ann's task.
    const foreign = await bob.api(`/console-api/work/${id}/submit`, { json: { response: { category: "public" } } });
    expect(foreign.status).toBe(409);
    const invalid = await ann.api(`/console-api/work/${id}/submit`, { json: { response: { category: "nonprofit" } } });
    expect(invalid.status).toBe(400);
    expect((await invalid.json()).error).toContain("nonprofit");
    expect((await server.db.selectFrom("tasks").select("status").where("id", "=", id).executeTakeFirstOrThrow()).status).toBe("pending");
    const ok = await ann.api(`/console-api/work/${id}/submit`, { json: { response: { category: "public" } } });
    expect(ok.status, await ok.clone().text()).toBe(200);
    const body = (await ok.json()) as { task: unknown; time_spent_ms: number };
    expect(Task.parse(body.task)).toMatchObject({ status: "completed", response: { category: "public" } });
    expect(body.time_spent_ms).toBeGreaterThanOrEqual(0);
    expect(await server.db.selectFrom("work_drafts").select("task_id").where("task_id", "=", id).executeTakeFirst()).toBeUndefined();
    const activity = ActivityList.parse(await (await server.api(`/v1/task/${id}/activity`, { key: server.liveKey })).json());
    expect(activity.activity).toContainEqual(expect.objectContaining({ action: "completed", actor: "Ann Labeler", detail: expect.stringContaining("time spent") }));
    const summary = WorkSummary.parse(await (await server.api(`/console-api/work/${id}/summary`, { key: server.liveKey })).json());
    expect(summary.sessions).toEqual([expect.objectContaining({ outcome: "submitted", holder: expect.objectContaining({ name: "Ann Labeler" }) })]);
    expect(summary.lease).toBeNull();
    // The callback is in the outbox, as for POST /v1/task/:id/complete.
    expect(await server.db.selectFrom("callback_jobs").select("id").where("task_id", "=", id).executeTakeFirst()).toBeDefined();
    const twice = await ann.api(`/console-api/work/${id}/submit`, { json: { response: { category: "public" } } });
    expect(twice.status).toBe(409);
    expect(WorkConflict.parse(await twice.json()).state).toBe("completed");
  });

  it("counts lease-held time across a lapse only up to the last renewal", async () => {
    await drain();
    const id = await createLive(text(41));
    await next(ann);
    // Pretend the claim was 10 minutes ago and the page went quiet 9 minutes ago.
    const t = Date.now();
    await server.db.updateTable("work_sessions").set({ started_at: t - 600_000, seen_at: t - 540_000 }).where("task_id", "=", id).execute();
    await expireHold(id);
    const res = await ann.api(`/console-api/work/${id}/submit`, { json: { response: { category: "private" } } });
    expect(res.status).toBe(200);
    const summary = WorkSummary.parse(await (await server.api(`/console-api/work/${id}/summary`, { key: server.liveKey })).json());
    expect(summary.sessions.map((s) => s.outcome)).toEqual(["expired", "submitted"]);
    expect(summary.sessions[0].ms).toBe(60_000);
    expect(summary.time_spent_ms).toBeGreaterThanOrEqual(60_000);
    expect(summary.time_spent_ms).toBeLessThan(120_000);
  });
});
