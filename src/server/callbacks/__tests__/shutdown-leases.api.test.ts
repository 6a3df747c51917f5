import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Task } from "../../../schema";
import { startTestServer } from "../../testing/harness";
import { waitFor } from "../../testing/lifecycle";

// Graceful stop of the callback dispatcher: a delivery answered within the grace period is
// recorded; one still hanging when it ends is cut, records nothing, and its lease is released so
// the job is due again at once (for this process's restart or any other process).

describe("dispatcher on shutdown", () => {
  let receiver: http.Server;
  let url = "";
  const seen: string[] = [];

  beforeAll(async () => {
    receiver = http.createServer((req, res) => {
      seen.push(req.url ?? "");
      const delay = req.url === "/slow" ? 1_000 : 60_000;
      const t = setTimeout(() => res.writeHead(200).end("ok"), delay);
      res.on("close", () => clearTimeout(t));
    });
    await new Promise<void>((r) => receiver.listen(0, "127.0.0.1", r));
    url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    receiver.closeAllConnections();
    await new Promise<void>((r) => receiver.close(() => r()));
  });

  const run = async (hook: string) => {
    const server = await startTestServer();
    const res = await server.api("/v1/task/categorization", {
      json: { callback_url: `${url}${hook}`, instruction: "x", attachment_type: "text", attachment: "words", categories: ["a"] },
    });
    const task = Task.parse(await res.json());
    await waitFor(() => seen.includes(hook), 10_000, "delivery in flight");
    await server.stop({ keepDatabase: true });
    // Read after the stop, on whichever store the suite runs (SQLite or PostgreSQL).
    const db = await server.openDb();
    try {
      const job = await db
        .selectFrom("callback_jobs")
        .select(["status", "attempts", "leased_until"])
        .where("task_id", "=", task.task_id)
        .executeTakeFirstOrThrow();
      const attempts = await db.selectFrom("callback_attempts").select("id").where("task_id", "=", task.task_id).execute();
      return { job, attempts: attempts.length };
    } finally {
      await db.destroy();
      await server.dropDatabase();
    }
  };

  it("records a delivery that answers within the grace period", async () => {
    const { job, attempts } = await run("/slow");
    expect(job).toMatchObject({ status: "succeeded", attempts: 1, leased_until: null });
    expect(attempts).toBe(1);
  });

  it("cuts a delivery that hangs past the grace period and releases its lease", async () => {
    const { job, attempts } = await run("/hang");
    expect(job).toEqual({ status: "pending", attempts: 0, leased_until: null });
    expect(attempts).toBe(0);
  }, 20_000);
});
