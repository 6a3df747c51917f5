import { loadConfig, type Config } from "./config";
import { openDatabase } from "./store/db";
import { buildApp } from "./http/app";
import { ensureFirstAccount, KEYS_FILE, type FirstRunKeys } from "./bootstrap";
import { createLifecycle } from "./lifecycle";
import { ensureFirstAdmin, type FirstAdmin } from "./members/first-admin";
import { inviteLink } from "./members/invites";

/** Starts the whole system in this process: API (or proxy), SPA, files, lifecycle workers. */
export async function startServer(config: Config = loadConfig(), options: { quiet?: boolean } = {}) {
  const db = await openDatabase(config.dataDir);
  const keys = await ensureFirstAccount(db, config);
  const admin = await ensureFirstAdmin(db, config);
  const lifecycle = createLifecycle({ db, config });
  const app = await buildApp({ config, db, hooks: lifecycle.hooks, extraRoutes: lifecycle.routes });
  await lifecycle.start();
  if (config.demoData && !config.upstreamUrl) await lifecycle.seedDemoDataIfEmpty();
  await app.listen({ port: config.port, host: config.host });
  const address = app.server.address();
  const port = typeof address === "object" && address ? address.port : config.port;
  const url = config.publicUrl ?? `http://localhost:${port}`;
  if (!options.quiet) printBanner(url, config, keys, admin);
  const stop = async () => {
    await lifecycle.stop();
    await app.close();
    await db.destroy();
  };
  return { app, db, port, url, stop, firstAdmin: admin };
}

function printBanner(url: string, config: Config, keys: FirstRunKeys | null, admin: FirstAdmin | null): void {
  const lines = [
    "",
    `  Scale Workbench is running at ${url}`,
    config.upstreamUrl ? `  API: proxied to ${config.upstreamUrl}` : `  API: embedded, ${url}/v1 (data in ${config.dataDir})`,
  ];
  if (admin?.token) {
    lines.push(`  First admin (${admin.email}), set your password (one-time link, 7 days):  ${inviteLink(url, admin.token)}`);
  } else if (admin?.invited) {
    lines.push(`  The admin ${admin.email} has no password yet; new link:  npm run keys -- reset-password --email ${admin.email}`);
  }
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
