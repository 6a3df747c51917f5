import { describe, expect, it } from "vitest";
import type { PreparedRow } from "./dryRun";
import { BatchSender, type SendApi } from "./send";

const rows = (n: number): PreparedRow[] =>
  Array.from({ length: n }, (_, i) => ({ row: i + 1, uniqueId: `u${i + 1}`, derived: false, body: { unique_id: `u${i + 1}` }, errors: [] }));

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/** A fake server that keeps tasks by unique_id, as the real one does, and fails on demand. */
function fakeServer(fail: (uniqueId: string, attempt: number) => HttpError | null = () => null) {
  const tasks = new Map<string, string>();
  const attempts = new Map<string, number>();
  let inFlight = 0;
  let maxInFlight = 0;
  const api: SendApi = {
    async create(body) {
      const id = String(body.unique_id);
      const attempt = (attempts.get(id) ?? 0) + 1;
      attempts.set(id, attempt);
      inFlight++;
      maxInFlight = Math.max(maxInFlight, inFlight);
      await new Promise((r) => setTimeout(r, 1));
      inFlight--;
      const failure = fail(id, attempt);
      if (failure) throw failure;
      const used = tasks.get(id);
      if (used) throw new HttpError(409, `unique_id: "${id}" was already used by task ${used}`);
      const taskId = (tasks.size + 1).toString(16).padStart(24, "0");
      tasks.set(id, taskId);
      return { task_id: taskId };
    },
    async findByUniqueId(id) {
      return tasks.get(id) ?? null;
    },
  };
  return { api, tasks, attempts, maxInFlight: () => maxInFlight };
}

const instant = { sleep: () => Promise.resolve() };

describe("BatchSender", () => {
  it("creates every row once, at most `concurrency` at a time", async () => {
    const server = fakeServer();
    const outcomes = await new BatchSender(rows(30), server.api, { concurrency: 4, ...instant }).run();
    expect(outcomes.map((o) => o.status)).toEqual(Array(30).fill("created"));
    expect(outcomes.map((o) => o.row)).toEqual(Array.from({ length: 30 }, (_, i) => i + 1));
    expect(server.tasks.size).toBe(30);
    expect(server.maxInFlight()).toBeLessThanOrEqual(4);
    expect(server.maxInFlight()).toBeGreaterThan(1);
  });

  it("retries network errors, 429 and 5xx, and never creates a duplicate when an answer is lost", async () => {
    // u1: the server created it but the answer was lost (a network error after the insert).
    const server = fakeServer((id, attempt) => {
      if (id === "u2" && attempt < 3) return new HttpError(429, "Too many requests");
      if (id === "u3" && attempt === 1) return new HttpError(503, "Unavailable");
      return null;
    });
    const lossy: SendApi = {
      ...server.api,
      async create(body) {
        const task = await server.api.create(body);
        if (body.unique_id === "u1" && server.attempts.get("u1") === 1) throw new HttpError(0, "The server could not be reached.");
        return task;
      },
    };
    const sender = new BatchSender(rows(3), lossy, instant);
    const outcomes = await sender.run();
    expect(outcomes[0]).toMatchObject({ status: "existing", taskId: server.tasks.get("u1") });
    expect(outcomes[1]).toMatchObject({ status: "created" });
    expect(outcomes[2]).toMatchObject({ status: "created" });
    expect(server.tasks.size).toBe(3);
    expect(sender.progress()).toMatchObject({ created: 2, existing: 1, failed: 0, remaining: 0, retries: 4, state: "done" });
  });

  it("gives up after maxAttempts, and does not retry a 400", async () => {
    const server = fakeServer((id) => (id === "u1" ? new HttpError(500, "boom") : id === "u2" ? new HttpError(400, "attachment: is required") : null));
    const outcomes = await new BatchSender(rows(2), server.api, { maxAttempts: 3, ...instant }).run();
    expect(outcomes[0]).toMatchObject({ status: "failed", error: "HTTP 500: boom" });
    expect(server.attempts.get("u1")).toBe(3);
    expect(outcomes[1]).toMatchObject({ status: "failed", error: "HTTP 400: attachment: is required" });
    expect(server.attempts.get("u2")).toBe(1);
  });

  it("a second run of the same rows creates nothing and reports the existing tasks", async () => {
    const server = fakeServer();
    const first = await new BatchSender(rows(10), server.api, instant).run();
    const second = await new BatchSender(rows(10), server.api, instant).run();
    expect(server.tasks.size).toBe(10);
    expect(second.map((o) => o.status)).toEqual(Array(10).fill("existing"));
    expect(second.map((o) => o.taskId)).toEqual(first.map((o) => o.taskId));
  });

  it("pauses, resumes and cancels: requests in flight finish, the rest are reported as not sent", async () => {
    const server = fakeServer();
    const sender = new BatchSender(rows(40), server.api, { concurrency: 2, ...instant });
    const states: string[] = [];
    let paused = false;
    sender.onProgress((p) => {
      states.push(p.state);
      if (!paused && p.created === 5) {
        paused = true;
        sender.pause();
        setTimeout(() => {
          const during = server.tasks.size;
          // Nothing new starts while paused (at most the requests in flight settle).
          expect(during).toBeLessThanOrEqual(7);
          sender.resume();
          setTimeout(() => sender.cancel(), 5);
        }, 30);
      }
    });
    const outcomes = await sender.run();
    expect(states).toContain("paused");
    const sent = outcomes.filter((o) => o.status === "created").length;
    const notSent = outcomes.filter((o) => o.status === "not sent").length;
    expect(sent).toBe(server.tasks.size);
    expect(sent + notSent).toBe(40);
    expect(notSent).toBeGreaterThan(0);
    expect(sender.progress().state).toBe("canceled");
  });
});
