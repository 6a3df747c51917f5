import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CallbackLog, ErrorResponse, Task } from "../../../schema";
import { startTestServer, type TestServer } from "../../testing/harness";
import { startLocalServer, waitFor, type LocalServer } from "../../testing/lifecycle";

// The outbound policy seen through the API: a refused attachment puts the task in error with the
// reason, a refused callback is logged as an attempt with the reason. Only loopback is ever
// contacted: metadata and link-local addresses are refused before any connection.

const PNG_1x1 = Buffer.from("89504e470d0a1a0a0000000d4948445200000001000000010806000000", "hex");

describe("outbound safety (default policy)", () => {
  let server: TestServer;
  let local: LocalServer;

  beforeAll(async () => {
    local = await startLocalServer((req) => {
      if (req.path === "/to-metadata.png") return { status: 302, location: "http://[::ffff:169.254.169.254]/latest/meta-data/" };
      if (req.path === "/hook") return { status: 200 };
      return { status: 200, body: PNG_1x1, type: "image/png" };
    });
    server = await startTestServer({ CALLBACK_RETRY_DELAYS_MS: "100" });
  });
  afterAll(async () => {
    await server.stop();
    await local.close();
  });

  const failedTask = async (attachment: string) => {
    const res = await server.api("/v1/task/annotation", {
      key: server.liveKey,
      json: { callback_url: `${local.url}/hook`, attachment, objects_to_annotate: ["car"] },
    });
    expect(res.status).toBe(200);
    const task = Task.parse(await res.json());
    return waitFor(async () => {
      const t = Task.parse(await (await server.api(`/v1/task/${task.task_id}`, { key: server.liveKey })).json());
      return t.status === "error" ? t : null;
    }, 10_000, "error status");
  };

  it("an attachment on a metadata address puts the task in error, saying why", async () => {
    const url = "http://169.254.169.254/latest/meta-data/iam.png";
    const failed = await failedTask(url);
    const response = ErrorResponse.parse(failed.response);
    expect(response.error).toBe("One or more attachments could not be downloaded.");
    expect(response.attachments).toEqual([{ statusCode: null, url, error: "refused: 169.254.169.254 is a link-local address" }]);
    // The error callback still goes out, to the (allowed) loopback receiver.
    await waitFor(() => local.received.find((r) => r.path === "/hook" && r.body.includes(failed.task_id)), 10_000, "error callback");
  });

  it("a redirect to a refused address is refused at that hop", async () => {
    const url = `${local.url}/to-metadata.png`;
    const failed = await failedTask(url);
    expect(ErrorResponse.parse(failed.response).attachments).toEqual([
      { statusCode: null, url, error: "refused: ::ffff:a9fe:a9fe embeds 169.254.169.254: 169.254.169.254 is a link-local address" },
    ]);
    expect(local.received.filter((r) => r.path === "/to-metadata.png")).toHaveLength(1);
  });

  it("a callback to a metadata address is logged as a refused attempt and not retried", async () => {
    const res = await server.api("/v1/task/categorization", {
      json: { callback_url: "http://169.254.169.254/hook", instruction: "x", attachment_type: "text", attachment: "words", categories: ["a"] },
    });
    const task = Task.parse(await res.json());
    const log = await waitFor(async () => {
      const l = CallbackLog.parse(await (await server.api(`/v1/task/${task.task_id}/callbacks`)).json());
      return l.attempts.length > 0 && !l.pending ? l : null;
    }, 10_000, "refused attempt");
    expect(log.attempts).toHaveLength(1);
    expect(log.attempts[0]).toMatchObject({ succeeded: false, status_code: null, error: "refused: 169.254.169.254 is a link-local address" });
    expect(Task.parse(await (await server.api(`/v1/task/${task.task_id}`)).json()).callback_succeeded).toBe(false);
  });
});

describe("outbound safety with OUTBOUND_PRIVATE=deny", () => {
  let local: LocalServer;
  let server: TestServer;
  let own: TestServer;

  beforeAll(async () => {
    local = await startLocalServer(() => ({ status: 200, body: PNG_1x1, type: "image/png" }));
    server = await startTestServer({ OUTBOUND_PRIVATE: "deny", CALLBACK_RETRY_DELAYS_MS: "100" });
    // A server whose PUBLIC_URL is the receiver's origin: calling "itself" stays allowed.
    own = await startTestServer({ OUTBOUND_PRIVATE: "deny", PUBLIC_URL: local.url.replace("127.0.0.1", "localhost"), CALLBACK_RETRY_DELAYS_MS: "100" });
  });
  afterAll(async () => {
    await server.stop();
    await own.stop();
    await local.close();
  });

  it("refuses a name that resolves to loopback, for attachments and callbacks", async () => {
    const attachment = local.url.replace("127.0.0.1", "localhost") + "/img.png";
    const res = await server.api("/v1/task/annotation", { key: server.liveKey, json: { callback_url: `${local.url}/hook`, attachment, objects_to_annotate: ["car"] } });
    const task = Task.parse(await res.json());
    const failed = await waitFor(async () => {
      const t = Task.parse(await (await server.api(`/v1/task/${task.task_id}`, { key: server.liveKey })).json());
      return t.status === "error" ? t : null;
    }, 10_000, "error status");
    const [entry] = ErrorResponse.parse(failed.response).attachments ?? [];
    expect(entry.error).toMatch(/^refused: localhost resolves to (127\.0\.0\.1|::1) is a loopback address \(OUTBOUND_PRIVATE=deny\)$/);
    const log = await waitFor(async () => {
      const l = CallbackLog.parse(await (await server.api(`/v1/task/${task.task_id}/callbacks`, { key: server.liveKey })).json());
      return l.attempts.length > 0 && !l.pending ? l : null;
    }, 10_000, "refused callback");
    expect(log.attempts[0].error).toBe("refused: 127.0.0.1 is a loopback address (OUTBOUND_PRIVATE=deny)");
    expect(local.received).toHaveLength(0);
  });

  it("still calls the server's own PUBLIC_URL", async () => {
    const hook = `${local.url.replace("127.0.0.1", "localhost")}/hook`;
    const res = await own.api("/v1/task/categorization", {
      json: { callback_url: hook, instruction: "x", attachment_type: "text", attachment: "words", categories: ["a"] },
    });
    const task = Task.parse(await res.json());
    const log = await waitFor(async () => {
      const l = CallbackLog.parse(await (await own.api(`/v1/task/${task.task_id}/callbacks`)).json());
      return l.attempts.some((a) => a.succeeded) ? l : null;
    }, 10_000, "delivered callback");
    expect(log.attempts[0]).toMatchObject({ succeeded: true, status_code: 200 });
  });
});
