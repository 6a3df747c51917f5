import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CallbackLog, Stats, TASK_TYPES, TaskList, type Task } from "../../../schema";
import { startTestServer, type TestServer } from "../../testing/harness";
import { validateResponse } from "../../tasks/validate-response";
import { waitFor } from "../../testing/lifecycle";

// Demo data: every type, every status, audits and callback history, valid responses, and no
// callback left to fire at anybody.

describe("demo data", () => {
  let server: TestServer;
  let tasks: Task[] = [];

  beforeAll(async () => {
    server = await startTestServer({ DEMO_DATA: "1" });
    const list = await waitFor(async () => {
      const l = TaskList.parse(await (await server.api("/v1/tasks?limit=100", { key: server.liveKey })).json());
      return l.total > 0 ? l : null;
    }, 45_000, "demo seed");
    tasks = list.docs;
    expect(list.total).toBeLessThanOrEqual(100);
  });
  afterAll(() => server.stop());

  it("covers every type and status in live mode, spread over 30 days", () => {
    expect(new Set(tasks.map((t) => t.type))).toEqual(new Set(TASK_TYPES));
    expect(new Set(tasks.map((t) => t.status))).toEqual(new Set(["pending", "completed", "canceled", "error"]));
    const days = new Set(tasks.map((t) => t.created_at.slice(0, 10)));
    expect(days.size).toBeGreaterThan(10);
    expect(tasks.some((t) => t.audit?.accepted === false)).toBe(true);
    expect(tasks.some((t) => t.audit?.accepted === true)).toBe(true);
    expect(tasks.some((t) => t.project)).toBe(true);
  });

  it("has valid responses on images this server hosts", async () => {
    // Every mask a response links to, fetched over HTTP as a client would (the validator reads
    // synchronously); on disk or in the database, the server must serve each one.
    const masks = new Map<string, Buffer>();
    const walk = async (v: unknown): Promise<void> => {
      if (typeof v === "string" && v.includes("/files/masks/")) {
        const res = await fetch(v.replace("localhost", "127.0.0.1"));
        expect(res.status, v).toBe(200);
        masks.set(v, Buffer.from(await res.arrayBuffer()));
      } else if (Array.isArray(v)) for (const x of v) await walk(x);
      else if (v && typeof v === "object") for (const x of Object.values(v)) await walk(x);
    };
    for (const t of tasks.filter((x) => x.status === "completed")) await walk(t.response);
    expect(masks.size).toBeGreaterThan(0);
    const readMask = (url: string) => masks.get(url) ?? null;
    for (const t of tasks.filter((x) => x.status === "completed")) {
      const result = validateResponse(t.type, t.params, t.response, { readMask });
      expect(result.ok ? [] : result.errors, `${t.type} ${t.task_id}`).toEqual([]);
    }
    const image = tasks.find((t) => t.type === "annotation" && t.status === "completed")!;
    const attachment = String(image.params.attachment);
    const served = await fetch(attachment.replace("localhost", "127.0.0.1"));
    expect(served.status).toBe(200);
    // Read the body: an unread response keeps its connection busy and the server's close waits.
    expect((await served.arrayBuffer()).byteLength).toBeGreaterThan(0);
  });

  it("shows callback history without anything left to deliver", async () => {
    const done = tasks.filter((t) => t.status === "completed" || t.status === "error");
    expect(done.every((t) => t.callback_succeeded !== undefined)).toBe(true);
    expect(done.some((t) => t.callback_succeeded === false)).toBe(true);
    for (const t of done.slice(0, 10)) {
      const log = CallbackLog.parse(await (await server.api(`/v1/task/${t.task_id}/callbacks`, { key: server.liveKey })).json());
      expect(log.pending).toBe(false);
      expect(log.attempts.length).toBeGreaterThan(0);
    }
    const stats = Stats.parse(await (await server.api("/v1/stats", { key: server.liveKey })).json());
    expect(stats.callback_failures).toBeGreaterThan(0);
    const testMode = TaskList.parse(await (await server.api("/v1/tasks")).json());
    expect(testMode.total).toBeGreaterThan(0);
    expect(testMode.docs.every((t) => t.status === "completed")).toBe(true);
  });
});
