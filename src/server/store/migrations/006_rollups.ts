import { sql, type Kysely } from "kysely";
import { dialectOf } from "../dialects";

// Maintained counts, so list totals and the dashboard's stats read a few thousand small rows
// instead of counting a million tasks per request:
//  - task_rollups: tasks per account × mode × UTC day created × type × status × project (''
//    for none), with how many of them have a failed / a succeeded callback, and how many have an
//    id whose first 8 hex digits are not their creation second (normally none: then an id prefix
//    is a time range, see stats/rollups.ts);
//  - task_completion_rollups: completed tasks per account × mode × day created × project × log
//    bucket of their completion time (the stats' percentiles).
// Database triggers keep both up to date IN THE SAME TRANSACTION as every insert, update and
// delete of a task, whatever code path (API, lifecycle, demo seeder, bulk seeders, a future
// route) writes it: the counts cannot drift from the rows. The migration backfills them.

const DAY_MS = 86_400_000;
/** Completion-time histogram resolution: 8 buckets per e-fold (see stats.ts). */
const BUCKETS_PER_E = 8;

const ROLLUP_KEY = ["account_id", "mode", "day", "type", "status", "project"];
const COMPLETION_KEY = ["account_id", "mode", "day", "project", "bucket"];
/** Columns whose change moves a task between rollup rows (everything else leaves them alone). */
export const ROLLED_UP = ["id", "account_id", "mode", "created_at", "type", "status", "project", "callback_succeeded", "completed_at"];

interface Exprs {
  day(r: string): string;
  second(r: string): string;
  bucket(r: string): string;
}

const sqliteExprs: Exprs = {
  // CAST: better-sqlite3 may bind a time as REAL, and a REAL division is not a day number.
  day: (r) => `CAST(${r}.created_at / ${DAY_MS} AS INTEGER)`,
  second: (r) => `printf('%08x', CAST(${r}.created_at / 1000 AS INTEGER))`,
  bucket: (r) => `CAST(floor(ln(${r}.completed_at - ${r}.created_at + 1) * ${BUCKETS_PER_E}) AS INTEGER)`,
};

const postgresExprs: Exprs = {
  day: (r) => `(${r}.created_at / ${DAY_MS})`,
  second: (r) => `lpad(to_hex(${r}.created_at / 1000), 8, '0')`,
  bucket: (r) => `CAST(floor(ln(${r}.completed_at - ${r}.created_at + 1) * ${BUCKETS_PER_E}) AS INTEGER)`,
};

/** Adds `sign` (1 or -1) times the task `r` (NEW or OLD) to both rollups. */
function deltaStatements(x: Exprs, r: string, sign: 1 | -1, qualify: boolean): string[] {
  const t = (table: string, col: string) => (qualify ? `${table}.${col}` : col);
  const add = (table: string, cols: string[]) => cols.map((c) => `${c} = ${t(table, c)} + excluded.${c}`).join(", ");
  const rollup = `INSERT INTO task_rollups (${ROLLUP_KEY.join(", ")}, n, callback_failed, callback_ok, irregular_ids)
    VALUES (${r}.account_id, ${r}.mode, ${x.day(r)}, ${r}.type, ${r}.status, coalesce(${r}.project, ''), ${sign},
      CASE WHEN ${r}.callback_succeeded = 0 THEN ${sign} ELSE 0 END,
      CASE WHEN ${r}.callback_succeeded = 1 THEN ${sign} ELSE 0 END,
      CASE WHEN substr(${r}.id, 1, 8) = ${x.second(r)} THEN 0 ELSE ${sign} END)
    ON CONFLICT (${ROLLUP_KEY.join(", ")}) DO UPDATE SET ${add("task_rollups", ["n", "callback_failed", "callback_ok", "irregular_ids"])}`;
  // SQLite needs a WHERE in an INSERT … SELECT that has an ON CONFLICT clause; it is the filter anyway.
  const completion = `INSERT INTO task_completion_rollups (${COMPLETION_KEY.join(", ")}, n)
    SELECT ${r}.account_id, ${r}.mode, ${x.day(r)}, coalesce(${r}.project, ''), ${x.bucket(r)}, ${sign}
    WHERE ${r}.status = 'completed' AND ${r}.completed_at IS NOT NULL AND ${r}.completed_at >= ${r}.created_at
    ON CONFLICT (${COMPLETION_KEY.join(", ")}) DO UPDATE SET ${add("task_completion_rollups", ["n"])}`;
  return [rollup, completion];
}

export const changed = ROLLED_UP.map((c) => `OLD.${c} IS DISTINCT FROM NEW.${c}`).join(" OR ");

/**
 * Fills both rollups from the task rows as they are, with the same expressions the triggers use:
 * the migration's backfill, and the bulk seeders' (which load rows with the triggers off, then
 * call this). Expects the rollups to hold nothing for those rows yet.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations must not depend on today's table types
export async function backfillRollups(db: Kysely<any>): Promise<void> {
  const x = dialectOf(db).name === "postgres" ? postgresExprs : sqliteExprs;
  await sql
    .raw(
      `INSERT INTO task_rollups (${ROLLUP_KEY.join(", ")}, n, callback_failed, callback_ok, irregular_ids)
       SELECT account_id, mode, ${x.day("t")}, type, status, coalesce(project, ''), count(*),
         sum(CASE WHEN callback_succeeded = 0 THEN 1 ELSE 0 END),
         sum(CASE WHEN callback_succeeded = 1 THEN 1 ELSE 0 END),
         sum(CASE WHEN substr(id, 1, 8) = ${x.second("t")} THEN 0 ELSE 1 END)
       FROM tasks t GROUP BY account_id, mode, ${x.day("t")}, type, status, coalesce(project, '')`,
    )
    .execute(db);
  await sql
    .raw(
      `INSERT INTO task_completion_rollups (${COMPLETION_KEY.join(", ")}, n)
       SELECT account_id, mode, ${x.day("t")}, coalesce(project, ''), ${x.bucket("t")}, count(*)
       FROM tasks t WHERE status = 'completed' AND completed_at IS NOT NULL AND completed_at >= created_at
       GROUP BY account_id, mode, ${x.day("t")}, coalesce(project, ''), ${x.bucket("t")}`,
    )
    .execute(db);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations must not depend on today's table types
export async function up(db: Kysely<any>): Promise<void> {
  const d = dialectOf(db);
  await db.schema
    .createTable("task_rollups")
    .addColumn("account_id", "text", (c) => c.notNull())
    .addColumn("mode", "text", (c) => c.notNull())
    .addColumn("day", "integer", (c) => c.notNull())
    .addColumn("type", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("project", "text", (c) => c.notNull())
    .addColumn("n", "bigint", (c) => c.notNull())
    .addColumn("callback_failed", "bigint", (c) => c.notNull())
    .addColumn("callback_ok", "bigint", (c) => c.notNull())
    .addColumn("irregular_ids", "bigint", (c) => c.notNull())
    .addPrimaryKeyConstraint("task_rollups_pk", ROLLUP_KEY as never)
    .execute();
  await db.schema
    .createTable("task_completion_rollups")
    .addColumn("account_id", "text", (c) => c.notNull())
    .addColumn("mode", "text", (c) => c.notNull())
    .addColumn("day", "integer", (c) => c.notNull())
    .addColumn("project", "text", (c) => c.notNull())
    .addColumn("bucket", "integer", (c) => c.notNull())
    .addColumn("n", "bigint", (c) => c.notNull())
    .addPrimaryKeyConstraint("task_completion_rollups_pk", COMPLETION_KEY as never)
    .execute();

  await backfillRollups(db);

  if (d.name === "postgres") {
    const body = (r: string, sign: 1 | -1) => deltaStatements(postgresExprs, r, sign, true).join(";\n") + ";";
    await sql
      .raw(
        `CREATE FUNCTION tasks_rollup() RETURNS trigger LANGUAGE plpgsql AS $$
         BEGIN
           IF TG_OP = 'UPDATE' OR TG_OP = 'DELETE' THEN
             ${body("OLD", -1)}
           END IF;
           IF TG_OP = 'UPDATE' OR TG_OP = 'INSERT' THEN
             ${body("NEW", 1)}
           END IF;
           RETURN NULL;
         END $$`,
      )
      .execute(db);
    await sql.raw(`CREATE TRIGGER tasks_rollup_insert_delete AFTER INSERT OR DELETE ON tasks FOR EACH ROW EXECUTE FUNCTION tasks_rollup()`).execute(db);
    await sql
      .raw(`CREATE TRIGGER tasks_rollup_update AFTER UPDATE OF ${ROLLED_UP.join(", ")} ON tasks FOR EACH ROW WHEN (${changed}) EXECUTE FUNCTION tasks_rollup()`)
      .execute(db);
  } else {
    const body = (r: string, sign: 1 | -1) => deltaStatements(sqliteExprs, r, sign, false).join(";\n") + ";";
    await sql.raw(`CREATE TRIGGER tasks_rollup_insert AFTER INSERT ON tasks BEGIN ${body("NEW", 1)} END`).execute(db);
    await sql.raw(`CREATE TRIGGER tasks_rollup_delete AFTER DELETE ON tasks BEGIN ${body("OLD", -1)} END`).execute(db);
    await sql
      .raw(`CREATE TRIGGER tasks_rollup_update AFTER UPDATE OF ${ROLLED_UP.join(", ")} ON tasks WHEN ${changed} BEGIN ${body("OLD", -1)} ${body("NEW", 1)} END`)
      .execute(db);
  }
}
