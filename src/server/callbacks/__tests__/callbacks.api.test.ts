import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CallbackBody, CallbackLog, Task, TaskList } from "../../../schema";
import { startTestServer, type TestServer } from "../../testing/harness";
import { startLocalServer, waitFor, type LocalServer } from "../../testing/lifecycle";

const AUTH = "cb_auth_for_tests_0123456789";

describe("callbacks", () => {
  let server: TestServer;
  let receiver: LocalServer;
  /** Per path: how many 500s to answer before a 200. */
  const failures: Record<string, number> = { "/flaky": 2, "/down": 1000 };

  beforeAll(async () => {
    receiver = await startLocalServer((req) => {
      const seen = receiver.received.filter((r) => r.path === req.path).length;
      return { status: seen <= (failures[req.path] ?? 0) ? 500 : 200 };
    });
    server = await startTestServer({ CALLBACK_RETRY_DELAYS_MS: "100,100,100", SCALE_CALLBACK_AUTH_KEY: AUTH });
  });
  afterAll(async () => {
    await server.stop();
    await receiver.close();
  });

  const create = async (callback_url: string, key?: string) => {
    const res = await server.api("/v1/task/categorization", {
      key,
      json: { callback_url, instruction: "Pick one", attachment_type: "text", attachment: "tomato", categories: ["red", "blue"] },
    });
    expect(res.status).toBe(200);
    return Task.parse(await res.json());
  };

  it("POSTs {task, response, task_id, status} with the account's auth header after a test task completes", async () => {
    const task = await create(`${receiver.url}/ok`);
    expect(task.status).toBe("pending");
    const got = await waitFor(() => receiver.received.find((r) => r.path === "/ok"), 5000, "callback");
    expect(got.method).toBe("POST");
    expect(got.headers["scale-callback-auth"]).toBe(AUTH);
    expect(got.headers["content-type"]).toContain("application/json");
    const body = CallbackBody.parse(JSON.parse(got.body));
    expect(body.task_id).toBe(task.task_id);
    expect(body.status).toBe("completed");
    expect(body.task.status).toBe("completed");
    expect(["red", "blue"]).toContain(body.response.category);
    expect(body.task.response).toEqual(body.response);
    const after = await waitFor(async () => {
      const t = Task.parse(await (await server.api(`/v1/task/${task.task_id}`)).json());
      return t.callback_succeeded === true ? t : null;
    });
    expect(after.status).toBe("completed");
  });

  it("retries after 500s, records every attempt and ends with callback_succeeded", async () => {
    const task = await create(`${receiver.url}/flaky`);
    const log = await waitFor(async () => {
      const l = CallbackLog.parse(await (await server.api(`/v1/task/${task.task_id}/callbacks`)).json());
      return !l.pending && l.attempts.length > 0 ? l : null;
    }, 5000, "delivery");
    expect(log.attempts.map((a) => [a.status_code, a.succeeded])).toEqual([[500, false], [500, false], [200, true]]);
    expect(log.attempts.map((a) => a.attempt)).toEqual([1, 2, 3]);
    expect(log.attempts[0].error).toBe("HTTP 500");
    for (const a of log.attempts) expect(a.latency_ms).toBeGreaterThanOrEqual(0);
    const t = Task.parse(await (await server.api(`/v1/task/${task.task_id}`)).json());
    expect(t.callback_succeeded).toBe(true);
  });

  it("gives up after the schedule, sets callback_succeeded false, and Resend delivers again", async () => {
    const task = await create(`${receiver.url}/down`);
    await waitFor(async () => {
      const t = Task.parse(await (await server.api(`/v1/task/${task.task_id}`)).json());
      return t.callback_succeeded === false;
    }, 5000, "final failure");
    const log = CallbackLog.parse(await (await server.api(`/v1/task/${task.task_id}/callbacks`)).json());
    expect(log.attempts).toHaveLength(4); // the first attempt and 3 retries
    expect(log.pending).toBe(false);
    // The console's "Failed callbacks" link lists exactly such tasks.
    const failed = TaskList.parse(await (await server.api("/v1/tasks?callback_succeeded=false")).json());
    expect(failed.docs.map((t) => t.task_id)).toContain(task.task_id);
    expect(failed.docs.every((t) => t.callback_succeeded === false)).toBe(true);

    failures["/down"] = 0;
    const res = await server.api(`/v1/task/${task.task_id}/resendCallback`, { method: "POST" });
    expect(res.status).toBe(200);
    expect(Task.parse(await res.json()).task_id).toBe(task.task_id);
    const after = await waitFor(async () => {
      const t = Task.parse(await (await server.api(`/v1/task/${task.task_id}`)).json());
      return t.callback_succeeded === true ? t : null;
    }, 5000, "resend");
    const final = CallbackLog.parse(await (await server.api(`/v1/task/${after.task_id}/callbacks`)).json());
    expect(final.attempts).toHaveLength(5);
    expect(final.attempts[4]).toMatchObject({ attempt: 5, status_code: 200, succeeded: true });
  });

  it("refuses to resend for a pending task and 404s for an unknown one", async () => {
    const live = await server.api("/v1/task/categorization", {
      key: server.liveKey,
      json: { callback_url: `${receiver.url}/ok`, instruction: "x", attachment_type: "text", attachment: "t", categories: ["a"] },
    });
    const task = Task.parse(await live.json());
    const res = await server.api(`/v1/task/${task.task_id}/resendCallback`, { method: "POST", key: server.liveKey });
    expect(res.status).toBe(400);
    expect((await res.json()).error).toMatch(/pending/);
    expect((await server.api(`/v1/task/${"0".repeat(24)}/callbacks`)).status).toBe(404);
    // Test and live objects never mix.
    expect((await server.api(`/v1/task/${task.task_id}/callbacks`)).status).toBe(404);
  });

  it("keeps an e-mail callback as a file and shows it undelivered when SMTP_URL is not set", async () => {
    const task = await create("ops@example.com");
    const log = await waitFor(async () => {
      const l = CallbackLog.parse(await (await server.api(`/v1/task/${task.task_id}/callbacks`)).json());
      return l.attempts.length > 0 && !l.pending ? l : null;
    }, 5000, "mail attempt");
    expect(log.attempts[0].succeeded).toBe(false);
    expect(log.attempts[0].error).toMatch(/SMTP_URL is not set/);
    const dir = path.join(server.dataDir, "mail");
    const files = fs.readdirSync(dir).filter((f) => f.startsWith(task.task_id));
    expect(files).toHaveLength(1);
    const eml = fs.readFileSync(path.join(dir, files[0]), "utf8");
    expect(eml).toContain("To: ops@example.com");
    expect(eml).toContain(`"task_id": "${task.task_id}"`);
    const t = Task.parse(await (await server.api(`/v1/task/${task.task_id}`)).json());
    expect(t.callback_succeeded).toBe(false);
  });
});
