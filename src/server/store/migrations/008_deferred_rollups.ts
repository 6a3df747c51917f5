import { sql, type Kysely } from "kysely";
import { dialectOf } from "../dialects";
import { ROLLED_UP, changed } from "./006_rollups";

// PostgreSQL: the rollup triggers of 006 run at COMMIT instead of at each task write.
// Every create adds one to its day × type × status row of task_rollups, so concurrent creates
// queue on that row's lock, which a transaction holds from its task INSERT until it commits: the
// lifecycle rows written after the insert, and every round trip between, were all spent holding
// it. As deferred constraint triggers they update the counts in the same transaction, from the
// same OLD and NEW rows, only at its end, so the lock is held for the commit alone. The counts
// stay exact and commit with the rows; only a read of the rollups INSIDE a transaction that
// wrote tasks would not see its own writes yet (nothing does that). SQLite has a single writer
// and no row locks: unchanged.

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations must not depend on today's table types
export async function up(db: Kysely<any>): Promise<void> {
  if (dialectOf(db).name !== "postgres") return;
  await sql.raw(`DROP TRIGGER tasks_rollup_insert_delete ON tasks`).execute(db);
  await sql.raw(`DROP TRIGGER tasks_rollup_update ON tasks`).execute(db);
  await sql
    .raw(
      `CREATE CONSTRAINT TRIGGER tasks_rollup_insert_delete AFTER INSERT OR DELETE ON tasks
       DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION tasks_rollup()`,
    )
    .execute(db);
  await sql
    .raw(
      `CREATE CONSTRAINT TRIGGER tasks_rollup_update AFTER UPDATE OF ${ROLLED_UP.join(", ")} ON tasks
       DEFERRABLE INITIALLY DEFERRED FOR EACH ROW WHEN (${changed}) EXECUTE FUNCTION tasks_rollup()`,
    )
    .execute(db);
}
