import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CallbackLog, TaskList, type Task } from "../../../schema";
import { loadConfig } from "../../config";
import { startTestServer, type TestServer } from "../../testing/harness";
import { imageInfo } from "../../attachments/image-size";
import { validateResponse } from "../../tasks/validate-response";
import { waitFor } from "../../testing/lifecycle";
import { everyDemoComment } from "../answers";
import { createRng } from "../../testmode/rng";

// Demo data is the first thing a new user sees, so it must not contradict itself: live answers
// read like a person's, labels match the instruction, geometry lies on the photo, an audit
// comment fits its task's type, and delivery logs follow the real retry schedule.

const DELAYS = loadConfig({}).callbackRetryDelaysMs;

/** Words a reviewer's comment may only use for the types that draw such things. */
const WORDS_BY_TYPE: [RegExp, string[]][] = [
  [/\b(box|boxed|boxes)\b|\bpx\b/i, ["annotation", "cuboidannotation"]],
  [/\b(eye|nose|ear)s?\b/i, ["pointannotation"]],
  [/\b(horizon|tripod|line)\b/i, ["lineannotation"]],
  [/\b(outline|vertices|polygon)\b/i, ["polygonannotation"]],
  [/\b(cuboid|side face)\b/i, ["cuboidannotation"]],
  [/\b(mask|pixels)\b/i, ["segmentannotation"]],
  [/\b(tone|tones|verbatim|silence|transcript)\b/i, ["audiotranscription"]],
];

describe("demo data is plausible for its type and mode", () => {
  let server: TestServer;
  const live: Task[] = [];
  const test: Task[] = [];
  const sizes = new Map<string, { width: number; height: number }>();
  const masks = new Map<string, Buffer>();

  async function all(key: string, into: Task[]) {
    for (let offset = 0; ; offset += 100) {
      const page = TaskList.parse(await (await server.api(`/v1/tasks?limit=100&offset=${offset}`, { key })).json());
      into.push(...page.docs);
      if (!page.has_more) return;
    }
  }

  beforeAll(async () => {
    server = await startTestServer({ DEMO_DATA: "1" });
    await waitFor(async () => TaskList.parse(await (await server.api("/v1/tasks?limit=1", { key: server.liveKey })).json()).total > 0, 45_000, "demo seed");
    await all(server.liveKey, live);
    await all(server.testKey, test);
    for (const t of live) {
      const url = t.params.attachment;
      if (typeof url !== "string" || t.params.attachment_type !== "image" || sizes.has(url)) continue;
      const res = await fetch(url.replace("//localhost:", "//127.0.0.1:"));
      const info = res.ok ? imageInfo(new Uint8Array(await res.arrayBuffer())) : null;
      if (info?.width && info.height) sizes.set(url, { width: info.width, height: info.height });
    }
    // Mask files as the server serves them, so their pixels are checked against the mapping.
    for (const t of live.filter((x) => x.type === "segmentannotation" && x.status === "completed")) {
      const { combined, labeled } = (t.response as { annotations: { combined: Record<string, string>; labeled: Record<string, string | string[]> } }).annotations;
      for (const url of [...Object.values(combined), ...Object.values(labeled).flat()]) {
        masks.set(url, Buffer.from(await (await fetch(url.replace("//localhost:", "//127.0.0.1:"))).arrayBuffer()));
      }
    }
  }, 90_000);
  afterAll(() => server.stop());

  it("has live answers that a person wrote, valid and on the photo", () => {
    const completed = live.filter((t) => t.status === "completed");
    expect(completed.length).toBeGreaterThan(30);
    for (const t of completed) {
      expect(JSON.stringify(t.response), `${t.type} ${t.task_id}`).not.toMatch(/test mode/i);
      const canvas = typeof t.params.attachment === "string" ? (sizes.get(t.params.attachment) ?? null) : null;
      if (t.params.attachment_type === "image" && typeof t.params.attachment === "string") expect(canvas, t.params.attachment).not.toBeNull();
      const result = validateResponse(t.type, t.params, t.response, { canvas, readMask: (url) => masks.get(url) ?? null });
      expect(result.ok ? [] : result.errors, `${t.type} ${t.task_id}`).toEqual([]);
    }
  });

  it("labels points as the instruction asks: two eyes, one nose, at most two ears", () => {
    const points = live.filter((t) => t.type === "pointannotation" && t.status === "completed");
    expect(points.length).toBeGreaterThan(0);
    for (const t of points) {
      const labels = (t.response as { annotations: { label: string }[] }).annotations.map((a) => a.label);
      for (const label of new Set(labels)) expect(t.instruction.toLowerCase()).toContain(`**${label}**`);
      const count = (l: string) => labels.filter((x) => x === l).length;
      expect(count("eye")).toBe(2);
      expect(count("nose")).toBe(1);
      expect(count("ear")).toBeLessThanOrEqual(2);
    }
  });

  it("gives every audit a comment that fits its task's type, rejections included", () => {
    const audited = live.filter((t) => t.audit);
    expect(audited.some((t) => t.audit!.accepted)).toBe(true);
    expect(audited.some((t) => !t.audit!.accepted)).toBe(true);
    for (const t of audited) {
      const comment = t.audit!.comments;
      if (!t.audit!.accepted) expect(comment.length, t.task_id).toBeGreaterThan(10);
      for (const [words, types] of WORDS_BY_TYPE) {
        if (words.test(comment)) expect(types, `"${comment}" on a ${t.type} task`).toContain(t.type);
      }
    }
  });

  it("has no comment in the demo's catalog that names another type's things", () => {
    const all = everyDemoComment(createRng("comments"));
    expect(all.length).toBeGreaterThan(15);
    for (const { type, comment } of all) {
      for (const [words, types] of WORDS_BY_TYPE) if (words.test(comment)) expect(types, `"${comment}" for ${type}`).toContain(type);
    }
  });

  it("writes delivery logs that follow the retry schedule and never lie in the future", async () => {
    const finished = live.filter((t) => t.status === "completed" || t.status === "error");
    let retried = 0;
    for (const t of finished) {
      const log = CallbackLog.parse(await (await server.api(`/v1/task/${t.task_id}/callbacks`, { key: server.liveKey })).json());
      const at = log.attempts.map((a) => Date.parse(a.at));
      expect(at.length, t.task_id).toBeGreaterThan(0);
      expect(at[0]).toBeGreaterThanOrEqual(Date.parse(t.completed_at!));
      expect(at[at.length - 1]).toBeLessThanOrEqual(Date.now());
      for (let n = 1; n < at.length; n++) {
        const gap = at[n] - at[n - 1];
        expect(gap, `${t.task_id} attempt ${n + 1}`).toBeGreaterThanOrEqual(DELAYS[n - 1]);
        expect(gap, `${t.task_id} attempt ${n + 1}`).toBeLessThanOrEqual(DELAYS[n - 1] + 11_000);
      }
      if (at.length > 1) retried++;
      const ok = log.attempts.map((a) => a.succeeded);
      if (t.callback_succeeded) expect(ok.indexOf(true)).toBe(ok.length - 1);
      else expect(log.attempts).toHaveLength(DELAYS.length + 1);
    }
    expect(retried).toBeGreaterThan(0);
  });

  it("completes test-mode tasks within seconds, as the synthetic worker does", () => {
    expect(test.length).toBeGreaterThan(0);
    for (const t of test) {
      expect(t.status).toBe("completed");
      expect(Date.parse(t.completed_at!) - Date.parse(t.created_at)).toBeLessThan(10_000);
    }
  });
});
