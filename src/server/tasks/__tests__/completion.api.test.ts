import fs from "node:fs";
import { PNG } from "pngjs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SegmentannotationResponse, Task, UploadedFile } from "../../../schema";
import { startTestServer, type TestServer } from "../../testing/harness";
import { repoPath } from "../../testing/repo-root";

// Completing tasks: test mode without a human (instantly by default, masks as real files), live
// mode through POST /v1/task/:id/complete; and uploads that the workbench points tasks at.

const SAMPLE = repoPath("public", "sample-images", "chelsea.png");

describe("completing tasks", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.stop());

  const upload = async () => {
    const res = await server.api("/v1/files", { method: "POST", body: fs.readFileSync(SAMPLE), headers: { "content-type": "image/png" } });
    expect(res.status).toBe(201);
    return UploadedFile.parse(await res.json());
  };

  it("uploads an image, sniffs its type and serves it under /files", async () => {
    const file = await upload();
    expect(file).toMatchObject({ content_type: "image/png", width: 451, height: 300 });
    expect(file.url.startsWith(server.url.replace("127.0.0.1", "localhost") + "/files/uploads/")).toBe(true);
    const served = await fetch(file.url);
    expect(served.status).toBe(200);
    expect(Buffer.from(await served.arrayBuffer()).equals(fs.readFileSync(SAMPLE))).toBe(true);
    const notImage = await server.api("/v1/files", { method: "POST", body: "<html>", headers: { "content-type": "image/png" } });
    expect(notImage.status).toBe(400);
    expect((await notImage.json()).error).toMatch(/only PNG, JPEG, GIF and WebP/);
  });

  it("test mode: create answers pending, the next request sees completed", async () => {
    const res = await server.api("/v1/task/annotation", {
      json: { callback_url: "https://hooks.invalid/x", attachment: "https://example.com/a.png", objects_to_annotate: ["car", "person"], with_labels: true },
    });
    const created = Task.parse(await res.json());
    expect(created.status).toBe("pending");
    const now = Task.parse(await (await server.api(`/v1/task/${created.task_id}`)).json());
    expect(now.status).toBe("completed");
    expect(now.completed_at).toBeDefined();
    // Not hosted here: drawn on the default 1024x768 canvas.
    for (const a of (now.response as { annotations: { left: number; width: number; label: string }[] }).annotations) {
      expect(a.left + a.width).toBeLessThanOrEqual(1024);
      expect(["car", "person"]).toContain(a.label);
    }
  });

  it("test mode segmentation writes real PNG masks of the hosted image's size", async () => {
    const file = await upload();
    const res = await server.api("/v1/task/segmentannotation", {
      json: { callback_url: "https://hooks.invalid/x", attachment: file.url, labels: ["sky", "ground"], instance_labels: ["cat"] },
    });
    const id = Task.parse(await res.json()).task_id;
    const task = Task.parse(await (await server.api(`/v1/task/${id}`)).json());
    const response = SegmentannotationResponse.parse(task.response);
    const indexed = PNG.sync.read(Buffer.from(await (await fetch(response.annotations.combined.indexedImage)).arrayBuffer()));
    expect([indexed.width, indexed.height]).toEqual([451, 300]);
    const used = new Set<number>();
    for (let i = 0; i < indexed.data.length; i += 4) used.add(indexed.data[i]);
    const mapped = new Set(Object.values(response.labelMapping).flatMap((e) => (Array.isArray(e) ? e : [e])).map((e) => e.index));
    for (const v of used) expect(mapped.has(v)).toBe(true);
    expect(Array.isArray(response.annotations.labeled.cat)).toBe(true);
    const mask = await fetch(response.annotations.labeled.sky as string);
    expect(mask.status).toBe(200);
    await mask.arrayBuffer();
  });

  it("live mode: complete validates against the params, and only once", async () => {
    const res = await server.api("/v1/task/annotation", {
      key: server.liveKey,
      json: { callback_url: "https://hooks.invalid/x", attachment: (await upload()).url, objects_to_annotate: [{ choice: "vehicle", subchoices: ["car", "bike"] }], with_labels: true },
    });
    const task = Task.parse(await res.json());
    const complete = (response: unknown) => server.api(`/v1/task/${task.task_id}/complete`, { key: server.liveKey, json: { response } });
    const box = { left: 10, top: 10, width: 20, height: 20 };
    const bad = await complete({ annotations: [{ ...box, label: "car" }, { ...box, label: "car" }, { ...box, label: "bike" }, { ...box, label: "vehicle" }] });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toEqual({ status_code: 400, error: 'response.annotations[3].label: "vehicle" is not a leaf of objects_to_annotate' });
    expect((await complete("nope")).status).toBe(400);
    const ok = await complete({ annotations: [{ ...box, label: "bike" }] });
    expect(ok.status).toBe(200);
    const done = Task.parse(await ok.json());
    expect(done.status).toBe("completed");
    expect(done.response).toEqual({ annotations: [{ ...box, label: "bike" }] });
    const again = await complete({ annotations: [] });
    expect(again.status).toBe(409);
    expect((await again.json()).error).toMatch(/already completed; only pending tasks can be completed/);
  });

  it("a canceled task can't be completed", async () => {
    const res = await server.api("/v1/task/categorization", {
      key: server.liveKey,
      json: { callback_url: "https://hooks.invalid/x", instruction: "?", attachment_type: "text", attachment: "x", categories: ["a"] },
    });
    const task = Task.parse(await res.json());
    await server.api(`/v1/task/${task.task_id}/cancel`, { method: "POST", key: server.liveKey });
    const r = await server.api(`/v1/task/${task.task_id}/complete`, { key: server.liveKey, json: { response: { category: "a" } } });
    expect(r.status).toBe(409);
  });
});

describe("TEST_MODE_DELAY_MS", () => {
  it("delays test-mode completion", async () => {
    const server = await startTestServer({ TEST_MODE_DELAY_MS: "400" });
    try {
      const res = await server.api("/v1/task/categorization", {
        json: { callback_url: "https://hooks.invalid/x", instruction: "?", attachment_type: "text", attachment: "x", categories: ["a"] },
      });
      const id = Task.parse(await res.json()).task_id;
      expect(Task.parse(await (await server.api(`/v1/task/${id}`)).json()).status).toBe("pending");
      await new Promise((r) => setTimeout(r, 700));
      expect(Task.parse(await (await server.api(`/v1/task/${id}`)).json()).status).toBe("completed");
    } finally {
      await server.stop();
    }
  });
});
