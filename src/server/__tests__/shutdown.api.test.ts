import type { ChildProcess } from "node:child_process";
import http from "node:http";
import path from "node:path";
import SQLite from "better-sqlite3";
import { PNG } from "pngjs";
import { afterAll, describe, expect, it } from "vitest";
import { tempDataDir } from "../testing/harness";
import { createTestDatabase, testDatabaseUrl } from "../testing/database";
import { openDatabase } from "../store/db";
import { openBlobStore } from "../store/blobs";
import { freePort, spawnServer } from "../testing/processes";

// Graceful shutdown, from outside: the server is a child process; SIGTERM arrives while an upload
// is half-sent. The upload still completes (201, file on disk), new connections are refused, the
// database is closed cleanly, and the process exits 0.

describe("graceful shutdown", () => {
  const children: ChildProcess[] = [];
  afterAll(() => {
    for (const c of children) if (c.exitCode === null) c.kill("SIGKILL");
  });

  it("on SIGTERM finishes the request in flight, then exits 0", async () => {
    const port = await freePort();
    const dataDir = tempDataDir();
    const key = `test_term${Date.now().toString(16)}`;
    // A schema of its own when the suite runs on PostgreSQL, nothing on SQLite.
    const database = await createTestDatabase();
    const child = spawnServer(
      {
        ...process.env,
        ...database.env,
        DATA_DIR: dataDir,
        PORT: String(port),
        HOST: "127.0.0.1",
        SCALE_TEST_KEY: key,
        SCALE_LIVE_KEY: `live_term${Date.now().toString(16)}`,
        DEMO_DATA: "0",
        LOG_LEVEL: "info",
        DIST_DIR: path.join(dataDir, "no-dist"),
      },
      ["ignore", "pipe", "pipe"],
    );
    children.push(child);
    let output = "";
    child.stdout!.on("data", (c: Buffer) => (output += c.toString()));
    child.stderr!.on("data", (c: Buffer) => (output += c.toString()));
    const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
    const base = `http://127.0.0.1:${port}`;
    const until = Date.now() + 30_000;
    while (!(await fetch(`${base}/healthz`).then((r) => r.ok, () => false))) {
      if (Date.now() > until) throw new Error(`server did not start:\n${output}`);
      await new Promise((r) => setTimeout(r, 100));
    }

    const png = PNG.sync.write(new PNG({ width: 300, height: 200 }));
    const half = Math.floor(png.length / 2);
    const answer = new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = http.request(`${base}/v1/files`, {
        method: "POST",
        headers: {
          "content-type": "image/png",
          "content-length": String(png.length),
          authorization: "Basic " + Buffer.from(`${key}:`).toString("base64"),
        },
      });
      req.on("response", (res) => {
        let body = "";
        res.on("data", (c: Buffer) => (body += c.toString()));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
      });
      req.on("error", reject);
      req.write(png.subarray(0, half));
      // The request is now in flight: stop the server, then finish sending a little later.
      setTimeout(() => {
        child.kill("SIGTERM");
        setTimeout(() => req.end(png.subarray(half)), 500);
      }, 200);
    });

    const res = await answer;
    expect(res.status, res.body).toBe(201);
    const { url } = JSON.parse(res.body) as { url: string };
    const code = await exited;
    expect(code, output).toBe(0);
    // New connections were refused once the signal arrived; the process is gone now.
    await expect(fetch(`${base}/healthz`)).rejects.toThrow();
    if (!testDatabaseUrl()) {
      // Closed cleanly: the WAL was checkpointed and the database opens and checks out.
      const sqlite = new SQLite(path.join(dataDir, "scale.sqlite3"), { readonly: true });
      expect(sqlite.pragma("integrity_check", { simple: true })).toBe("ok");
      sqlite.close();
    }
    // The upload is in the file store (DATA_DIR/files on SQLite, the database on PostgreSQL).
    const db = await openDatabase({ dataDir, databaseUrl: database.env.DATABASE_URL, poolSize: 2 });
    try {
      const stored = await openBlobStore(db, dataDir).get(decodeURIComponent(new URL(url).pathname.slice("/files/".length)));
      expect(stored?.bytes.equals(png)).toBe(true);
    } finally {
      await db.destroy();
      await database.drop();
    }
    expect(output).toContain('"msg":"shutting down"');
  }, 60_000);
});
