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
  // A database without tasks has nothing written by earlier versions: nothing to upgrade (this
  // spares a fresh data dir, and one filled by a bulk seeder right after, the start-up scan).
  const anyTask = await db.selectFrom("tasks").select("id").limit(1).executeTakeFirst();
  if (!anyTask) {
    // The name of files/stored-urls-upgrade.ts's upgrade, as a literal: migrations don't import today's code.
    await db.insertInto("data_upgrades").values({ name: "hosted-urls-by-path", done_at: Date.now() }).execute();
  }
}
