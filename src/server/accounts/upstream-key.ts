import crypto from "node:crypto";
import type { Db } from "../store/db";
import { modeOfKey, type Principal } from "../store/accounts";

// Proxy mode: the console's key sign-in takes keys of the upstream, which this server can't
// check itself. A key the upstream accepts (a cheap `GET /v1/tasks?limit=1`) acts as the admin of
// this console's first account, as a local key does. Answers are remembered for a minute so the
// console's calls don't each cost an upstream round trip.

const TTL_MS = 60_000;
const verdicts = new Map<string, { ok: boolean; until: number }>();

async function upstreamAccepts(upstream: string, key: string): Promise<boolean> {
  const id = crypto.createHash("sha256").update(key).digest("hex");
  const known = verdicts.get(id);
  if (known && known.until > Date.now()) return known.ok;
  let ok = false;
  try {
    const res = await fetch(`${upstream}/v1/tasks?limit=1`, {
      headers: { authorization: "Basic " + Buffer.from(`${key}:`).toString("base64"), accept: "application/json" },
    });
    ok = res.status === 200;
  } catch {
    ok = false;
  }
  if (verdicts.size > 1000) verdicts.clear();
  verdicts.set(id, { ok, until: Date.now() + TTL_MS });
  return ok;
}

/** The principal an upstream key stands for in this console, or null when the upstream refuses it. */
export async function upstreamKeyPrincipal(db: Db, upstream: string, key: string): Promise<Principal | null> {
  const mode = modeOfKey(key);
  if (!mode || !(await upstreamAccepts(upstream, key))) return null;
  const account = await db.selectFrom("accounts").select("id").orderBy("created_at", "asc").limit(1).executeTakeFirst();
  if (!account) return null;
  return { accountId: account.id, mode, role: "admin", keyId: null, actor: key.slice(0, 12), member: null, session: null };
}
