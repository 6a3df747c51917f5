import { spawnSync } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import SQLite from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "../testing/harness";
import { validBodies } from "../testing/fixtures";
import { backupDatabase } from "./backup";
import { testDatabaseUrl } from "../testing/database";

// `npm run backup` against a running server that keeps writing: the copy opens, passes SQLite's
// integrity check and holds every task acknowledged before the backup began.

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");

// SQLite's own backup: a suite run on PostgreSQL (DATABASE_URL) has no SQLite file to copy.
describe.skipIf(Boolean(testDatabaseUrl()))("online backup of the SQLite database", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.stop());

  const create = async () => {
    const res = await server.api("/v1/task/categorization", { json: validBodies.categorization });
    expect(res.status).toBe(200);
  };

  it("copies a consistent database while tasks are being created", async () => {
    for (let i = 0; i < 200; i++) await create();
    let writing = true;
    let written = 0;
    const writer = (async () => {
      while (writing) {
        await create();
        written++;
      }
    })();
    const destination = path.join(server.dataDir, "copies", "during-writes.sqlite3");
    const result = await backupDatabase(server.dataDir, destination);
    writing = false;
    await writer;
    expect(written).toBeGreaterThan(0);
    const copy = new SQLite(result.file, { readonly: true });
    try {
      expect(copy.pragma("integrity_check", { simple: true })).toBe("ok");
      const { n } = copy.prepare("select count(*) as n from tasks").get() as { n: number };
      expect(n).toBeGreaterThanOrEqual(200);
      expect(n).toBeLessThanOrEqual(200 + written);
      // Every task in the copy is whole: completed with its response and its callback job.
      const orphans = copy.prepare("select count(*) as n from tasks t where t.status = 'completed' and not exists (select 1 from callback_jobs j where j.task_id = t.id)").get() as { n: number };
      expect(orphans.n).toBe(0);
    } finally {
      copy.close();
    }
    await expect(backupDatabase(server.dataDir, destination)).rejects.toThrow(/already exists/);
  });

  it("npm run backup writes the copy and says where", () => {
    const destination = path.join(server.dataDir, "copies", "cli.sqlite3");
    const r = spawnSync(process.execPath, ["--import", "tsx", "src/server/cli/backup.ts", destination], {
      cwd: ROOT,
      env: { ...process.env, DATA_DIR: server.dataDir },
      encoding: "utf8",
    });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain(`to ${destination}`);
    const copy = new SQLite(destination, { readonly: true });
    expect((copy.prepare("select count(*) as n from tasks").get() as { n: number }).n).toBeGreaterThanOrEqual(200);
    copy.close();
  });
});
