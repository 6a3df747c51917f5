import { sql, type Kysely } from "kysely";
import { dialectOf } from "../dialects";

// PostgreSQL: the rollups (006) are kept per STATEMENT instead of per row.
// Creates are written in batches (store/create-batch.ts: one multi-row INSERT for every task a
// batch holds), and the dispatcher records callback outcomes of many tasks in one UPDATE. Per
// row, each of those rows ran two upserts (four for an update: minus the old row, plus the new)
// on the same hot row of task_rollups (today × type × status), making one tuple version each.
// Per statement, with transition tables, the statement's rows are summed by rollup key first:
// one upsert per key the statement touches, in key order, so concurrent statements lock rollup
// rows in one order and don't deadlock each other. An update whose deltas cancel out (a lease,
// metadata, or a callback outcome for the completion histogram) writes nothing.
// Statement triggers can't be deferred (008's constraint triggers were row triggers), so the
// rollup rows are locked from the statement to COMMIT: the create batch is ONE statement in its
// own implicit transaction, and the other writers put their task write last. SQLite: unchanged
// (one writer, no row locks; its row triggers cost microseconds in-process).

const DAY_MS = 86_400_000;
/** 006's histogram resolution: 8 buckets per e-fold. */
const BUCKETS_PER_E = 8;
const ROLLUP_KEY = "account_id, mode, day, type, status, project";
const COMPLETION_KEY = "account_id, mode, day, project, bucket";

/**
 * The signed rows of the statement: +1 for each new row, -1 for each old one, with 006's
 * expressions (PostgreSQL's) for the day, the creation second and the completion bucket.
 */
function delta(sources: ("new_rows" | "old_rows")[]): string {
  const part = (t: "new_rows" | "old_rows") =>
    `SELECT ${t === "new_rows" ? 1 : -1} AS sign, r.account_id, r.mode, (r.created_at / ${DAY_MS}) AS day, r.type, r.status,
       coalesce(r.project, '') AS project, r.callback_succeeded,
       CASE WHEN substr(r.id, 1, 8) = lpad(to_hex(r.created_at / 1000), 8, '0') THEN 0 ELSE 1 END AS irregular,
       CASE WHEN r.status = 'completed' AND r.completed_at IS NOT NULL AND r.completed_at >= r.created_at
         THEN CAST(floor(ln(r.completed_at - r.created_at + 1) * ${BUCKETS_PER_E}) AS INTEGER) END AS bucket
     FROM ${t} r`;
  return sources.map(part).join(" UNION ALL ");
}

function statements(sources: ("new_rows" | "old_rows")[]): string {
  const d = delta(sources);
  return `
    INSERT INTO task_rollups (${ROLLUP_KEY}, n, callback_failed, callback_ok, irregular_ids)
    SELECT ${ROLLUP_KEY}, sum(sign),
      sum(CASE WHEN callback_succeeded = 0 THEN sign ELSE 0 END),
      sum(CASE WHEN callback_succeeded = 1 THEN sign ELSE 0 END),
      sum(irregular * sign)
    FROM (${d}) d
    GROUP BY ${ROLLUP_KEY}
    HAVING sum(sign) <> 0 OR sum(CASE WHEN callback_succeeded = 0 THEN sign ELSE 0 END) <> 0
      OR sum(CASE WHEN callback_succeeded = 1 THEN sign ELSE 0 END) <> 0 OR sum(irregular * sign) <> 0
    ORDER BY ${ROLLUP_KEY}
    ON CONFLICT (${ROLLUP_KEY}) DO UPDATE SET n = task_rollups.n + excluded.n,
      callback_failed = task_rollups.callback_failed + excluded.callback_failed,
      callback_ok = task_rollups.callback_ok + excluded.callback_ok,
      irregular_ids = task_rollups.irregular_ids + excluded.irregular_ids;
    INSERT INTO task_completion_rollups (${COMPLETION_KEY}, n)
    SELECT ${COMPLETION_KEY}, sum(sign)
    FROM (${d}) d
    WHERE bucket IS NOT NULL
    GROUP BY ${COMPLETION_KEY}
    HAVING sum(sign) <> 0
    ORDER BY ${COMPLETION_KEY}
    ON CONFLICT (${COMPLETION_KEY}) DO UPDATE SET n = task_completion_rollups.n + excluded.n;`;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations must not depend on today's table types
export async function up(db: Kysely<any>): Promise<void> {
  if (dialectOf(db).name !== "postgres") return;
  await sql.raw(`DROP TRIGGER tasks_rollup_insert_delete ON tasks`).execute(db);
  await sql.raw(`DROP TRIGGER tasks_rollup_update ON tasks`).execute(db);
  // A transition table is only visible to the triggers that declare it, so one function per event.
  const fn = (name: string, sources: ("new_rows" | "old_rows")[]) =>
    sql.raw(`CREATE FUNCTION ${name}() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN ${statements(sources)} RETURN NULL; END $$`).execute(db);
  await fn("tasks_rollup_inserted", ["new_rows"]);
  await fn("tasks_rollup_deleted", ["old_rows"]);
  await fn("tasks_rollup_updated", ["old_rows", "new_rows"]);
  // Trigger names keep "rollup": the bench seeders switch the rollup triggers off by that name.
  // (A trigger with transition tables can't name columns: the update trigger runs for every
  // UPDATE of tasks, and one that moves no count writes nothing.)
  await sql
    .raw(`CREATE TRIGGER tasks_rollup_insert AFTER INSERT ON tasks REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION tasks_rollup_inserted()`)
    .execute(db);
  await sql
    .raw(`CREATE TRIGGER tasks_rollup_delete AFTER DELETE ON tasks REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION tasks_rollup_deleted()`)
    .execute(db);
  await sql
    .raw(
      `CREATE TRIGGER tasks_rollup_update AFTER UPDATE ON tasks REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
       FOR EACH STATEMENT EXECUTE FUNCTION tasks_rollup_updated()`,
    )
    .execute(db);
  await sql.raw(`DROP FUNCTION tasks_rollup()`).execute(db);
}
