import fs from "node:fs";
import path from "node:path";
import type { Config } from "./config";
import type { Db } from "./store/db";
import { addKey, countAccounts, createAccount, findPrincipal, generateKey, modeOfKey } from "./store/accounts";

export interface FirstRunKeys {
  test_key: string;
  live_key: string;
}

export const KEYS_FILE = "first-run-keys.json";

/**
 * On a fresh data dir, creates the first account with a test and a live key (from SCALE_TEST_KEY /
 * SCALE_LIVE_KEY, else generated) and keeps them in an owner-only file, so whoever restarts the
 * server later still finds a way in without reading the database. Returns the keys still valid.
 */
export async function ensureFirstAccount(db: Db, config: Config): Promise<FirstRunKeys | null> {
  const file = path.join(config.dataDir, KEYS_FILE);
  for (const [name, key, mode] of [["SCALE_TEST_KEY", config.testKey, "test"], ["SCALE_LIVE_KEY", config.liveKey, "live"]] as const) {
    if (key !== undefined && modeOfKey(key) !== mode) throw new Error(`${name} must start with "${mode}_"`);
  }

  if ((await countAccounts(db)) === 0) {
    const accountId = await createAccount(db, "default", config.callbackAuthKey);
    const keys = { test_key: config.testKey ?? generateKey("test"), live_key: config.liveKey ?? generateKey("live") };
    await addKey(db, accountId, keys.test_key);
    await addKey(db, accountId, keys.live_key);
    // On PostgreSQL nothing else has made DATA_DIR yet.
    fs.mkdirSync(config.dataDir, { recursive: true });
    fs.writeFileSync(file, JSON.stringify(keys, null, 2) + "\n", { mode: 0o600 });
    return keys;
  }

  // Keys given by automation on a later start must work too: add them to the first account.
  const first = await db.selectFrom("accounts").select("id").orderBy("created_at", "asc").limit(1).executeTakeFirstOrThrow();
  for (const key of [config.testKey, config.liveKey]) {
    if (key && !(await findPrincipal(db, key))) {
      const existing = await db.selectFrom("api_keys").select("id").where("key_prefix", "=", key.slice(0, 12)).executeTakeFirst();
      if (!existing) await addKey(db, first.id, key);
    }
  }

  const fromEnv = config.testKey && config.liveKey ? { test_key: config.testKey, live_key: config.liveKey } : null;
  if (fromEnv) return fromEnv;
  if (!fs.existsSync(file)) return null;
  const stored = JSON.parse(fs.readFileSync(file, "utf8")) as FirstRunKeys;
  const valid = (await findPrincipal(db, stored.test_key)) && (await findPrincipal(db, stored.live_key));
  return valid ? stored : null;
}
