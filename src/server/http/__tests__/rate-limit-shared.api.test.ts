import { describe, expect, it } from "vitest";
import { startTestServer } from "../../testing/harness";
import { testDatabaseUrl } from "../../testing/database";
import { countHit } from "../rate-limit-store";

// The per-key rate limit with several processes on one PostgreSQL: the counts live in the
// database, so two servers together allow a key the budget once, not once each.

describe("rate limit across processes", () => {
  it("counts hits in windows in the database (either store)", async () => {
    const server = await startTestServer();
    const db = await server.openDb();
    try {
      const t = 1_000_000;
      expect(await countHit(db, "k", 60_000, t)).toEqual({ current: 1, ttl: 60_000 });
      expect(await countHit(db, "k", 60_000, t + 10_000)).toEqual({ current: 2, ttl: 50_000 });
      expect(await countHit(db, "other", 60_000, t + 10_000)).toEqual({ current: 1, ttl: 60_000 });
      // The window is over: counting starts again.
      expect(await countHit(db, "k", 60_000, t + 60_000)).toEqual({ current: 1, ttl: 60_000 });
    } finally {
      await db.destroy();
      await server.stop();
    }
  });

  it.skipIf(!testDatabaseUrl())("holds one budget per key across two servers on one PostgreSQL", async () => {
    const a = await startTestServer({ RATE_LIMIT_PER_MINUTE: "6" });
    const b = await startTestServer({ RATE_LIMIT_PER_MINUTE: "6", ...a.databaseEnv, SCALE_TEST_KEY: a.testKey, SCALE_LIVE_KEY: a.liveKey });
    try {
      const codes: number[] = [];
      for (let i = 0; i < 4; i++) {
        codes.push((await a.api("/v1/tasks")).status);
        codes.push((await b.api("/v1/tasks")).status);
      }
      expect(codes).toEqual([200, 200, 200, 200, 200, 200, 429, 429]);
      expect((await b.api("/v1/tasks", { key: a.liveKey })).status).toBe(200);
    } finally {
      await b.stop();
      await a.stop();
    }
  });
});
