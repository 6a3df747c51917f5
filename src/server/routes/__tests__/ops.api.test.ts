import { PassThrough } from "node:stream";
import { Validator } from "@seriousme/openapi-schema-validator";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../config";
import { startServer } from "../../main";
import { startTestServer, tempDataDir, type TestServer } from "../../testing/harness";
import { validBodies } from "../../testing/fixtures";
import { openApiDocument, trackedRoutes } from "../openapi";

// Operations over HTTP: health probes, Prometheus metrics (never open on the public port), the
// JSON request log (one line per request, no key in it), and the OpenAPI document.

const basic = (key: string) => "Basic " + Buffer.from(`${key}:`).toString("base64");

describe("health probes", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.stop());

  it("/healthz and /readyz answer without a key", async () => {
    const health = await fetch(`${server.url}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: "ok" });
    const ready = await fetch(`${server.url}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({ status: "ready" });
  });
});

describe("metrics", () => {
  it("are not served on the public port unless METRICS_TOKEN is set", async () => {
    const server = await startTestServer();
    try {
      expect((await fetch(`${server.url}/metrics`)).status).toBe(404);
    } finally {
      await server.stop();
    }
  });

  it("behind METRICS_TOKEN: route patterns, statuses, task and process metrics", async () => {
    const server = await startTestServer({ METRICS_TOKEN: "s3cret-token" });
    try {
      expect((await fetch(`${server.url}/metrics`)).status).toBe(401);
      expect((await fetch(`${server.url}/metrics`, { headers: { authorization: "Bearer wrong" } })).status).toBe(401);
      const created = await server.api("/v1/task/categorization", { json: validBodies.categorization });
      const createdBody = (await created.json()) as { task_id: string };
      expect(created.status, JSON.stringify(createdBody)).toBe(200);
      const { task_id } = createdBody;
      expect((await server.api(`/v1/task/${task_id}`)).status).toBe(200);
      expect((await server.api(`/v1/task/${"0".repeat(24)}`)).status).toBe(404);
      const res = await fetch(`${server.url}/metrics`, { headers: { authorization: "Bearer s3cret-token" } });
      expect(res.status).toBe(200);
      const text = await res.text();
      expect(text).toMatch(/http_requests_total\{method="GET",route="\/v1\/task\/:id",status_code="200"\} 1/);
      expect(text).toMatch(/http_requests_total\{method="GET",route="\/v1\/task\/:id",status_code="404"\} 1/);
      expect(text).toMatch(/http_request_duration_seconds_bucket\{le="\+Inf",method="POST",route="\/v1\/task\/:type",status_code="200"\} 1/);
      // Raw ids never become labels.
      expect(text).not.toContain(task_id);
      expect(text).toMatch(/scale_tasks_created_total\{type="categorization",mode="test"\} 1/);
      expect(text).toMatch(/scale_tasks_finished_total\{type="categorization",mode="test",status="completed"\} 1/);
      // The callback (to a closed loopback port) waits for its retry.
      expect(text).toMatch(/scale_callback_queue_depth [01]\n/);
      expect(text).toMatch(/process_cpu_user_seconds_total/);
      expect(text).toMatch(/nodejs_eventloop_lag_seconds/);
    } finally {
      await server.stop();
    }
  });

  it("METRICS_PORT serves them on a separate listener on 127.0.0.1", async () => {
    const dataDir = tempDataDir();
    const config = loadConfig({ PORT: "0", HOST: "127.0.0.1", DATA_DIR: dataDir, DEMO_DATA: "0", METRICS_PORT: "0", DIST_DIR: `${dataDir}/none` });
    const server = await startServer(config, { quiet: true });
    try {
      expect(server.metricsPort).toBeGreaterThan(0);
      expect((await fetch(`http://127.0.0.1:${server.port}/metrics`)).status).toBe(404);
      const res = await fetch(`http://127.0.0.1:${server.metricsPort}/metrics`);
      expect(res.status).toBe(200);
      expect(await res.text()).toContain("scale_callback_attempts_total");
    } finally {
      await server.stop();
    }
  });
});

describe("request log", () => {
  it("writes one JSON line per request with its id, and never a key", async () => {
    const dataDir = tempDataDir();
    const key = "live_secretkeymustnotleak0123";
    const lines: string[] = [];
    const stream = new PassThrough();
    stream.on("data", (chunk: Buffer) => lines.push(...chunk.toString("utf8").split("\n").filter(Boolean)));
    const config = loadConfig({
      PORT: "0",
      HOST: "127.0.0.1",
      DATA_DIR: dataDir,
      DEMO_DATA: "0",
      DIST_DIR: `${dataDir}/none`,
      SCALE_LIVE_KEY: key,
      SCALE_CALLBACK_AUTH_KEY: "cbauth-secret-xyz",
      LOG_LEVEL: "info",
    });
    const server = await startServer(config, { quiet: true, logStream: stream });
    const base = `http://127.0.0.1:${server.port}`;
    try {
      const res = await fetch(`${base}/v1/tasks?limit=5&key=${key}`, { headers: { authorization: basic(key), cookie: `session=${key}`, "x-request-id": "trace-123" } });
      expect(res.status).toBe(200);
      expect(res.headers.get("x-request-id")).toBe("trace-123");
      const account = await fetch(`${base}/v1/account`, { headers: { authorization: basic(key) } });
      expect(((await account.json()) as { callback_auth_key: string }).callback_auth_key).toBe("cbauth-secret-xyz");
      const bad = await fetch(`${base}/v1/tasks`, { headers: { authorization: basic("live_wrongkey999") } });
      expect(bad.status).toBe(401);
      const generated = bad.headers.get("x-request-id");
      expect(generated).toMatch(/^[0-9a-f-]{36}$/);
    } finally {
      await server.stop();
    }
    const requests = lines.map((l) => JSON.parse(l) as Record<string, unknown>).filter((l) => l.msg === "request");
    expect(requests).toHaveLength(3);
    expect(requests[0]).toMatchObject({ reqId: "trace-123", method: "GET", route: "/v1/tasks", status: 200 });
    expect(requests[0].url).toBe("/v1/tasks?limit=5&key=%5Bredacted%5D");
    expect(typeof requests[0].ms).toBe("number");
    const all = lines.join("\n");
    expect(all).not.toContain(key);
    expect(all).not.toContain("cbauth-secret-xyz");
    expect(all).not.toContain("live_wrongkey999");
    expect(all).not.toContain(Buffer.from(`${key}:`).toString("base64"));
  });
});

describe("OpenAPI description", () => {
  let server: Awaited<ReturnType<typeof startServer>>;
  beforeAll(async () => {
    const dataDir = tempDataDir();
    server = await startServer(loadConfig({ PORT: "0", HOST: "127.0.0.1", DATA_DIR: dataDir, DEMO_DATA: "0", DIST_DIR: `${dataDir}/none` }), { quiet: true });
  });
  afterAll(() => server.stop());

  it("is served at /v1/openapi.json without a key and is a valid OpenAPI 3.1 document", async () => {
    const res = await fetch(`http://127.0.0.1:${server.port}/v1/openapi.json`);
    expect(res.status).toBe(200);
    const doc = (await res.json()) as { openapi: string; paths: Record<string, unknown> };
    expect(doc.openapi).toBe("3.1.0");
    const result = await new Validator().validate(doc as Parameters<Validator["validate"]>[0]);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
  });

  it("describes every /v1 route the server has, and nothing it lacks", () => {
    const doc = openApiDocument() as { paths: Record<string, Record<string, unknown>> };
    const documented = new Set(Object.entries(doc.paths).flatMap(([p, methods]) => Object.keys(methods).map((m) => `${m} ${p}`)));
    const served = new Set(
      trackedRoutes(server.app)
        .filter((r) => r.url.startsWith("/v1/") && r.method !== "head" && r.url !== "/v1/openapi.json")
        .flatMap((r) => {
          const path = r.url.replace(/:(\w+)/g, "{$1}");
          // One route serves every type: the document has one path per type instead.
          if (path === "/v1/task/{type}") return (["annotation", "categorization"] as const).map((t) => `${r.method} /v1/task/${t}`);
          return [`${r.method} ${path}`];
        }),
    );
    for (const route of served) expect(documented, route).toContain(route);
    for (const entry of documented) {
      const [method, path] = entry.split(" ");
      const fastifyPath = path.replace(/\{(\w+)\}/g, ":$1");
      const viaType = /^\/v1\/task\/[a-z]+$/.test(path) && method === "post";
      expect(viaType || server.app.hasRoute({ method: method.toUpperCase() as "GET", url: fastifyPath }), entry).toBe(true);
    }
  });

  it("carries the task type's params and the docs' error body", () => {
    const doc = openApiDocument() as { paths: Record<string, Record<string, { requestBody?: unknown; responses: Record<string, unknown> }>> };
    const create = JSON.stringify(doc.paths["/v1/task/annotation"].post.requestBody);
    expect(create).toContain("objects_to_annotate");
    expect(create).toContain("callback_url");
    expect(JSON.stringify(doc.paths["/v1/tasks"].get)).toContain("start_time");
    expect(doc.paths["/v1/task/{id}"].get.responses["404"]).toBeDefined();
  });
});
