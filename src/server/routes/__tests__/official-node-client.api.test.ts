import fs from "node:fs";
import { createRequire } from "node:module";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "../../testing/harness";
import { CALLBACK } from "../../testing/fixtures";

// The official Node client (npm `scaleapi`), unmodified but for its base URL, against this server.
// It hard-codes its endpoint in a module variable, so we load its source with that one string
// changed: the same change a user makes (see README, "Official clients").

interface ScaleTask { id: string; task_id: string; status: string; params: Record<string, unknown>; cancel(cb: Callback<ScaleTask>): void }
type Callback<T> = (err: { message: string; errcode: number } | null, value: T) => void;
interface ScaleClient {
  createAnnotationTask(params: Record<string, unknown>, cb: Callback<ScaleTask>): void;
  createCategorizationTask(params: Record<string, unknown>, cb: Callback<ScaleTask>): void;
  fetchTask(id: string, cb: Callback<ScaleTask>): void;
  cancelTask(id: string, cb: Callback<ScaleTask>): void;
  tasks(params: Record<string, unknown>, cb: Callback<{ docs: ScaleTask[]; total: number; has_more: boolean }>): void;
}

let server: TestServer;
let scaleapi: { ScaleClient: (key: string) => ScaleClient };

function call<T>(run: (cb: Callback<T>) => void): Promise<T> {
  return new Promise((resolve, reject) => run((err, value) => (err ? reject(err) : resolve(value))));
}

beforeAll(async () => {
  server = await startTestServer();
  const require = createRequire(import.meta.url);
  const file = require.resolve("scaleapi");
  const source = fs.readFileSync(file, "utf8");
  expect(source).toContain("https://api.scaleapi.com/v1/");
  const patched = source.replace("https://api.scaleapi.com/v1/", `${server.url}/v1/`);
  const module = { exports: {} as typeof scaleapi };
  new Function("require", "module", "exports", patched)(createRequire(file), module, module.exports);
  scaleapi = module.exports;
});
afterAll(async () => server.stop());

describe("the official Node client", () => {
  it("creates, fetches and lists tasks with the docs' own parameters", async () => {
    const client = scaleapi.ScaleClient(server.testKey);
    const task = await call<ScaleTask>((cb) =>
      client.createAnnotationTask(
        {
          callback_url: CALLBACK,
          instruction: "Draw a box around each **car** and **pedestrian**",
          attachment_type: "image",
          attachment: "http://i.imgur.com/XOJbalC.jpg",
          objects_to_annotate: ["car", "pedestrian"],
          with_labels: true,
          min_width: "30",
          min_height: "30",
        },
        cb,
      ),
    );
    expect(task.id).toMatch(/^[0-9a-f]{24}$/);
    expect(task.params).toMatchObject({ min_width: 30, min_height: 30, with_labels: true });
    const fetched = await call<ScaleTask>((cb) => client.fetchTask(task.id, cb));
    expect(fetched.task_id).toBe(task.id);
    const list = await call<{ docs: ScaleTask[]; total: number; has_more: boolean }>((cb) => client.tasks({ limit: 10 }, cb));
    expect(list.docs[0].task_id).toBe(task.id);
    expect(list.has_more).toBe(false);
  });

  it("cancels a pending live task and reports errors with the server's message and code", async () => {
    const client = scaleapi.ScaleClient(server.liveKey);
    const task = await call<ScaleTask>((cb) =>
      client.createCategorizationTask(
        { callback_url: CALLBACK, instruction: "Big or small?", attachment_type: "text", attachment: "car", categories: ["big", "small"] },
        cb,
      ),
    );
    const canceled = await call<ScaleTask>((cb) => client.cancelTask(task.id, cb));
    expect(canceled.status).toBe("canceled");
    const err = await call<ScaleTask>((cb) => client.createCategorizationTask({ callback_url: CALLBACK, attachment_type: "text" }, cb)).catch((e: unknown) => e);
    expect(err).toMatchObject({ errcode: 400 });
    expect((err as { message: string }).message).toContain("attachment");
    const unauthorized = await call<ScaleTask>((cb) => scaleapi.ScaleClient("live_nope").fetchTask(task.id, cb)).catch((e: unknown) => e);
    expect(unauthorized).toMatchObject({ errcode: 401 });
  });
});
