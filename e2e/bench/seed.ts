import path from "node:path";
import SQLite from "better-sqlite3";
import { loadConfig } from "../../src/server/config";
import { openDatabase } from "../../src/server/store/db";
import { ensureFirstAccount } from "../../src/server/bootstrap";
import { newObjectId } from "../../src/server/store/ids";

// Seeds a data dir with many tasks for the benchmarks: migrations and the first account come from
// the server's own code, then rows go in through one prepared statement in one transaction (the
// API would take minutes for a million). Tasks spread over the last 90 days, every type and
// status, a few projects; pending ones are marked checked so nothing is fetched on start.

export const BENCH_TEST_KEY = "test_bench000000000000000000000000";
export const BENCH_LIVE_KEY = "live_bench000000000000000000000000";

const TYPES = ["annotation", "categorization", "polygonannotation", "transcription", "comparison", "pointannotation"];
const STATUSES = ["completed", "completed", "completed", "pending", "canceled", "error"];
const PROJECTS = [null, "street-objects", "retail-shelves", "documents"];
const DAY = 86_400_000;

export async function seedBenchData(dataDir: string, count: number): Promise<{ seconds: number }> {
  const config = loadConfig({ DATA_DIR: dataDir, SCALE_TEST_KEY: BENCH_TEST_KEY, SCALE_LIVE_KEY: BENCH_LIVE_KEY, DEMO_DATA: "0" });
  const db = await openDatabase(config.dataDir);
  await ensureFirstAccount(db, config);
  const account = await db.selectFrom("accounts").select("id").executeTakeFirstOrThrow();
  await db.destroy();

  const started = Date.now();
  const sqlite = new SQLite(path.join(dataDir, "scale.sqlite3"));
  sqlite.pragma("journal_mode = WAL");
  const insert = sqlite.prepare(`INSERT INTO tasks (id, account_id, mode, type, status, project, project_param_version,
    instruction, params, response, urgency, callback_url, metadata, unique_id, created_at, completed_at,
    callback_succeeded, sample_key) VALUES (?, ?, 'live', ?, ?, ?, NULL, ?, ?, ?, ?, ?, '{}', NULL, ?, ?, ?, ?)`);
  const checked = sqlite.prepare("INSERT INTO attachment_checks (task_id, checked_at) VALUES (?, ?)");
  const params = JSON.stringify({ attachment_type: "text", attachment: "bench", categories: ["a", "b"] });
  const response = JSON.stringify({ category: "a" });
  const now = Date.now();
  sqlite.transaction(() => {
    for (let i = 0; i < count; i++) {
      // Deterministic spread, newest last, so every filter and page has data.
      const createdAt = now - 90 * DAY + Math.floor((i / count) * 90 * DAY);
      const status = STATUSES[(i * 7) % STATUSES.length];
      const completed = status === "completed" ? createdAt + 60_000 + ((i * 7919) % (2 * DAY)) : null;
      const id = newObjectId(createdAt);
      insert.run(
        id, account.id, TYPES[i % TYPES.length], status, PROJECTS[i % PROJECTS.length], "Benchmark task.", params,
        status === "completed" ? response : null, i % 3 === 0 ? "express" : "standard", "http://127.0.0.1:9/cb",
        createdAt, completed, completed === null ? null : i % 11 === 0 ? 0 : 1, ((i * 2654435761) % 4294967296) / 4294967296,
      );
      if (status === "pending") checked.run(id, createdAt);
    }
  })();
  sqlite.pragma("wal_checkpoint(TRUNCATE)");
  sqlite.close();
  return { seconds: (Date.now() - started) / 1000 };
}
