import type { Db } from "../store/db";
import { findPrincipal, type Principal } from "../store/accounts";
import { hashKey } from "../store/ids";

// Every /v1 request names its API key; looking it up was a query per request, as much as a
// create's own checks. Keys that resolved are remembered for KEY_CACHE_TTL_MS, by the key's hash
// (the key itself is never held as a map key). Keys are issued and revoked by `npm run keys`, a
// process of its own, so this process learns of a revocation only by asking again: a revoked key
// is refused at most KEY_CACHE_TTL_MS after `keys revoke` returns. Unknown keys are never
// remembered: a key just issued works at once, and guessed keys can't fill the cache.

export const KEY_CACHE_TTL_MS = 2_000;
const MAX_ENTRIES = 1_000;

export class KeyCache {
  private readonly entries = new Map<string, { principal: Principal; until: number }>();

  constructor(
    private readonly db: Db,
    private readonly ttlMs = KEY_CACHE_TTL_MS,
  ) {}

  /** The key's principal (the account's admin in the key's mode), or null when no active key matches. */
  async find(key: string): Promise<Principal | null> {
    const hash = hashKey(key);
    const now = Date.now();
    const hit = this.entries.get(hash);
    if (hit && hit.until > now) return { ...hit.principal };
    this.entries.delete(hash);
    const principal = await findPrincipal(this.db, key);
    if (!principal || this.ttlMs <= 0) return principal;
    if (this.entries.size >= MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(hash, { principal, until: now + this.ttlMs });
    return principal;
  }
}
