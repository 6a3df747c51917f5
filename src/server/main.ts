import type { Writable } from "node:stream";
import { loadConfig, type Config } from "./config";
import { openDatabase } from "./store/db";
import { openBlobStore } from "./store/blobs";
import { dialectOf } from "./store/dialects";
import { buildApp } from "./http/app";
import { startMetricsServer } from "./routes/metrics";
import { ensureFirstAccount, KEYS_FILE, type FirstRunKeys } from "./bootstrap";
import { createLifecycle } from "./lifecycle";
import { HostedUrls } from "./hosted-urls";
import { Metrics } from "./metrics";

export interface StartOptions {
  /** No banner and no request log (tests, benchmarks) unless a logStream is given. */
  quiet?: boolean;
  /** Where the JSON request log goes instead of stdout (tests). */
  logStream?: Writable;
}
import { ensureFirstAdmin, type FirstAdmin } from "./accounts/first-admin";
import { inviteLink } from "./accounts/invites";

/** Starts the whole system in this process: API (or proxy), SPA, files, lifecycle workers. */
export async function startServer(config: Config = loadConfig(), options: StartOptions = {}) {
  const db = await openDatabase({ dataDir: config.dataDir, databaseUrl: config.databaseUrl, poolSize: config.databasePoolSize });
  // Processes starting together on one PostgreSQL must agree on who creates the first account.
  const keys = await dialectOf(db).exclusive(db, () => ensureFirstAccount(db, config));
  const blobs = openBlobStore(db, config.dataDir);
  const admin = await dialectOf(db).exclusive(db, () => ensureFirstAdmin(db, config));
  const urls = new HostedUrls(config);
  const metrics = new Metrics();
  const lifecycle = createLifecycle({ db, config, urls, blobs, metrics });
  let closing = false;
  const app = await buildApp({
    config,
    db,
    urls,
    blobs,
    hooks: lifecycle.hooks,
    extraRoutes: lifecycle.routes,
    complete: lifecycle.complete,
    metrics,
    logLevel: options.quiet && !options.logStream ? "silent" : config.logLevel,
    logStream: options.logStream,
    isClosing: () => closing,
  });
  await lifecycle.start();
  if (config.demoData && !config.upstreamUrl) await lifecycle.seedDemoDataIfEmpty();
  await app.listen({ port: config.port, host: config.host });
  const metricsServer = config.metricsPort !== undefined ? await startMetricsServer(metrics, config.metricsPort, config.metricsHost) : null;
  const address = app.server.address();
  const port = typeof address === "object" && address ? address.port : config.port;
  const url = config.publicUrl ?? `http://localhost:${port}`;
  if (!options.quiet) printBanner(url, config, keys, admin);
  let stopping: Promise<void> | null = null;
  /**
   * Graceful stop, in dependency order: refuse new connections and let the requests in flight
   * answer (Fastify's close waits for them; new requests on kept-alive connections get 503),
   * then the background work (deliveries in flight finish or are released), then the database.
   */
  const stop = () =>
    (stopping ??= (async () => {
      closing = true;
      await app.close();
      await lifecycle.stop();
      await metricsServer?.close();
      await db.destroy();
    })());
  return { app, db, port, url, metricsPort: metricsServer?.port ?? null, stop, firstAdmin: admin };
}

/** How long a SIGTERM waits for requests and deliveries in flight before giving up. */
const SHUTDOWN_GRACE_MS = 25_000;

/**
 * `npm start` and `tsx src/server/main.ts`: start, and stop gracefully on SIGTERM/SIGINT, exiting
 * 0 once everything is closed (1 when the grace period runs out; a second signal exits at once).
 */
export async function runFromCommandLine(): Promise<void> {
  let server: Awaited<ReturnType<typeof startServer>>;
  try {
    server = await startServer();
  } catch (err) {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  }
  let signalled = false;
  const shutdown = (signal: string) => {
    if (signalled) process.exit(1);
    signalled = true;
    server.app.log.info({ signal }, "shutting down");
    setTimeout(() => {
      console.error(`shutdown: still busy after ${SHUTDOWN_GRACE_MS} ms, exiting`);
      process.exit(1);
    }, SHUTDOWN_GRACE_MS).unref();
    server.stop().then(
      () => process.exit(0),
      (err: unknown) => {
        console.error("shutdown:", err instanceof Error ? err.message : err);
        process.exit(1);
      },
    );
  };
  process.on("SIGINT", () => shutdown("SIGINT"));
  process.on("SIGTERM", () => shutdown("SIGTERM"));
}

function printBanner(url: string, config: Config, keys: FirstRunKeys | null, admin: FirstAdmin | null): void {
  const lines = [
    "",
    `  Scale Workbench is running at ${url}`,
    config.upstreamUrl ? `  API: proxied to ${config.upstreamUrl}` : `  API: embedded, ${url}/v1 (data in ${config.dataDir})`,
  ];
  // Secrets (keys, the first admin's one-time link) go to a terminal only: when stdout is a file
  // or a log collector, the log must hold none.
  const terminal = process.stdout.isTTY;
  if (admin?.token && terminal) {
    lines.push(`  First admin (${admin.email}), set your password (one-time link, 7 days):  ${inviteLink(url, admin.token)}`);
  } else if (admin?.token || admin?.invited) {
    lines.push(`  The admin ${admin.email} has no password yet; a sign-in link:  npm run keys -- reset-password --email ${admin.email}`);
  }
  if (keys && !terminal) {
    lines.push(`  Keys: in ${config.dataDir}/${KEYS_FILE} (not printed: stdout is not a terminal)`);
  } else if (keys) {
    lines.push(
      `  Open the console (live key):  ${url}/#key=${keys.live_key}`,
      `  Test key:  ${keys.test_key}`,
      `  Live key:  ${keys.live_key}`,
      `  (kept in ${config.dataDir}/${KEYS_FILE}, readable by you only)`,
    );
  } else if (!config.upstreamUrl) {
    lines.push("  Issue a key with:  npm run keys -- issue --mode live");
  }
  console.log(lines.join("\n") + "\n");
}

const isEntry = process.argv[1] && /src[\\/]server[\\/]main\.ts$/.test(process.argv[1]);
if (isEntry || process.env.SCALE_WORKBENCH_MAIN === "1") void runFromCommandLine();
