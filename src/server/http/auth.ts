import type { FastifyRequest } from "fastify";
import type { Db } from "../store/db";
import { findPrincipal, type Principal } from "../store/accounts";
import { ApiError } from "./errors";

declare module "fastify" {
  interface FastifyRequest {
    principal: Principal;
  }
}

/** The API key from HTTP Basic auth: the user name, with an empty (ignored) password. */
export function keyFromRequest(req: FastifyRequest): string | null {
  const header = req.headers.authorization;
  if (!header) return null;
  const m = /^Basic\s+(.+)$/i.exec(header.trim());
  if (!m) return null;
  const decoded = Buffer.from(m[1], "base64").toString("utf8");
  const colon = decoded.indexOf(":");
  const key = colon === -1 ? decoded : decoded.slice(0, colon);
  return key || null;
}

/**
 * Resolves the request's key to an account and a mode, or answers 401. A request without a key
 * uses the server-side key when one is configured (it never travels back to the browser).
 */
export async function authenticate(req: FastifyRequest, db: Db, serverKey: string | undefined): Promise<void> {
  const key = keyFromRequest(req) ?? serverKey ?? null;
  if (!key) {
    throw new ApiError(401, 'no API key: send your key as the HTTP Basic user name, e.g. curl -u "test_...:"');
  }
  const principal = await findPrincipal(db, key);
  if (!principal) throw new ApiError(401, "invalid API key");
  req.principal = principal;
}
