import type { Config } from "../config";
import type { Db } from "../store/db";
import { createInvite, insertMember } from "../store/members";

// A fresh data dir gets its first admin member (ADMIN_EMAIL, default admin@localhost) and a
// one-time set-password link, printed beside the key link. Later starts print nothing new: a
// lost link is replaced with `npm run keys -- reset-password --email ...`.

export interface FirstAdmin {
  email: string;
  /** The invite token, present only on the start that created the admin. */
  token: string | null;
  /** True while the admin has not set a password. */
  invited: boolean;
}

export async function ensureFirstAdmin(db: Db, config: Config): Promise<FirstAdmin | null> {
  const account = await db.selectFrom("accounts").select("id").orderBy("created_at", "asc").limit(1).executeTakeFirst();
  if (!account) return null;
  const anyone = await db.selectFrom("members").select("id").where("account_id", "=", account.id).limit(1).executeTakeFirst();
  if (!anyone) {
    const id = await insertMember(db, account.id, { name: "Admin", email: config.adminEmail, role: "admin" });
    const { token } = await createInvite(db, id);
    return { email: config.adminEmail, token, invited: true };
  }
  const admin = await db.selectFrom("members").select(["email", "password_hash"])
    .where("account_id", "=", account.id).where("role", "=", "admin").where("removed_at", "is", null)
    .orderBy("created_at", "asc").limit(1).executeTakeFirst();
  return admin ? { email: admin.email, token: null, invited: admin.password_hash === null } : null;
}
