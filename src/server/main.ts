import { loadConfig, type Config } from "./config";
import { openDatabase } from "./store/db";
import { openBlobStore } from "./store/blobs";
import { dialectOf } from "./store/dialects";
import { buildApp } from "./http/app";
import { ensureFirstAccount, KEYS_FILE, type FirstRunKeys } from "./bootstrap";
import { createLifecycle } from "./lifecycle";

/** Starts the whole system in this process: API (or proxy), SPA, files, lifecycle workers. */
export async function startServer(config: Config = loadConfig(), options: { quiet?: boolean } = {}) {
  const db = await openDatabase({ dataDir: config.dataDir, databaseUrl: config.databaseUrl, poolSize: config.databasePoolSize });
  // Processes starting together on one PostgreSQL must agree on who creates the first account.
  const keys = await dialectOf(db).exclusive(db, () => ensureFirstAccount(db, config));
  const blobs = openBlobStore(db, config.dataDir);
  const lifecycle = createLifecycle({ db, config, blobs });
  const app = await buildApp({ config, db, blobs, hooks: lifecycle.hooks, extraRoutes: lifecycle.routes });
  await lifecycle.start();
  if (config.demoData && !config.upstreamUrl) await lifecycle.seedDemoDataIfEmpty();
  await app.listen({ port: config.port, host: config.host });
  const address = app.server.address();
  const port = typeof address === "object" && address ? address.port : config.port;
  const url = config.publicUrl ?? `http://localhost:${port}`;
  if (!options.quiet) printBanner(url, config, keys);
  const stop = async () => {
    await lifecycle.stop();
    await app.close();
    await db.destroy();
  };
  return { app, db, port, url, stop };
}

function printBanner(url: string, config: Config, keys: FirstRunKeys | null): void {
  const lines = [
    "",
    `  Scale Workbench is running at ${url}`,
    config.upstreamUrl ? `  API: proxied to ${config.upstreamUrl}` : `  API: embedded, ${url}/v1 (data in ${config.dataDir})`,
  ];
  if (keys) {
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
if (isEntry || process.env.SCALE_WORKBENCH_MAIN === "1") {
  startServer().then(
    ({ stop }) => {
      const shutdown = () => void stop().then(() => process.exit(0));
      process.on("SIGINT", shutdown);
      process.on("SIGTERM", shutdown);
    },
    (err: unknown) => {
      console.error(err instanceof Error ? err.message : err);
      process.exit(1);
    },
  );
}
