import { PNG } from "pngjs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CallbackBody, CallbackLog, ErrorResponse, Task } from "../../../schema";
import { startTestServer, type TestServer } from "../../testing/harness";
import { startLocalServer, waitFor, type LocalServer } from "../../testing/lifecycle";

// Live-mode attachment checks against a loopback server: 404 and 500 put the task in error with
// the docs' response and an error callback; a 200 image has its size recorded.

function png(width: number, height: number): Buffer {
  const p = new PNG({ width, height });
  p.data.fill(128);
  return PNG.sync.write(p);
}

describe("attachment checks (live mode)", () => {
  let server: TestServer;
  let files: LocalServer;
  const image = png(64, 48);

  beforeAll(async () => {
    files = await startLocalServer((req) => {
      if (req.path === "/missing.png") return { status: 404 };
      if (req.path === "/broken.png") return { status: 500 };
      if (req.path === "/hook") return { status: 200 };
      return { status: 200, body: image, type: "image/png" };
    });
    server = await startTestServer({ CALLBACK_RETRY_DELAYS_MS: "100" });
  });
  afterAll(async () => {
    await server.stop();
    await files.close();
  });

  const createLive = async (type: string, body: Record<string, unknown>) => {
    const res = await server.api(`/v1/task/${type}`, { key: server.liveKey, json: { callback_url: `${files.url}/hook`, ...body } });
    expect(res.status).toBe(200);
    return Task.parse(await res.json());
  };
  const getLive = async (id: string) => Task.parse(await (await server.api(`/v1/task/${id}`, { key: server.liveKey })).json());

  for (const [name, status] of [["missing.png", 404], ["broken.png", 500]] as const) {
    it(`an attachment answering ${status} puts the task in error and sends the error callback`, async () => {
      const url = `${files.url}/${name}`;
      const task = await createLive("annotation", { attachment: url, objects_to_annotate: ["car"] });
      expect(task.status).toBe("pending");
      const failed = await waitFor(async () => {
        const t = await getLive(task.task_id);
        return t.status === "error" ? t : null;
      }, 10_000, "error status");
      expect(ErrorResponse.parse(failed.response)).toEqual({
        error: "One or more attachments could not be downloaded.",
        attachments: [{ statusCode: status, url }],
      });
      const hook = await waitFor(() => files.received.find((r) => r.path === "/hook" && r.body.includes(task.task_id)), 10_000, "error callback");
      const body = CallbackBody.parse(JSON.parse(hook.body));
      expect(body.status).toBe("error");
      expect(body.response).toEqual(failed.response);
      const log = await waitFor(async () => {
        const l = CallbackLog.parse(await (await server.api(`/v1/task/${task.task_id}/callbacks`, { key: server.liveKey })).json());
        return l.attempts.length > 0 ? l : null;
      });
      expect(log.attempts[0].succeeded).toBe(true);
    });
  }

  it("lists every bad attachment of a comparison, and keeps good ones out of the error", async () => {
    const good = `${files.url}/fine.png`;
    const bad = `${files.url}/missing.png`;
    const task = await createLive("comparison", { instruction: "Which?", attachment_type: "image", attachments: [good, bad], choices: ["a", "b"] });
    const failed = await waitFor(async () => {
      const t = await getLive(task.task_id);
      return t.status === "error" ? t : null;
    }, 10_000, "error status");
    expect(failed.response).toEqual({ error: "One or more attachments could not be downloaded.", attachments: [{ statusCode: 404, url: bad }] });
  });

  it("a 200 image stays pending with its size recorded (a box outside it is refused)", async () => {
    const url = `${files.url}/fine.png?size`;
    const task = await createLive("annotation", { attachment: url, objects_to_annotate: ["car"] });
    await waitFor(() => files.received.some((r) => r.path === "/fine.png?size"), 10_000, "fetch");
    await new Promise((r) => setTimeout(r, 200));
    expect((await getLive(task.task_id)).status).toBe("pending");
    const outside = await server.api(`/v1/task/${task.task_id}/complete`, {
      key: server.liveKey,
      json: { response: { annotations: [{ left: 40, top: 10, width: 30, height: 10 }] } },
    });
    expect(outside.status).toBe(400);
    expect((await outside.json()).error).toBe("response.annotations[0]: lies outside the 64x48 image");
    const inside = await server.api(`/v1/task/${task.task_id}/complete`, {
      key: server.liveKey,
      json: { response: { annotations: [{ left: 30, top: 10, width: 30, height: 10 }] } },
    });
    expect(inside.status).toBe(200);
    expect(Task.parse(await inside.json()).status).toBe("completed");
  });

  it("text attachments are never fetched; test mode only reads an image's size and completes without it", async () => {
    const before = files.received.filter((r) => r.path !== "/hook").length;
    const res = await server.api("/v1/task/annotation", { json: { callback_url: `${files.url}/hook`, attachment: `${files.url}/missing.png`, objects_to_annotate: ["car"] } });
    const task = Task.parse(await res.json());
    const t = Task.parse(await (await server.api(`/v1/task/${task.task_id}`)).json());
    expect(t.status).toBe("completed");
    await createLive("categorization", { instruction: "x", attachment_type: "text", attachment: "plain words", categories: ["a"] });
    await new Promise((r) => setTimeout(r, 300));
    // One quick size read for the test task (it answered 404: the default size is used), none for text.
    expect(files.received.filter((r) => r.path !== "/hook").slice(before).map((r) => r.path)).toEqual(["/missing.png"]);
  });
});
