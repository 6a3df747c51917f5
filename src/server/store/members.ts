import crypto from "node:crypto";
import type { Db } from "./db";
import type { Mode, Role } from "./schema";
import { hashKey, newObjectId } from "./ids";

// Members, their invites (set-password links) and sessions. Tokens handed out (cookie values,
// invite links) are random 256-bit secrets stored only as sha256, like API keys.

export const INVITE_TTL_MS = 7 * 24 * 3600e3;
export const SESSION_TTL_MS = 14 * 24 * 3600e3;
/** last_seen_at is refreshed at most this often, so reads don't turn into writes. */
const SEEN_RESOLUTION_MS = 60e3;

export function newToken(): string {
  return crypto.randomBytes(32).toString("base64url");
}

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** Every column but the password hash, which never leaves this module's callers' checks. */
const PUBLIC_COLUMNS = ["id", "account_id", "name", "email", "role", "created_at", "removed_at"] as const;

export async function findMemberByEmail(db: Db, email: string) {
  return db.selectFrom("members").selectAll().where("email", "=", normalizeEmail(email)).where("removed_at", "is", null).executeTakeFirst();
}

export async function getMember(db: Db, accountId: string, id: string) {
  return db.selectFrom("members").select(PUBLIC_COLUMNS).select((eb) => eb("password_hash", "is not", null).as("has_password"))
    .where("account_id", "=", accountId).where("id", "=", id).where("removed_at", "is", null).executeTakeFirst();
}

export async function listMembers(db: Db, accountId: string) {
  return db
    .selectFrom("members as m")
    .select(["m.id", "m.name", "m.email", "m.role", "m.created_at"])
    .select((eb) => [
      eb("m.password_hash", "is not", null).as("has_password"),
      eb.selectFrom("member_sessions as s").select((e) => e.fn.max("s.last_seen_at").as("x")).whereRef("s.member_id", "=", "m.id").as("last_seen_at"),
    ])
    .where("m.account_id", "=", accountId)
    .where("m.removed_at", "is", null)
    .orderBy("m.created_at", "asc")
    .execute();
}

export async function countAdmins(db: Db, accountId: string): Promise<number> {
  const r = await db.selectFrom("members").select((eb) => eb.fn.countAll<number>().as("n"))
    .where("account_id", "=", accountId).where("role", "=", "admin").where("removed_at", "is", null).executeTakeFirstOrThrow();
  return Number(r.n);
}

export async function insertMember(db: Db, accountId: string, m: { name: string; email: string; role: Role }): Promise<string> {
  const id = newObjectId();
  await db.insertInto("members").values({ id, account_id: accountId, name: m.name.trim(), email: normalizeEmail(m.email), role: m.role, password_hash: null, created_at: Date.now(), removed_at: null }).execute();
  return id;
}

/** A fresh set-password link for the member; earlier unused links stop working. */
export async function createInvite(db: Db, memberId: string, ttlMs = INVITE_TTL_MS): Promise<{ token: string; expiresAt: number }> {
  const token = newToken();
  const now = Date.now();
  await db.transaction().execute(async (tx) => {
    await tx.updateTable("member_invites").set({ used_at: now }).where("member_id", "=", memberId).where("used_at", "is", null).execute();
    await tx.insertInto("member_invites").values({ token_hash: hashKey(token), member_id: memberId, created_at: now, expires_at: now + ttlMs, used_at: null }).execute();
  });
  return { token, expiresAt: now + ttlMs };
}

/** The member an unused, unexpired invite token belongs to. */
export async function findInvite(db: Db, token: string) {
  return db
    .selectFrom("member_invites as i")
    .innerJoin("members as m", "m.id", "i.member_id")
    .select(["i.token_hash", "i.expires_at", "m.id as member_id", "m.account_id", "m.name", "m.email", "m.role"])
    .where("i.token_hash", "=", hashKey(token))
    .where("i.used_at", "is", null)
    .where("i.expires_at", ">", Date.now())
    .where("m.removed_at", "is", null)
    .executeTakeFirst();
}

/** Uses the invite once: sets the password and ends the member's other sessions. False if already used. */
export async function acceptInvite(db: Db, tokenHash: string, memberId: string, passwordHash: string): Promise<boolean> {
  return db.transaction().execute(async (tx) => {
    const now = Date.now();
    const used = await tx.updateTable("member_invites").set({ used_at: now }).where("token_hash", "=", tokenHash).where("used_at", "is", null).executeTakeFirst();
    if (Number(used.numUpdatedRows) !== 1) return false;
    await tx.updateTable("members").set({ password_hash: passwordHash }).where("id", "=", memberId).execute();
    await tx.updateTable("member_sessions").set({ revoked_at: now }).where("member_id", "=", memberId).where("revoked_at", "is", null).execute();
    return true;
  });
}

/** Ends every session and unused invite of a member; with `remove`, the member is gone too. */
export async function lockOutMember(db: Db, memberId: string, opts: { remove?: boolean; clearPassword?: boolean }): Promise<void> {
  const now = Date.now();
  await db.transaction().execute(async (tx) => {
    await tx.updateTable("member_sessions").set({ revoked_at: now }).where("member_id", "=", memberId).where("revoked_at", "is", null).execute();
    await tx.updateTable("member_invites").set({ used_at: now }).where("member_id", "=", memberId).where("used_at", "is", null).execute();
    if (opts.remove) await tx.updateTable("members").set({ removed_at: now, password_hash: null }).where("id", "=", memberId).execute();
    else if (opts.clearPassword) await tx.updateTable("members").set({ password_hash: null }).where("id", "=", memberId).execute();
  });
}

export async function createSession(db: Db, m: { memberId: string; accountId: string; mode: Mode; userAgent: string; ip: string }) {
  const token = newToken();
  const now = Date.now();
  const row = {
    id: newObjectId(now),
    token_hash: hashKey(token),
    member_id: m.memberId,
    account_id: m.accountId,
    mode: m.mode,
    csrf_token: newToken(),
    user_agent: m.userAgent.slice(0, 300),
    ip: m.ip,
    created_at: now,
    last_seen_at: now,
    expires_at: now + SESSION_TTL_MS,
    revoked_at: null,
  };
  await db.insertInto("member_sessions").values(row).execute();
  return { token, session: row };
}

/** The live session a cookie value stands for, with its member (never a removed one). */
export async function findSession(db: Db, token: string) {
  const now = Date.now();
  const row = await db
    .selectFrom("member_sessions as s")
    .innerJoin("members as m", "m.id", "s.member_id")
    .select(["s.id", "s.account_id", "s.mode", "s.csrf_token", "s.last_seen_at", "m.id as member_id", "m.name", "m.email", "m.role"])
    .where("s.token_hash", "=", hashKey(token))
    .where("s.revoked_at", "is", null)
    .where("s.expires_at", ">", now)
    .where("m.removed_at", "is", null)
    .executeTakeFirst();
  if (row && now - row.last_seen_at > SEEN_RESOLUTION_MS) {
    await db.updateTable("member_sessions").set({ last_seen_at: now }).where("id", "=", row.id).execute();
  }
  return row;
}

export async function listSessions(db: Db, memberId: string) {
  return db
    .selectFrom("member_sessions")
    .select(["id", "user_agent", "ip", "created_at", "last_seen_at", "expires_at"])
    .where("member_id", "=", memberId)
    .where("revoked_at", "is", null)
    .where("expires_at", ">", Date.now())
    .orderBy("last_seen_at", "desc")
    .execute();
}

export async function revokeSession(db: Db, memberId: string, sessionId: string): Promise<boolean> {
  const r = await db.updateTable("member_sessions").set({ revoked_at: Date.now() })
    .where("id", "=", sessionId).where("member_id", "=", memberId).where("revoked_at", "is", null).executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

export async function setSessionMode(db: Db, sessionId: string, mode: Mode): Promise<void> {
  await db.updateTable("member_sessions").set({ mode }).where("id", "=", sessionId).execute();
}
