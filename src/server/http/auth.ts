import crypto from "node:crypto";
import type { FastifyReply, FastifyRequest } from "fastify";
import { parse as parseCookies, serialize as serializeCookie } from "cookie";
import type { Config } from "../config";
import type { Db } from "../store/db";
import type { Principal } from "../store/accounts";
import type { KeyCache } from "./key-cache";
import { findSession, SESSION_TTL_MS } from "../store/members";
import { upstreamKeyPrincipal } from "../accounts/upstream-key";
import { ENDPOINT_ACCESS, matchEndpoint, roleMay, type Endpoint } from "../accounts/roles";
import { ApiError } from "./errors";

// Who is calling, and may they? One onRequest hook for /v1 and /console-api: an API key (HTTP
// Basic, as the official clients send it) acts as the account's admin; a console session cookie
// acts as its member, whose role must be allowed by the endpoint table (accounts/roles.ts), and
// whose state-changing requests must come from this origin and echo the session's CSRF token.

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

/** Secure cookies when this server is reached over HTTPS (directly, via a proxy, or per PUBLIC_URL). */
export function isSecure(req: FastifyRequest, config: Config): boolean {
  return req.protocol === "https" || Boolean(config.publicUrl?.startsWith("https:"));
}

/** `__Host-` pins a secure cookie to this host and path /; plain HTTP can't use the prefix. */
export function sessionCookieName(secure: boolean): string {
  return secure ? "__Host-sw_session" : "sw_session";
}

export function sessionTokenFromRequest(req: FastifyRequest, config: Config): string | null {
  const header = req.headers.cookie;
  if (!header) return null;
  return parseCookies(header)[sessionCookieName(isSecure(req, config))] ?? null;
}

export function setSessionCookie(req: FastifyRequest, reply: FastifyReply, config: Config, token: string | null): void {
  const secure = isSecure(req, config);
  const value = serializeCookie(sessionCookieName(secure), token ?? "", {
    httpOnly: true,
    // Strict: the cookie never rides on a request another site starts, not even a top-level link.
    sameSite: "strict",
    secure,
    path: "/",
    maxAge: token ? Math.floor(SESSION_TTL_MS / 1000) : 0,
  });
  reply.header("set-cookie", value);
}

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * A browser's state-changing request must come from this origin: its Origin header (or, when a
 * browser leaves that out, Sec-Fetch-Site) must name us. Clients that send neither are not
 * browsers and carry no ambient cookie a third-party page could ride on.
 */
export function fromThisOrigin(req: FastifyRequest, config: Config): boolean {
  const origin = req.headers.origin;
  if (origin) {
    const own = [`${req.protocol}://${req.host}`];
    if (config.publicUrl) own.push(new URL(config.publicUrl).origin);
    return own.includes(origin);
  }
  const site = req.headers["sec-fetch-site"];
  return site === undefined || site === "same-origin" || site === "none";
}

function tokensEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && crypto.timingSafeEqual(x, y);
}

function describeEndpoint(endpoint: Endpoint): string {
  const access = ENDPOINT_ACCESS[endpoint];
  return typeof access === "string" ? endpoint : `${endpoint} is for ${access.join(", ")}`;
}

/** Resolves a session cookie to its member's principal; null when there is none or it ended. */
export async function sessionPrincipal(req: FastifyRequest, db: Db, config: Config): Promise<Principal | null> {
  const token = sessionTokenFromRequest(req, config);
  if (!token) return null;
  const s = await findSession(db, token);
  if (!s) return null;
  return {
    accountId: s.account_id,
    mode: s.mode,
    role: s.role,
    keyId: null,
    actor: s.name,
    member: { id: s.member_id, name: s.name, email: s.email },
    session: { id: s.id, csrfToken: s.csrf_token },
  };
}

export interface Guarded {
  /** True when the request carries an API key for the upstream (proxy mode): forward it as is. */
  upstreamKey: boolean;
}

/**
 * The one gate every /v1 and /console-api request passes. Throws 401 (no or bad credentials) or
 * 403 (role, origin or CSRF token refused) before any handler runs, so a refused request changes nothing.
 */
export async function guardRequest(req: FastifyRequest, db: Db, config: Config, keys: KeyCache): Promise<Guarded> {
  const path = req.url.split("?")[0];
  const endpoint = matchEndpoint(req.method, path);
  const access = endpoint ? ENDPOINT_ACCESS[endpoint] : null;
  const changes = !SAFE_METHODS.has(req.method);
  const isV1 = path === "/v1" || path.startsWith("/v1/");

  if (access === "public") {
    if (changes && !fromThisOrigin(req, config)) throw new ApiError(403, "this request came from another site and was refused");
    return { upstreamKey: false };
  }

  const key = keyFromRequest(req);
  if (key) {
    // Through the proxy a key is the upstream's to judge; this server never spends it for anyone else.
    if (isV1 && config.upstreamUrl) return { upstreamKey: true };
    const principal = (await keys.find(key)) ?? (config.upstreamUrl ? await upstreamKeyPrincipal(db, config.upstreamUrl, key) : null);
    if (!principal) throw new ApiError(401, "invalid API key");
    if (!isV1 && !config.keySignIn) {
      throw new ApiError(403, "signing into the console with an API key is turned off on this server; sign in as a member");
    }
    req.principal = principal;
    return { upstreamKey: false };
  }

  const principal = await sessionPrincipal(req, db, config);
  if (!principal) {
    const hadCookie = Boolean(sessionTokenFromRequest(req, config));
    throw new ApiError(
      401,
      hadCookie
        ? "your session has ended; sign in again"
        : 'sign in first: send an API key as the HTTP Basic user name (curl -u "test_...:") or sign into the console',
    );
  }
  if (changes) {
    if (!fromThisOrigin(req, config)) throw new ApiError(403, "this request came from another site and was refused");
    const sent = req.headers["x-csrf-token"];
    if (typeof sent !== "string" || !tokensEqual(sent, principal.session!.csrfToken)) {
      throw new ApiError(403, "missing or wrong X-CSRF-Token header; reload the console and try again");
    }
  }
  if (!endpoint) {
    throw new ApiError(config.upstreamUrl ? 403 : 404, `no such console endpoint: ${req.method} ${path}`);
  }
  if (!roleMay(principal.role, endpoint)) {
    throw new ApiError(403, `your role (${principal.role}) may not do this: ${describeEndpoint(endpoint)}`);
  }
  req.principal = principal;
  return { upstreamKey: false };
}
