import type { Db } from "./db";
import type { Mode, Role } from "./schema";
import { hashKey, newObjectId, newSecret } from "./ids";

/** Who a request acts as: an API key (the account's admin) or a signed-in member. */
export interface Principal {
  accountId: string;
  mode: Mode;
  role: Role;
  /** The API key used, when one was. */
  keyId: string | null;
  /** Who, as recorded in audits and activity: the member's name, or the key's prefix (never the key). */
  actor: string;
  member: { id: string; name: string; email: string } | null;
  /** The member's console session, with the token state-changing requests must echo. */
  session: { id: string; csrfToken: string } | null;
}

export function modeOfKey(key: string): Mode | null {
  if (key.startsWith("test_")) return "test";
  if (key.startsWith("live_")) return "live";
  return null;
}

export function generateKey(mode: Mode): string {
  return newSecret(`${mode}_`);
}

export async function createAccount(db: Db, name: string, callbackAuthKey?: string): Promise<string> {
  const id = newObjectId();
  await db
    .insertInto("accounts")
    .values({
      id,
      name,
      callback_auth_key: callbackAuthKey ?? newSecret("", 24),
      default_callback_url: null,
      created_at: Date.now(),
    })
    .execute();
  return id;
}

/** Stores a key (hashed) for an account; its mode comes from its prefix. */
export async function addKey(db: Db, accountId: string, key: string): Promise<void> {
  const mode = modeOfKey(key);
  if (!mode) throw new Error('API keys must start with "test_" or "live_"');
  await db
    .insertInto("api_keys")
    .values({
      id: newObjectId(),
      account_id: accountId,
      key_hash: hashKey(key),
      key_prefix: key.slice(0, 12),
      mode,
      created_at: Date.now(),
      revoked_at: null,
    })
    .execute();
}

export async function findPrincipal(db: Db, key: string): Promise<Principal | null> {
  const row = await db
    .selectFrom("api_keys")
    .select(["id", "account_id", "mode", "key_prefix"])
    .where("key_hash", "=", hashKey(key))
    .where("revoked_at", "is", null)
    .executeTakeFirst();
  if (!row) return null;
  return { accountId: row.account_id, mode: row.mode, role: "admin", keyId: row.id, actor: row.key_prefix, member: null, session: null };
}

export async function revokeKey(db: Db, key: string): Promise<boolean> {
  const r = await db
    .updateTable("api_keys")
    .set({ revoked_at: Date.now() })
    .where("key_hash", "=", hashKey(key))
    .where("revoked_at", "is", null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

export async function getAccount(db: Db, accountId: string) {
  return db.selectFrom("accounts").selectAll().where("id", "=", accountId).executeTakeFirstOrThrow();
}

export async function countAccounts(db: Db): Promise<number> {
  const r = await db.selectFrom("accounts").select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow();
  return Number(r.n);
}
