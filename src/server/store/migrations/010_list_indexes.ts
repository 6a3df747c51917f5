import { type Kysely } from "kysely";

// `GET /v1/tasks` with a filter reads its page newest first, ordered by (created_at, id). The
// filter indexes of 001 ended in created_at alone, so neither database could read a page in
// order from them: PostgreSQL added a sort step on id, and SQLite (which keeps no statistics)
// preferred walking the unfiltered (account, mode, created_at, id) index and testing every row
// against the filter, a walk as long as the table when the filter is rare among recent tasks.
// The same three indexes ending in (created_at, id) give both a plain backward index walk that
// stops after `limit` rows. Same number of indexes, so creates pay nothing more.

const REPLACED: [string, string][] = [
  ["tasks_scope_status_created", "status"],
  ["tasks_scope_type_created", "type"],
  ["tasks_scope_project_created", "project"],
];

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations must not depend on today's table types
export async function up(db: Kysely<any>): Promise<void> {
  for (const [name, column] of REPLACED) {
    await db.schema.dropIndex(name).execute();
    await db.schema.createIndex(`${name}_id`).on("tasks").columns(["account_id", "mode", column, "created_at", "id"]).execute();
  }
}
