import fs from "node:fs";
import path from "node:path";
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Task, TaskList } from "../../schema";
import { startTestServer, type TestServer } from "../testing/harness";
import { validBodies } from "../testing/fixtures";
import { signInAs } from "../testing/members";
import { KEY_CACHE_TTL_MS } from "../http/key-cache";

const exec = promisify(execFile);

let upstream: TestServer;
let proxy: TestServer;

beforeAll(async () => {
  upstream = await startTestServer();
  // A second instance whose /v1 goes to the first: keys of the first work through it, and
  // signed-in members of the second use the server-side key.
  proxy = await startTestServer({ SCALE_API_URL: upstream.url, SCALE_API_KEY: upstream.liveKey });
});
afterAll(async () => {
  await proxy.stop();
  await upstream.stop();
});

describe("the /v1 proxy (SCALE_API_URL)", () => {
  it("forwards JSON and form bodies with the caller's key, unchanged", async () => {
    const viaJson = await proxy.api("/v1/task/annotation", { json: validBodies.annotation, key: upstream.testKey });
    expect(viaJson.status).toBe(200);
    const task = Task.parse(await viaJson.json());
    const direct = await upstream.api(`/v1/task/${task.task_id}`, { key: upstream.testKey });
    expect(direct.status).toBe(200);
    const viaForm = await proxy.api("/v1/task/categorization", {
      key: upstream.testKey,
      form: "callback_url=http://127.0.0.1:9/cb&instruction=Big%3F&attachment_type=text&attachment=car&categories=big&categories=small",
    });
    expect(Task.parse(await viaForm.json()).params).toMatchObject({ categories: ["big", "small"] });
  });

  it("uses the server-side key for a signed-in member, never for an anonymous request, and never reveals it", async () => {
    const before = TaskList.parse(await (await upstream.api("/v1/tasks", { key: upstream.liveKey })).json()).total;
    const anonymous = await proxy.api("/v1/task/annotation", { json: validBodies.annotation, key: null });
    expect(anonymous.status).toBe(401);
    expect((await proxy.api("/v1/tasks?limit=1", { key: null })).status).toBe(401);

    const reviewer = await signInAs(proxy, "reviewer");
    const list = await reviewer.api("/v1/tasks?limit=1");
    expect(list.status).toBe(200);
    TaskList.parse(await list.json());
    // Roles apply before anything is forwarded: a reviewer may not create.
    const refused = await reviewer.api("/v1/task/annotation", { json: validBodies.annotation });
    expect(refused.status).toBe(403);
    expect((await refused.json()).error).toContain("reviewer");
    expect(TaskList.parse(await (await upstream.api("/v1/tasks", { key: upstream.liveKey })).json()).total).toBe(before);

    const manager = await signInAs(proxy, "manager");
    const made = await manager.api("/v1/task/annotation", { json: validBodies.annotation });
    expect(made.status).toBe(200);
    const task = Task.parse(await made.json());
    expect((await upstream.api(`/v1/task/${task.task_id}`, { key: upstream.liveKey })).status).toBe(200);

    const config = await (await fetch(`${proxy.url}/console-api/config`)).json();
    expect(config).toEqual({ api: upstream.url, server_key: true, key_sign_in: true });
    expect(JSON.stringify(config)).not.toContain(upstream.liveKey);
  });

  it("signs the console in with a key the upstream accepts, as the admin; refuses one it doesn't", async () => {
    const me = await proxy.api("/console-api/me", { key: upstream.testKey });
    expect(me.status).toBe(200);
    expect(await me.json()).toMatchObject({ kind: "key", role: "admin", mode: "test" });
    expect((await proxy.api("/console-api/me", { key: "test_not_upstream_either" })).status).toBe(401);
    expect((await proxy.api("/console-api/members", { key: "live_not_upstream_either" })).status).toBe(401);
  });

  it("passes the upstream's errors through and forwards nothing outside /v1", async () => {
    const bad = await proxy.api("/v1/task/annotation", { json: {}, key: upstream.testKey });
    expect(bad.status).toBe(400);
    expect((await bad.json()).error).toContain("attachment");
    expect((await proxy.api("/v1/tasks", { key: "test_wrong" })).status).toBe(401);
    const outside = await fetch(`${proxy.url}/elsewhere/v1/tasks`, { method: "POST" });
    expect(outside.status).toBe(404);
  });

  it("answers 502 naming the upstream when it cannot be reached", async () => {
    const orphan = await startTestServer({ SCALE_API_URL: "http://127.0.0.1:9" });
    try {
      const res = await orphan.api("/v1/tasks");
      expect(res.status).toBe(502);
      expect((await res.json()).error).toContain("http://127.0.0.1:9");
    } finally {
      await orphan.stop();
    }
  });
});

describe("keys and disabled types", () => {
  it("keeps the first-run keys in an owner-only file", () => {
    const file = path.join(upstream.dataDir, "first-run-keys.json");
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(JSON.parse(fs.readFileSync(file, "utf8"))).toEqual({ test_key: upstream.testKey, live_key: upstream.liveKey });
  });

  it("issues and revokes keys with npm run keys", async () => {
    const env = { ...process.env, DATA_DIR: upstream.dataDir, ...upstream.databaseEnv };
    const cli = (...args: string[]) => exec(process.execPath, ["--import", "tsx", "src/server/cli/keys.ts", ...args], { env });
    const issued = await cli("issue", "--mode", "test");
    const key = /test_[0-9a-f]{32}/.exec(issued.stdout)?.[0];
    expect(key).toBeDefined();
    expect((await upstream.api("/v1/tasks?limit=1", { key })).status).toBe(200);
    const listing = await cli("accounts");
    expect(listing.stdout).toContain(key!.slice(0, 12));
    await cli("revoke", key!);
    // The server remembers a key that resolved for KEY_CACHE_TTL_MS (http/key-cache.ts): the
    // revocation must bite within that time, and from then on.
    const revokedAt = Date.now();
    let status = 200;
    while (status !== 401 && Date.now() - revokedAt < KEY_CACHE_TTL_MS + 1_000) {
      status = (await upstream.api("/v1/tasks?limit=1", { key })).status;
      if (status !== 401) await new Promise((r) => setTimeout(r, 100));
    }
    expect(status).toBe(401);
    expect((await upstream.api("/v1/tasks?limit=1", { key })).status).toBe(401);
    await expect(cli("revoke", key!)).rejects.toMatchObject({ stderr: expect.stringContaining("no active key") });
    // Four CLI processes, each starting tsx: on a busy machine that takes longer than one request.
  }, 90_000);

  it("answers 402 for a type the operator did not enable", async () => {
    const limited = await startTestServer({ DISABLED_TASK_TYPES: "segmentannotation" });
    try {
      const res = await limited.api("/v1/task/segmentannotation", { json: validBodies.segmentannotation });
      expect(res.status).toBe(402);
      expect(await res.json()).toMatchObject({ status_code: 402, error: "segmentannotation tasks are not enabled on this server" });
    } finally {
      await limited.stop();
    }
  });
});
