import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AuditList, AuditSample, AuditStats, Stats, Task, TaskList } from "../../../schema";
import { startTestServer, type TestServer } from "../../testing/harness";

describe("audits and stats", () => {
  let server: TestServer;
  const ids: string[] = [];

  beforeAll(async () => {
    server = await startTestServer();
    await server.api("/v1/projects", { json: { type: "categorization", name: "fruit", params: { instruction: "Fruit?" } } });
    for (let i = 0; i < 6; i++) {
      const res = await server.api("/v1/task/categorization", {
        json: { callback_url: "https://hooks.invalid/x", instruction: "?", attachment_type: "text", attachment: `item ${i}`, categories: ["a", "b"], ...(i < 4 ? { project: "fruit" } : {}) },
      });
      ids.push(Task.parse(await res.json()).task_id);
    }
    await server.api("/v1/task/annotation", { json: { callback_url: "https://hooks.invalid/x", attachment: "https://e.com/a.png", objects_to_annotate: ["car"] } });
  });
  afterAll(() => server.stop());

  const audit = (id: string, body: unknown) => server.api(`/v1/task/${id}/audit`, { json: body });

  it("records approvals and rejections with who and when", async () => {
    const ok = await audit(ids[0], { accepted: true, comments: "" });
    expect(ok.status).toBe(200);
    expect(Task.parse(await ok.json()).audit).toMatchObject({ accepted: true, audited_by: server.testKey.slice(0, 12) });
    const noComment = await audit(ids[1], { accepted: false, comments: "  " });
    expect(noComment.status).toBe(400);
    expect((await noComment.json()).error).toMatch(/^comments: a rejection needs comments/);
    expect((await audit(ids[1], { accepted: false, comments: "wrong fruit" })).status).toBe(200);
    // Form bodies work as well.
    expect((await server.api(`/v1/task/${ids[1]}/audit`, { form: "accepted=true&comments=fixed" })).status).toBe(200);
    const list = AuditList.parse(await (await server.api(`/v1/task/${ids[1]}/audits`)).json());
    expect(list.audits.map((a) => [a.accepted, a.comments])).toEqual([[false, "wrong fruit"], [true, "fixed"]]);
    const task = Task.parse(await (await server.api(`/v1/task/${ids[1]}`)).json());
    expect(task.audit?.comments).toBe("fixed");
    // A list page carries each task's latest audit too (read in the page's own query), null when none.
    const page = TaskList.parse(await (await server.api("/v1/tasks?limit=100")).json());
    const listed = new Map(page.docs.map((d) => [d.task_id, d.audit]));
    expect(listed.get(ids[1])).toMatchObject({ accepted: true, comments: "fixed", audited_by: server.testKey.slice(0, 12) });
    expect(listed.get(ids[0])).toMatchObject({ accepted: true, comments: "" });
    expect(listed.get(ids[2])).toBeNull();
  });

  it("refuses audits of tasks that are not completed", async () => {
    const res = await server.api("/v1/task/categorization", {
      key: server.liveKey,
      json: { callback_url: "https://hooks.invalid/x", instruction: "?", attachment_type: "text", attachment: "x", categories: ["a"] },
    });
    const id = Task.parse(await res.json()).task_id;
    const r = await server.api(`/v1/task/${id}/audit`, { key: server.liveKey, json: { accepted: true } });
    expect(r.status).toBe(400);
    expect((await r.json()).error).toMatch(/only completed tasks can be audited/);
  });

  it("samples completed tasks nobody audited, with filters", async () => {
    const all = AuditSample.parse(await (await server.api("/v1/audits/sample?size=50")).json());
    const sampled = all.docs.map((t) => t.task_id);
    expect(sampled).toHaveLength(5); // 7 completed, 2 audited
    expect(sampled).not.toContain(ids[0]);
    expect(sampled).not.toContain(ids[1]);
    expect(new Set(sampled).size).toBe(sampled.length);
    const fruit = AuditSample.parse(await (await server.api("/v1/audits/sample?project=fruit&size=1")).json());
    expect(fruit.docs).toHaveLength(1);
    expect(fruit.docs[0].project).toBe("fruit");
    const boxes = AuditSample.parse(await (await server.api("/v1/audits/sample?type=annotation")).json());
    expect(boxes.docs.map((t) => t.type)).toEqual(["annotation"]);
    expect((await server.api("/v1/audits/sample?size=0")).status).toBe(400);
  });

  it("counts decisions per day, type and project", async () => {
    const stats = AuditStats.parse(await (await server.api("/v1/audits/stats")).json());
    expect(stats.totals).toEqual({ approved: 2, rejected: 1 });
    const today = new Date().toISOString().slice(0, 10);
    expect(stats.per_day).toEqual([{ day: today, type: "categorization", project: "fruit", approved: 2, rejected: 1 }]);
    const none = AuditStats.parse(await (await server.api("/v1/audits/stats?type=annotation")).json());
    expect(none.totals).toEqual({ approved: 0, rejected: 0 });
  });

  it("summarises tasks by day, type and status", async () => {
    await server.api(`/v1/task/${ids[5]}/cancel`, { method: "POST" }); // completed already: refused
    const stats = Stats.parse(await (await server.api("/v1/stats")).json());
    expect(stats.totals).toEqual({ all: 7, pending: 0, completed: 7, canceled: 0, error: 0 });
    const today = new Date().toISOString().slice(0, 10);
    expect(stats.per_day).toEqual([
      { day: today, type: "annotation", count: 1 },
      { day: today, type: "categorization", count: 6 },
    ]);
    expect(stats.per_day_status).toEqual([{ day: today, status: "completed", count: 7 }]);
    expect(stats.status_by_type).toContainEqual({ type: "categorization", status: "completed", count: 6 });
    expect(stats.completion_ms.count).toBe(7);
    expect(stats.completion_ms.p50).not.toBeNull();
    expect(stats.completion_ms.p99!).toBeLessThan(60_000);
    const fruit = Stats.parse(await (await server.api("/v1/stats?project=fruit")).json());
    expect(fruit.totals.all).toBe(4);
    const past = Stats.parse(await (await server.api("/v1/stats?start_time=2020-01-01&end_time=2020-02-01")).json());
    expect(past.totals.all).toBe(0);
    expect(past.completion_ms).toEqual({ p50: null, p90: null, p99: null, count: 0 });
    expect(past.range).toEqual({ start: "2020-01-01T00:00:00.000Z", end: "2020-02-01T00:00:00.000Z" });
    expect((await server.api("/v1/stats?start_time=yesterday")).status).toBe(400);
  });
});
