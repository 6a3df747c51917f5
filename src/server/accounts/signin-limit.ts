import type { Db } from "../store/db";

// Failed sign-ins are counted per address and per e-mail (whether or not a member has it, so the
// answer can't tell) in the database, so every server process shares the counts. Past the limit
// a sign-in is refused with 429 before the password is even checked.

export const WINDOW_MS = 15 * 60e3;
export const MAX_FAILURES_PER_EMAIL = 5;
export const MAX_FAILURES_PER_ADDRESS = 30;

function buckets(ip: string, email: string) {
  return { ip: `ip:${ip}`, email: `email:${email.trim().toLowerCase()}` };
}

async function failuresSince(db: Db, bucket: string, since: number): Promise<{ n: number; oldest: number | null }> {
  const r = await db
    .selectFrom("sign_in_failures")
    .select((eb) => [eb.fn.countAll<number>().as("n"), eb.fn.min("at").as("oldest")])
    .where("bucket", "=", bucket)
    .where("at", ">", since)
    .executeTakeFirstOrThrow();
  return { n: Number(r.n), oldest: r.oldest === null ? null : Number(r.oldest) };
}

/** Seconds to wait before another attempt, or 0 when one is allowed now. */
export async function signInBlockedFor(db: Db, ip: string, email: string): Promise<number> {
  const now = Date.now();
  const b = buckets(ip, email);
  const since = now - WINDOW_MS;
  let wait = 0;
  for (const [bucket, max] of [[b.email, MAX_FAILURES_PER_EMAIL], [b.ip, MAX_FAILURES_PER_ADDRESS]] as const) {
    const { n, oldest } = await failuresSince(db, bucket, since);
    if (n >= max && oldest !== null) wait = Math.max(wait, Math.ceil((oldest + WINDOW_MS - now) / 1000));
  }
  return wait;
}

export async function recordSignInFailure(db: Db, ip: string, email: string): Promise<void> {
  const now = Date.now();
  const b = buckets(ip, email);
  await db.insertInto("sign_in_failures").values([{ bucket: b.ip, at: now }, { bucket: b.email, at: now }]).execute();
  // Old rows are worthless; trimming them here keeps the table small without a timer.
  await db.deleteFrom("sign_in_failures").where("at", "<", now - WINDOW_MS).execute();
}

/** A successful sign-in forgives the account's failures (not the address's). */
export async function clearSignInFailures(db: Db, email: string): Promise<void> {
  await db.deleteFrom("sign_in_failures").where("bucket", "=", buckets("", email).email).execute();
}
