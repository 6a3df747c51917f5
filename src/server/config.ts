import path from "node:path";
import { TASK_TYPES, type TaskType } from "../schema";

// Every setting comes from the environment, read once here; README's "Configuration" lists them.

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  /** Where the built SPA lives; served at / when present. */
  distDir: string;
  /** First-run keys for automation; generated and printed when absent. */
  testKey?: string;
  liveKey?: string;
  demoData: boolean;
  /** Requests per minute per API key; 0 turns the limiter off. */
  rateLimitPerMinute: number;
  /** Types answered with 402 "not enabled". */
  disabledTypes: TaskType[];
  /** When set, /v1 is forwarded to this Scale endpoint instead of the embedded API. */
  upstreamUrl?: string;
  /** Server-side key used when the browser sends none; never sent back to the browser. */
  serverApiKey?: string;
  /** First-run callback auth key. */
  callbackAuthKey?: string;
  /** Delay before test-mode tasks complete; 0 means "by the next request". */
  testModeDelayMs: number;
  /** How long test mode may spend reading the size of an image on another host; 0: never fetch. */
  testModeSizeTimeoutMs: number;
  /** Delays between callback attempts; the default spreads 20 attempts over 24 hours. */
  callbackRetryDelaysMs: number[];
  smtpUrl?: string;
  /** Absolute base URL used in links this server hands out (uploaded files, masks). */
  publicUrl?: string;
  /** Largest accepted request body, in bytes. */
  bodyLimit: number;
  /** OUTBOUND_PRIVATE=deny: callbacks and attachment checks also refuse loopback and private ranges. */
  outboundPrivate: "allow" | "deny";
  /** pino level of the JSON request log on stdout; "silent" turns it off. */
  logLevel: string;
  /** A separate listener for /metrics (on metricsHost, 127.0.0.1 by default). */
  metricsPort?: number;
  metricsHost: string;
  /** /metrics on the public port for `Authorization: Bearer <token>`. */
  metricsToken?: string;
  /**
   * Whose X-Forwarded-For/-Proto to believe (Fastify's trustProxy): nobody by default, so a client
   * that reaches the port directly can't pose as another address (the per-address sign-in limit).
   */
  trustProxy: boolean | string[];
  /** Whether the console accepts an API key (`#key=`) as the account's admin; members always can sign in. */
  keySignIn: boolean;
  /** The first admin member created on a fresh data dir. */
  adminEmail: string;
  /** scrypt's cost N for new password hashes (a power of two). */
  passwordScryptCost: number;
  /** `postgres://…`: the shared PostgreSQL store (several processes); SQLite in DATA_DIR when unset. */
  databaseUrl?: string;
  /** PostgreSQL connections per process. */
  databasePoolSize: number;
  /** How long a claimed background job (callback, test-mode task, attachment check) stays a process's own. */
  jobLeaseMs: number;
}

const DEFAULT_RETRY_DELAYS_MS = [
  10e3, 30e3, 60e3, 2 * 60e3, 5 * 60e3, 10 * 60e3, 15 * 60e3, 30 * 60e3, 45 * 60e3, 60 * 60e3,
  60 * 60e3, 90 * 60e3, 2 * 3600e3, 2 * 3600e3, 2 * 3600e3, 3 * 3600e3, 3 * 3600e3, 3 * 3600e3, 3 * 3600e3,
];

/** TRUST_PROXY: unset/0/false nobody, 1/true every hop, else a comma-separated list of addresses or CIDRs. */
function trustProxyFrom(raw: string | undefined): boolean | string[] {
  const value = raw?.trim() ?? "";
  if (value === "" || value === "0" || value === "false") return false;
  if (value === "1" || value === "true") return true;
  return value.split(",").map((s) => s.trim()).filter(Boolean);
}

function intFrom(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === "") return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0) throw new Error(`${name} must be a whole number (got "${raw}")`);
  return n;
}

/**
 * The proxy appends the request's own `/v1/...` to SCALE_API_URL, while the official clients'
 * base URL ends in `/v1`: accept both `https://api.scaleapi.com` and `https://api.scaleapi.com/v1`.
 */
export function upstreamBase(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    throw new Error(`SCALE_API_URL must be an http or https URL such as https://api.scaleapi.com (got "${raw}")`);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new Error(`SCALE_API_URL must be an http or https URL such as https://api.scaleapi.com (got "${raw}")`);
  }
  if (url.search || url.hash) throw new Error(`SCALE_API_URL must not carry a query or a fragment (got "${raw}")`);
  const pathname = url.pathname.replace(/\/+$/, "").replace(/\/v1$/i, "");
  return url.origin + pathname;
}

function oneOf<T extends string>(env: NodeJS.ProcessEnv, name: string, allowed: readonly T[], fallback: T): T {
  const raw = env[name];
  if (raw === undefined || raw === "") return fallback;
  if (!(allowed as readonly string[]).includes(raw)) throw new Error(`${name} must be one of ${allowed.join(", ")} (got "${raw}")`);
  return raw as T;
}

function listFrom(env: NodeJS.ProcessEnv, name: string): string[] {
  return (env[name] ?? "").split(",").map((s) => s.trim()).filter(Boolean);
}

function scryptCost(env: NodeJS.ProcessEnv): number {
  const n = intFrom(env, "PASSWORD_SCRYPT_N", 2 ** 17);
  if (n < 2 ** 10 || (n & (n - 1)) !== 0) throw new Error(`PASSWORD_SCRYPT_N must be a power of two of at least 1024 (got "${n}")`);
  return n;
}

function databaseUrlFrom(env: NodeJS.ProcessEnv): string | undefined {
  const url = env.DATABASE_URL?.trim();
  if (!url) return undefined;
  if (!/^postgres(ql)?:\/\//.test(url)) throw new Error(`DATABASE_URL must be a postgres:// URL (got "${url.split("@").pop()}")`);
  return url;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const disabledTypes = listFrom(env, "DISABLED_TASK_TYPES");
  for (const t of disabledTypes) {
    if (!(TASK_TYPES as readonly string[]).includes(t)) throw new Error(`DISABLED_TASK_TYPES: unknown task type "${t}"`);
  }
  const delays = listFrom(env, "CALLBACK_RETRY_DELAYS_MS").map((s) => {
    const n = Number(s);
    if (!Number.isFinite(n) || n < 0) throw new Error(`CALLBACK_RETRY_DELAYS_MS: "${s}" is not a delay in ms`);
    return n;
  });
  return {
    port: intFrom(env, "PORT", 8080),
    host: env.HOST || "0.0.0.0",
    dataDir: path.resolve(env.DATA_DIR || ".data"),
    distDir: path.resolve(env.DIST_DIR || "dist"),
    testKey: env.SCALE_TEST_KEY || undefined,
    liveKey: env.SCALE_LIVE_KEY || undefined,
    demoData: env.DEMO_DATA !== "0" && env.DEMO_DATA !== "false",
    rateLimitPerMinute: intFrom(env, "RATE_LIMIT_PER_MINUTE", 6000),
    disabledTypes: disabledTypes as TaskType[],
    upstreamUrl: env.SCALE_API_URL ? upstreamBase(env.SCALE_API_URL) : undefined,
    serverApiKey: env.SCALE_API_KEY || undefined,
    callbackAuthKey: env.SCALE_CALLBACK_AUTH_KEY || undefined,
    testModeDelayMs: intFrom(env, "TEST_MODE_DELAY_MS", 0),
    testModeSizeTimeoutMs: intFrom(env, "TEST_MODE_SIZE_TIMEOUT_MS", 2000),
    callbackRetryDelaysMs: delays.length ? delays : DEFAULT_RETRY_DELAYS_MS,
    smtpUrl: env.SMTP_URL || undefined,
    publicUrl: env.PUBLIC_URL ? env.PUBLIC_URL.replace(/\/+$/, "") : undefined,
    bodyLimit: intFrom(env, "BODY_LIMIT_BYTES", 20 * 1024 * 1024),
    outboundPrivate: oneOf(env, "OUTBOUND_PRIVATE", ["allow", "deny"] as const, "allow"),
    logLevel: oneOf(env, "LOG_LEVEL", ["fatal", "error", "warn", "info", "debug", "trace", "silent"] as const, "info"),
    metricsPort: env.METRICS_PORT ? intFrom(env, "METRICS_PORT", 0) : undefined,
    metricsHost: env.METRICS_HOST || "127.0.0.1",
    metricsToken: env.METRICS_TOKEN || undefined,
    trustProxy: trustProxyFrom(env.TRUST_PROXY),
    keySignIn: env.CONSOLE_KEY_SIGN_IN !== "0" && env.CONSOLE_KEY_SIGN_IN !== "false",
    adminEmail: (env.ADMIN_EMAIL || "admin@localhost").trim().toLowerCase(),
    passwordScryptCost: scryptCost(env),
    databaseUrl: databaseUrlFrom(env),
    // At least 4: start-up holds one connection for its lock while the demo seed (or the stored-URLs
    // upgrade) runs a transaction on a second and writes files to the database on a third.
    databasePoolSize: Math.max(4, intFrom(env, "DATABASE_POOL_SIZE", 10)),
    jobLeaseMs: Math.max(1000, intFrom(env, "JOB_LEASE_MS", 30_000)),
  };
}
