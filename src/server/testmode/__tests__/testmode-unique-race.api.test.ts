import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Task } from "../../../schema";
import { startTestServer, type TestServer } from "../../testing/harness";
import { validBodies } from "../../testing/fixtures";
import { dialectOf } from "../../store/dialects";

// A test-mode segmentation answer's masks are written before the task's insert (so a stored
// answer never links to a file that isn't there). Creates racing with one unique_id all get that
// far; the index lets one insert through and the others answer 409: their masks must go too.
// On SQLite (files on disk) and on PostgreSQL (files in the database).

/** The task ids that have mask files, however the store keeps them. */
async function maskOwners(server: TestServer): Promise<string[]> {
  if (dialectOf(server.db).singleProcess) {
    const dir = path.join(server.dataDir, "files", "masks");
    if (!fs.existsSync(dir)) return [];
    return fs.readdirSync(dir).sort();
  }
  const rows = await server.db.selectFrom("files").select("path").where("path", "like", "masks/%").execute();
  return [...new Set(rows.map((r) => r.path.split("/")[1]))].sort();
}

describe("test-mode creates that lose a unique_id race", () => {
  let server: TestServer;
  beforeAll(async () => {
    // No image size read over the network: the stated default canvas is enough here.
    server = await startTestServer({ TEST_MODE_SIZE_TIMEOUT_MS: "0" });
  });
  afterAll(() => server.stop());

  it("leave no mask files behind: only the stored task has masks", async () => {
    const body = { ...validBodies.segmentannotation, unique_id: "mask-race" };
    const answers = await Promise.all(Array.from({ length: 8 }, () => server.api("/v1/task/segmentannotation", { json: body })));
    const statuses = answers.map((r) => r.status).sort();
    expect(statuses).toEqual([200, 409, 409, 409, 409, 409, 409, 409]);
    const winner = Task.parse(await answers.find((r) => r.status === 200)!.json());
    // The stored task's answer links to masks that exist.
    const stored = Task.parse(await (await server.api(`/v1/task/${winner.task_id}`)).json());
    expect(stored.status).toBe("completed");
    expect(JSON.stringify(stored.response)).toContain(`/files/masks/${winner.task_id}/`);
    expect(await maskOwners(server)).toEqual([winner.task_id]);
  });
});
