import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { loadConfig } from "../config";
import { startServer } from "../main";
import { openDatabase, type Db } from "../store/db";
import type { FastifyInstance } from "fastify";
import { createTestDatabase } from "./database";

// API tests talk HTTP to a real server on an ephemeral port with a real database: a file of its
// own on SQLite, a schema of its own when the suite runs with DATABASE_URL (PostgreSQL).

export interface TestServer {
  url: string;
  dataDir: string;
  testKey: string;
  liveKey: string;
  /** The server's database, for tests that set up members (see testing/members.ts). */
  db: Db;
  app: FastifyInstance;
  /** The first admin's one-time set-password token (null when the data dir was not fresh). */
  adminInviteToken: string | null;
  /** The server's environment for the store: `DATABASE_URL` on PostgreSQL, nothing on SQLite. */
  databaseEnv: Record<string, string>;
  /** A second connection to the server's database (close it with `destroy()`). */
  openDb(): Promise<Db>;
  /** fetch against the server with a key (Basic auth, key as user name). */
  api(pathname: string, init?: RequestInit & { key?: string | null; json?: unknown; form?: string }): Promise<Response>;
  /**
   * Stops the server and drops its database (a PostgreSQL schema), unless `keepDatabase`: then a
   * restart (`...databaseEnv`) or the test reads it, and `dropDatabase()` removes it afterwards.
   */
  stop(opts?: { keepDatabase?: boolean }): Promise<void>;
  dropDatabase(): Promise<void>;
}

let counter = 0;

export function tempDataDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), `scale-test-${process.pid}-${counter++}-`));
}

export async function startTestServer(env: Record<string, string> = {}): Promise<TestServer> {
  const dataDir = env.DATA_DIR ?? tempDataDir();
  const testKey = env.SCALE_TEST_KEY ?? `test_${"t".repeat(8)}${counter}${Date.now().toString(16)}`;
  const liveKey = env.SCALE_LIVE_KEY ?? `live_${"l".repeat(8)}${counter}${Date.now().toString(16)}`;
  const database = env.DATABASE_URL ? { env: { DATABASE_URL: env.DATABASE_URL }, drop: async () => undefined } : await createTestDatabase();
  const config = loadConfig({
    PORT: "0",
    HOST: "127.0.0.1",
    DEMO_DATA: "0",
    DIST_DIR: path.join(dataDir, "no-dist"),
    RATE_LIMIT_PER_MINUTE: "0",
    // Cheap password hashes: tests hash many; the cost is stored with each hash either way.
    PASSWORD_SCRYPT_N: "1024",
    ...env,
    ...database.env,
    DATA_DIR: dataDir,
    SCALE_TEST_KEY: testKey,
    SCALE_LIVE_KEY: liveKey,
  });
  const server = await startServer(config, { quiet: true });
  const url = `http://127.0.0.1:${server.port}`;
  return {
    url,
    dataDir,
    testKey,
    liveKey,
    db: server.db,
    app: server.app,
    adminInviteToken: server.firstAdmin?.token ?? null,
    databaseEnv: database.env,
    openDb: () => openDatabase({ dataDir, databaseUrl: config.databaseUrl, poolSize: 2 }),
    api(pathname, init = {}) {
      const { key = testKey, json, form, ...rest } = init;
      const headers = new Headers(rest.headers);
      if (key) headers.set("authorization", "Basic " + Buffer.from(`${key}:`).toString("base64"));
      let body = rest.body;
      if (json !== undefined) {
        headers.set("content-type", "application/json");
        body = JSON.stringify(json);
      } else if (form !== undefined) {
        headers.set("content-type", "application/x-www-form-urlencoded");
        body = form;
      }
      const method = rest.method ?? (body !== undefined ? "POST" : "GET");
      return fetch(url + pathname, { ...rest, method, headers, body });
    },
    async stop(opts = {}) {
      await server.stop();
      if (!opts.keepDatabase) await database.drop();
    },
    dropDatabase: () => database.drop(),
  };
}
