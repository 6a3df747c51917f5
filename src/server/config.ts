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
  /** Delays between callback attempts; the default spreads 20 attempts over 24 hours. */
  callbackRetryDelaysMs: number[];
  smtpUrl?: string;
  /** Absolute base URL used in links this server hands out (uploaded files, masks). */
  publicUrl?: string;
  /** Largest accepted request body, in bytes. */
  bodyLimit: number;
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

function intFrom(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === "") return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0) throw new Error(`${name} must be a whole number (got "${raw}")`);
  return n;
}

function listFrom(env: NodeJS.ProcessEnv, name: string): string[] {
  return (env[name] ?? "").split(",").map((s) => s.trim()).filter(Boolean);
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
    upstreamUrl: env.SCALE_API_URL ? env.SCALE_API_URL.replace(/\/+$/, "") : undefined,
    serverApiKey: env.SCALE_API_KEY || undefined,
    callbackAuthKey: env.SCALE_CALLBACK_AUTH_KEY || undefined,
    testModeDelayMs: intFrom(env, "TEST_MODE_DELAY_MS", 0),
    callbackRetryDelaysMs: delays.length ? delays : DEFAULT_RETRY_DELAYS_MS,
    smtpUrl: env.SMTP_URL || undefined,
    publicUrl: env.PUBLIC_URL ? env.PUBLIC_URL.replace(/\/+$/, "") : undefined,
    bodyLimit: intFrom(env, "BODY_LIMIT_BYTES", 20 * 1024 * 1024),
    databaseUrl: databaseUrlFrom(env),
    databasePoolSize: Math.max(2, intFrom(env, "DATABASE_POOL_SIZE", 10)),
    jobLeaseMs: Math.max(1000, intFrom(env, "JOB_LEASE_MS", 30_000)),
  };
}
