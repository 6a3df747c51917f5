import { sql, type Kysely } from "kysely";
import { dialectOf } from "../dialects";

// Teams: members of an account with a role, their password hashes, invites (set-password links),
// sessions (the console's cookie), failed sign-ins (rate limiting shared by every process), and
// an activity log of who did what. Audits gain the member who made them.

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations must not depend on today's table types
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("members")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("account_id", "text", (c) => c.notNull().references("accounts.id"))
    .addColumn("name", "text", (c) => c.notNull())
    /** Lower-cased; unique among current members (index below) so sign-in needs only the address. */
    .addColumn("email", "text", (c) => c.notNull())
    .addColumn("role", "text", (c) => c.notNull())
    /** `scrypt$N$r$p$salt$hash` (base64); null until the invite is used. */
    .addColumn("password_hash", "text")
    .addColumn("created_at", "bigint", (c) => c.notNull())
    /** Removed members keep their row so what they did stays attributed to them. */
    .addColumn("removed_at", "bigint")
    .execute();
  // Partial index (SQLite and PostgreSQL both have them): a removed member's address can be invited again.
  await db.schema.createIndex("members_email_current").on("members").column("email").unique().where(sql.ref("removed_at"), "is", null).execute();

  await db.schema
    .createTable("member_invites")
    /** sha256 of the link's token; the token itself is never stored. */
    .addColumn("token_hash", "text", (c) => c.primaryKey())
    .addColumn("member_id", "text", (c) => c.notNull().references("members.id"))
    .addColumn("created_at", "bigint", (c) => c.notNull())
    .addColumn("expires_at", "bigint", (c) => c.notNull())
    .addColumn("used_at", "bigint")
    .execute();
  await db.schema.createIndex("member_invites_member").on("member_invites").columns(["member_id"]).execute();

  await db.schema
    .createTable("member_sessions")
    .addColumn("id", "text", (c) => c.primaryKey())
    /** sha256 of the cookie's value. */
    .addColumn("token_hash", "text", (c) => c.notNull().unique())
    .addColumn("member_id", "text", (c) => c.notNull().references("members.id"))
    .addColumn("account_id", "text", (c) => c.notNull())
    .addColumn("mode", "text", (c) => c.notNull())
    /** The synchronizer token state-changing requests must echo in X-CSRF-Token. */
    .addColumn("csrf_token", "text", (c) => c.notNull())
    .addColumn("user_agent", "text", (c) => c.notNull())
    .addColumn("ip", "text", (c) => c.notNull())
    .addColumn("created_at", "bigint", (c) => c.notNull())
    .addColumn("last_seen_at", "bigint", (c) => c.notNull())
    .addColumn("expires_at", "bigint", (c) => c.notNull())
    .addColumn("revoked_at", "bigint")
    .execute();
  await db.schema.createIndex("member_sessions_member").on("member_sessions").columns(["member_id"]).execute();

  await dialectOf(db)
    .autoId(db.schema.createTable("sign_in_failures"))
    /** `ip:<address>` or `email:<address>`. */
    .addColumn("bucket", "text", (c) => c.notNull())
    .addColumn("at", "bigint", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("sign_in_failures_bucket_at").on("sign_in_failures").columns(["bucket", "at"]).execute();

  await dialectOf(db)
    .autoId(db.schema.createTable("activity"))
    .addColumn("account_id", "text", (c) => c.notNull())
    .addColumn("mode", "text", (c) => c.notNull())
    .addColumn("at", "bigint", (c) => c.notNull())
    /** The member who acted; null when an API key did. */
    .addColumn("member_id", "text")
    /** Who, as shown then: the member's name or the API key's prefix. */
    .addColumn("actor", "text", (c) => c.notNull())
    .addColumn("action", "text", (c) => c.notNull())
    .addColumn("task_id", "text")
    .addColumn("project", "text")
    .addColumn("detail", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("activity_task").on("activity").columns(["task_id", "at"]).execute();
  await db.schema.createIndex("activity_scope_at").on("activity").columns(["account_id", "mode", "at"]).execute();

  await db.schema.alterTable("audits").addColumn("member_id", "text").execute();
}
