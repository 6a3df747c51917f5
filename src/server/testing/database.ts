import crypto from "node:crypto";
import pg from "pg";

// API tests run on SQLite by default and on PostgreSQL when the test process has DATABASE_URL
// (scripts/with-test-postgres.sh sets it to a throwaway cluster). Each test server then gets a
// schema of its own in that database, so test files stay as independent as separate SQLite files.

export interface TestDatabase {
  /** Environment for a server using it: `DATABASE_URL`, or nothing on SQLite. */
  env: Record<string, string>;
  drop(): Promise<void>;
}

/** The PostgreSQL URL the API suites run against, or null for SQLite. */
export function testDatabaseUrl(): string | null {
  return process.env.DATABASE_URL || null;
}

async function run(url: string, text: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

/** A fresh empty database for one test server: a new schema on PostgreSQL, nothing on SQLite. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const base = testDatabaseUrl();
  if (!base) return { env: {}, drop: async () => undefined };
  const schema = `t_${process.pid}_${crypto.randomBytes(6).toString("hex")}`;
  await run(base, `create schema ${schema}`);
  const url = new URL(base);
  // Every connection of the server under test resolves its tables in this schema only.
  url.searchParams.set("options", `-c search_path=${schema}`);
  return {
    env: { DATABASE_URL: url.toString() },
    drop: () => run(base, `drop schema if exists ${schema} cascade`),
  };
}
