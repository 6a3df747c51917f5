import fs from "node:fs";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { openDatabase, type Db } from "../../store/db";
import { addKey, createAccount, generateKey, revokeKey } from "../../store/accounts";
import { tempDataDir } from "../../testing/harness";
import { KeyCache } from "../key-cache";

// The gate's key cache: a revocation bites within the TTL, a new key works at once.
describe("KeyCache", () => {
  let dir: string;
  let db: Db;
  let accountId: string;
  beforeEach(async () => {
    dir = tempDataDir();
    db = await openDatabase(dir);
    accountId = await createAccount(db, "Acme");
  });
  afterEach(async () => {
    await db.destroy();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("answers a revoked key until its entry expires, then refuses it", async () => {
    const key = generateKey("live");
    await addKey(db, accountId, key);
    const cache = new KeyCache(db, 300);
    expect(await cache.find(key)).toMatchObject({ accountId, mode: "live", role: "admin" });
    await revokeKey(db, key);
    // Within the TTL the remembered principal still answers (the documented window)…
    expect(await cache.find(key)).not.toBeNull();
    await new Promise((r) => setTimeout(r, 350));
    // …and after it the key is refused, and stays refused.
    expect(await cache.find(key)).toBeNull();
    expect(await cache.find(key)).toBeNull();
  });

  it("never remembers an unknown key, so a key issued later works at once", async () => {
    const key = generateKey("test");
    const cache = new KeyCache(db, 60_000);
    expect(await cache.find(key)).toBeNull();
    await addKey(db, accountId, key);
    expect(await cache.find(key)).toMatchObject({ accountId, mode: "test" });
  });

  it("with a TTL of 0 asks the database every time", async () => {
    const key = generateKey("live");
    await addKey(db, accountId, key);
    const cache = new KeyCache(db, 0);
    expect(await cache.find(key)).not.toBeNull();
    await revokeKey(db, key);
    expect(await cache.find(key)).toBeNull();
  });
});
