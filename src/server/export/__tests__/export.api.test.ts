import v8 from "node:v8";
import vm from "node:vm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CocoDataset, Task } from "../../../schema";
import { startTestServer, type TestServer } from "../../testing/harness";

// Export streams every matching task with flat memory. 10,000 tasks of ~5 KB each are inserted in
// one transaction straight into the database, then read back through the endpoint.

const N = 10_000;

/** A real GC between samples, so the figure is memory held, not garbage not yet collected. */
v8.setFlagsFromString("--expose-gc");
const gc = vm.runInNewContext("gc") as () => void;
const PAD = "x".repeat(5_000);

describe("export", () => {
  let server: TestServer;
  let accountId: string;

  beforeAll(async () => {
    server = await startTestServer();
    const db = await server.openDb();
    accountId = (await db.selectFrom("accounts").select("id").executeTakeFirstOrThrow()).id;
    const t0 = Date.UTC(2024, 0, 1);
    const rows = Array.from({ length: N }, (_, i) => {
      const id = (Math.floor(t0 / 1000) + i).toString(16).padStart(8, "0") + i.toString(16).padStart(16, "0");
      const polygon = i % 2 === 1;
      const params = { attachment: `https://img.test/${i}.png`, attachment_type: "image", objects_to_annotate: ["car", "tree"], with_labels: true };
      const response = polygon
        ? { annotations: [{ label: "tree", vertices: [{ x: 0, y: 0 }, { x: 10, y: 0 }, { x: 10, y: 10 }] }] }
        : { annotations: [{ label: "car", left: 1, top: 2, width: 3, height: 4 }] };
      return {
        id,
        account_id: accountId,
        mode: "live" as const,
        type: polygon ? "polygonannotation" : "annotation",
        status: "completed",
        project: i % 10 === 0 ? "bulk-p" : null,
        project_param_version: null,
        instruction: "bulk",
        params: JSON.stringify(params),
        response: JSON.stringify(response),
        urgency: "standard",
        callback_url: "https://hooks.invalid/x",
        metadata: JSON.stringify({ i, pad: PAD }),
        unique_id: null,
        created_at: t0 + i * 1000,
        completed_at: t0 + i * 1000 + 500,
        callback_succeeded: null,
        sample_key: Math.random(),
      };
    });
    // Straight into the database (SQLite or PostgreSQL), in one transaction, 500 rows a statement.
    await db.transaction().execute(async (trx) => {
      for (let i = 0; i < rows.length; i += 500) await trx.insertInto("tasks").values(rows.slice(i, i + 500)).execute();
    });
    await db.destroy();
  });
  afterAll(() => server.stop());

  const live = (p: string) => server.api(p, { key: server.liveKey });

  it(`streams ${N} tasks as NDJSON with bounded memory`, async () => {
    gc();
    const before = process.memoryUsage().heapUsed;
    let peak = before;
    let peakGarbage = before;
    let chunks = 0;
    const res = await live("/v1/tasks/export?format=ndjson");
    expect(res.status).toBe(200);
    expect(res.headers.get("x-total-count")).toBe(String(N));
    expect(res.headers.get("content-type")).toContain("application/x-ndjson");
    let bytes = 0;
    let lines = 0;
    let carry = "";
    const seen = new Set<string>();
    const decoder = new TextDecoder();
    const reader = res.body!.getReader();
    for (;;) {
      const { done, value: chunk } = await reader.read();
      if (done) break;
      bytes += chunk.length;
      const parts = (carry + decoder.decode(chunk, { stream: true })).split("\n");
      carry = parts.pop()!;
      for (const line of parts) {
        lines++;
        // Keep only the ids, copied: a slice would pin its whole 5 KB line in memory.
        seen.add(line.slice(12, 36).split("").join(""));
      }
      peakGarbage = Math.max(peakGarbage, process.memoryUsage().heapUsed);
      if (++chunks % 25 === 0) {
        gc();
        peak = Math.max(peak, process.memoryUsage().heapUsed);
      }
    }
    const mb = (n: number) => (n / 2 ** 20).toFixed(1);
    const growthMb = (peak - before) / 2 ** 20;
    console.log(
      `export: ${lines} tasks, ${mb(bytes)} MB streamed in ${chunks} chunks; live heap before ${mb(before)} MB, ` +
        `peak after GC ${mb(peak)} MB (+${growthMb.toFixed(1)} MB); peak incl. uncollected garbage ${mb(peakGarbage)} MB`,
    );
    expect(lines).toBe(N);
    expect(seen.size).toBe(N);
    expect(bytes).toBeGreaterThan(50 * 2 ** 20);
    // Everything at once would hold well over the 50 MB of text; a page at a time is a few MB.
    expect(growthMb).toBeLessThan(15);
  }, 60_000);

  it("exports a JSON array newest first with the list's filters and task_ids", async () => {
    const res = await live("/v1/tasks/export?format=json&project=bulk-p");
    expect(res.headers.get("x-total-count")).toBe(String(N / 10));
    const tasks = (await res.json()) as unknown[];
    expect(tasks).toHaveLength(N / 10);
    const parsed = tasks.map((t) => Task.parse(t));
    expect(parsed[0].created_at > parsed[1].created_at).toBe(true);
    const ids = [parsed[3].task_id, parsed[7].task_id];
    const some = (await (await live(`/v1/tasks/export?task_ids=${ids.join(",")}`)).json()) as Task[];
    expect(some.map((t) => t.task_id).sort()).toEqual([...ids].sort());
    const empty = await live("/v1/tasks/export?start_time=2030-01-01");
    expect(await empty.json()).toEqual([]);
    expect((await live("/v1/tasks/export?format=xml")).status).toBe(400);
    // The test key's account sees none of the live tasks.
    expect(await (await server.api("/v1/tasks/export?format=json&project=bulk-p")).json()).toEqual([]);
  });

  it("exports COCO for box and polygon tasks", async () => {
    const res = await live("/v1/tasks/export?format=coco&project=bulk-p");
    const coco = CocoDataset.parse(await res.json());
    expect(coco.images).toHaveLength(N / 10);
    expect(coco.annotations).toHaveLength(N / 10);
    expect(coco.categories.map((c) => c.name).sort()).toEqual(["car", "tree"]);
    const carId = coco.categories.find((c) => c.name === "car")!.id;
    const box = coco.annotations.find((a) => a.category_id === carId)!;
    expect(box.bbox).toEqual([1, 2, 3, 4]);
    expect(box.area).toBe(12);
    const imageIds = new Set(coco.images.map((i) => i.id));
    for (const a of coco.annotations) expect(imageIds.has(a.image_id)).toBe(true);
    const image = coco.images.find((i) => i.id === box.image_id)!;
    expect(image.file_name).toMatch(/^https:\/\/img\.test\/\d+\.png$/);
    const all = await live("/v1/tasks/export?format=coco&type=polygonannotation&project=bulk-p");
    const polys = CocoDataset.parse(await all.json());
    expect(polys.annotations.every((a) => a.area === 50 && a.segmentation[0].length === 6)).toBe(true);
  });
});
