import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CallbackLog, Task } from "../../../schema";
import { startTestServer, type TestServer } from "../../testing/harness";
import { waitFor } from "../../testing/lifecycle";

// A receiver that never answers: the delivery is cut at the request timeout (a third of
// JOB_LEASE_MS, so a live lease is never stolen mid-POST) and recorded as a failed attempt that
// says so, then retried on the schedule. For a test-mode task (delivered by its creating process)
// and a live one (delivered from a claim).

describe("a callback whose receiver never answers", () => {
  let server: TestServer;
  let hanging: http.Server;
  let url = "";
  beforeAll(async () => {
    hanging = http.createServer((req) => req.resume());
    await new Promise<void>((r) => hanging.listen(0, "127.0.0.1", r));
    url = `http://127.0.0.1:${(hanging.address() as AddressInfo).port}/hook`;
    server = await startTestServer({ JOB_LEASE_MS: "1500", CALLBACK_RETRY_DELAYS_MS: "60000" });
  });
  afterAll(async () => {
    await server.stop();
    hanging.closeAllConnections();
    await new Promise<void>((r) => hanging.close(() => r()));
  });

  const body = { callback_url: "", instruction: "Pick", attachment_type: "text", attachment: "x", categories: ["a", "b"] };

  it("is recorded as a timed-out attempt, still pending a retry", async () => {
    const test = Task.parse(await (await server.api("/v1/task/categorization", { json: { ...body, callback_url: url } })).json());
    const live = Task.parse(await (await server.api("/v1/task/categorization", { key: server.liveKey, json: { ...body, callback_url: url } })).json());
    // The live task is completed by a person; its callback goes through the claim loop.
    expect((await server.api(`/v1/task/${live.task_id}/complete`, { key: server.liveKey, json: { response: { category: "a" } } })).status).toBe(200);
    for (const [id, key] of [
      [test.task_id, server.testKey],
      [live.task_id, server.liveKey],
    ]) {
      const log = await waitFor(async () => {
        const l = CallbackLog.parse(await (await server.api(`/v1/task/${id}/callbacks`, { key })).json());
        return l.attempts.length > 0 ? l : null;
      }, 10_000, `the first attempt of ${id}`);
      expect(log.attempts).toHaveLength(1);
      expect(log.attempts[0]).toMatchObject({ succeeded: false, status_code: null, error: "timed out after 500 ms" });
      expect(log.pending).toBe(true);
    }
  });
});
