import { type Kysely } from "kysely";

// Upgrades of stored data that need more than SQL (the server's configuration, files on disk) run
// once at start-up, after the migrations; each is recorded here by name when it has finished.

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations must not depend on today's table types
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("data_upgrades")
    .addColumn("name", "text", (c) => c.primaryKey())
    .addColumn("done_at", "bigint", (c) => c.notNull())
    .execute();
}
