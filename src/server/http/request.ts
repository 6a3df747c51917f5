import type { Scope } from "../store/tasks";

// What every handler reads off a request that passed the gate (http/auth.ts).

/** The account and mode a request acts in: every query is scoped by it. */
export function scopeOf(req: { principal: { accountId: string; mode: "test" | "live" } }): Scope {
  return { accountId: req.principal.accountId, mode: req.principal.mode };
}

/** The origin a request reached us by (behind a proxy: the forwarded one), for recognising our own URLs. */
export function requestOrigin(req: { protocol: string; host: string }): string {
  return `${req.protocol}://${req.host}`;
}
