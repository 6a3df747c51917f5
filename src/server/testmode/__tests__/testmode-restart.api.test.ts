import { afterAll, describe, expect, it } from "vitest";
import { Task } from "../../../schema";
import { startTestServer, tempDataDir, type TestServer } from "../../testing/harness";
import { validBodies } from "../../testing/fixtures";
import { waitFor } from "../../testing/lifecycle";

// A test-mode task created shortly before a restart, with TEST_MODE_DELAY_MS, is not due yet when
// the new process starts: it must still be completed at its time (on SQLite, the one process
// schedules it again; on PostgreSQL, the poller claims it once its creator's lease has run out).

describe("test mode across a restart", () => {
  const servers: TestServer[] = [];
  afterAll(async () => {
    for (const s of servers) await s.stop().catch(() => undefined);
  });

  it("completes a task that was not due yet when the server stopped", async () => {
    const dataDir = tempDataDir();
    const env = { DATA_DIR: dataDir, TEST_MODE_DELAY_MS: "4000", JOB_LEASE_MS: "1000" };
    const first = await startTestServer(env);
    const res = await first.api("/v1/task/categorization", { json: { ...validBodies.categorization, attachment_type: "text", attachment: "words" } });
    expect(res.status).toBe(200);
    const id = Task.parse(await res.json()).task_id;
    await first.stop({ keepDatabase: true });

    const second = await startTestServer({ ...env, ...first.databaseEnv, SCALE_TEST_KEY: first.testKey, SCALE_LIVE_KEY: first.liveKey });
    servers.push(second);
    const before = Task.parse(await (await second.api(`/v1/task/${id}`)).json());
    expect(before.status).toBe("pending");
    const done = await waitFor(async () => {
      const t = Task.parse(await (await second.api(`/v1/task/${id}`)).json());
      return t.status === "completed" ? t : null;
    }, 30_000, "completion after the restart");
    expect(done.response).toBeDefined();
    await second.stop();
    servers.length = 0;
    await first.dropDatabase();
  }, 60_000);
});
