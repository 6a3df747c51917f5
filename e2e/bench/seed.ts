import path from "node:path";
import SQLite from "better-sqlite3";
import { sql } from "kysely";
import { loadConfig } from "../../src/server/config";
import { openDatabase } from "../../src/server/store/db";
import { ensureFirstAccount } from "../../src/server/bootstrap";
import { newObjectId } from "../../src/server/store/ids";
import { backfillRollups } from "../../src/server/store/migrations/006_rollups";
import type { Db } from "../../src/server/store/db";

// Seeds a store with many tasks for the benchmarks: migrations and the first account come from
// the server's own code, then rows go in in bulk (the API would take minutes for a million): on
// SQLite through one prepared statement in one transaction, on PostgreSQL with one INSERT … SELECT
// over generate_series. Tasks spread over the last 90 days, every type and status, a few
// projects; pending ones are marked checked so nothing is fetched on start.
// A bulk load is fast when nothing runs per row: the rollup triggers (migration 006) are off
// while the rows go in and the tasks' secondary indexes are built afterwards (a sort instead of a
// million B-tree inserts); then the rollups are filled by the migration's own backfill
// (`backfillRollups`, the same expressions the triggers use) and the triggers come back, so the
// counts are exactly what the triggers would have made. A million rows take under a minute (was 10–16).

export const BENCH_TEST_KEY = "test_bench000000000000000000000000";
export const BENCH_LIVE_KEY = "live_bench000000000000000000000000";

const TYPES = ["annotation", "categorization", "polygonannotation", "transcription", "comparison", "pointannotation"];
const STATUSES = ["completed", "completed", "completed", "pending", "canceled", "error"];
const PROJECTS = [null, "street-objects", "retail-shelves", "documents"];
const DAY = 86_400_000;

export async function seedBenchData(dataDir: string, count: number, databaseUrl?: string): Promise<{ seconds: number }> {
  if (databaseUrl) return seedPostgres(dataDir, count, databaseUrl);
  const config = loadConfig({ DATA_DIR: dataDir, SCALE_TEST_KEY: BENCH_TEST_KEY, SCALE_LIVE_KEY: BENCH_LIVE_KEY, DEMO_DATA: "0" });
  const db = await openDatabase(config.dataDir);
  await ensureFirstAccount(db, config);
  const account = await db.selectFrom("accounts").select("id").executeTakeFirstOrThrow();
  await db.destroy();

  const started = Date.now();
  const sqlite = new SQLite(path.join(dataDir, "scale.sqlite3"));
  sqlite.pragma("journal_mode = WAL");
  // Put back at the end, exactly as the migrations made them.
  const saved = sqlite
    .prepare("SELECT type, name, sql FROM sqlite_master WHERE tbl_name = 'tasks' AND sql IS NOT NULL AND (type = 'index' OR (type = 'trigger' AND name LIKE '%rollup%'))")
    .all() as { type: "index" | "trigger"; name: string; sql: string }[];
  for (const o of saved) sqlite.exec(`DROP ${o.type.toUpperCase()} ${o.name}`);
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
  for (const o of saved) if (o.type === "index") sqlite.exec(o.sql);
  sqlite.pragma("wal_checkpoint(TRUNCATE)");
  sqlite.close();
  const filled = await openDatabase(config.dataDir);
  await backfillRollups(filled);
  await filled.destroy();
  const reopened = new SQLite(path.join(dataDir, "scale.sqlite3"));
  for (const o of saved) if (o.type === "trigger") reopened.exec(o.sql);
  reopened.pragma("wal_checkpoint(TRUNCATE)");
  reopened.close();
  return { seconds: (Date.now() - started) / 1000 };
}

/** The same rows as the SQLite seeder (same spread of times, types, statuses, projects), made by PostgreSQL itself. */
async function seedPostgres(dataDir: string, count: number, databaseUrl: string): Promise<{ seconds: number }> {
  const config = loadConfig({ DATA_DIR: dataDir, DATABASE_URL: databaseUrl, SCALE_TEST_KEY: BENCH_TEST_KEY, SCALE_LIVE_KEY: BENCH_LIVE_KEY, DEMO_DATA: "0" });
  const db = await openDatabase({ dataDir, databaseUrl });
  await ensureFirstAccount(db, config);
  const account = await db.selectFrom("accounts").select("id").executeTakeFirstOrThrow();
  const started = Date.now();
  const now = Date.now();
  const params = JSON.stringify({ attachment_type: "text", attachment: "bench", categories: ["a", "b"] });
  const response = JSON.stringify({ category: "a" });
  const arr = (xs: (string | null)[]) => sql.raw(`array[${xs.map((x) => (x === null ? "null" : `'${x}'`)).join(",")}]::text[]`);
  // One transaction: a seed that fails half-way leaves no table without its triggers or indexes.
  await db.transaction().execute(async (tx) => {
    const triggers = await sql<{ name: string }>`select tgname as name from pg_trigger where tgrelid = 'tasks'::regclass and tgname like '%rollup%'`.execute(tx);
    // Secondary indexes only: the primary key's stays (the attachment checks reference it).
    const indexes = await sql<{ name: string; def: string }>`
      select i.indexname as name, i.indexdef as def from pg_indexes i
      where i.tablename = 'tasks' and i.schemaname = current_schema()
        and not exists (select 1 from pg_constraint c where c.conname = i.indexname)`.execute(tx);
    for (const t of triggers.rows) await sql`alter table tasks disable trigger ${sql.id(t.name)}`.execute(tx);
    for (const i of indexes.rows) await sql`drop index ${sql.id(i.name)}`.execute(tx);
    // In slices, so one statement's memory stays small and progress is visible.
    const slice = 100_000;
    for (let from = 0; from < count; from += slice) {
      const to = Math.min(count, from + slice) - 1;
      await sql`
        insert into tasks (id, account_id, mode, type, status, project, project_param_version, instruction, params, response,
          urgency, callback_url, metadata, unique_id, created_at, completed_at, callback_succeeded, sample_key, leased_until)
        select lpad(to_hex(c / 1000), 8, '0') || substr(md5(i::text), 1, 16), ${account.id}, 'live', (${arr(TYPES)})[i % ${sql.lit(TYPES.length)} + 1], s,
          (${arr(PROJECTS)})[i % ${sql.lit(PROJECTS.length)} + 1], null, 'Benchmark task.', ${params}, case when s = 'completed' then ${response} end,
          case when i % 3 = 0 then 'express' else 'standard' end, 'http://127.0.0.1:9/cb', '{}', null, c,
          case when s = 'completed' then c + 60000 + ((i * 7919) % ${sql.lit(2 * DAY)}) end,
          case when s <> 'completed' then null when i % 11 = 0 then 0 else 1 end,
          ((i * 2654435761) % 4294967296)::float8 / 4294967296, null
        from (
          select i, ${sql.lit(now - 90 * DAY)}::bigint + (i * ${sql.lit(90 * DAY)}::bigint / ${sql.lit(count)}) as c,
            (${arr(STATUSES)})[(i * 7) % ${sql.lit(STATUSES.length)} + 1] as s
          from generate_series(${sql.lit(from)}::bigint, ${sql.lit(to)}::bigint) as i
        ) g`.execute(tx);
      process.stdout.write(`\r  ${(to + 1).toLocaleString("en")} rows`);
    }
    process.stdout.write("\n");
    await sql`set local maintenance_work_mem = '256MB'`.execute(tx);
    for (const i of indexes.rows) await sql.raw(i.def).execute(tx);
    await sql`insert into attachment_checks (task_id, checked_at) select id, created_at from tasks where status = 'pending' on conflict do nothing`.execute(tx);
    await backfillRollups(tx);
    for (const t of triggers.rows) await sql`alter table tasks enable trigger ${sql.id(t.name)}`.execute(tx);
  });
  // What autovacuum would have done by the time a table this size is queried.
  await sql`vacuum analyze tasks`.execute(db);
  await sql`vacuum analyze task_rollups`.execute(db);
  await db.destroy();
  return { seconds: (Date.now() - started) / 1000 };
}
