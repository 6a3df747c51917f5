import { Kysely, Migrator } from "kysely";
import type { Database } from "./schema";
import { migrationProvider } from "./migrations";
import { dialectOf } from "./dialects";
import { sqliteKyselyDialect } from "./dialects/sqlite";
import { postgresKyselyDialect } from "./dialects/postgres";

export type Db = Kysely<Database>;

export interface DatabaseTarget {
  /** SQLite's folder (`scale.sqlite3` inside), used when no `databaseUrl` is given. */
  dataDir: string;
  /** `postgres://…`: the shared PostgreSQL store instead of SQLite. */
  databaseUrl?: string;
  /** Connections per process (PostgreSQL). */
  poolSize?: number;
}

/**
 * Opens the store and brings its schema up to date: SQLite in `dataDir` by default, PostgreSQL
 * when a URL is given. Processes starting together on one PostgreSQL migrate one at a time.
 */
export async function openDatabase(target: string | DatabaseTarget): Promise<Db> {
  const t = typeof target === "string" ? { dataDir: target } : target;
  const db = new Kysely<Database>({
    dialect: t.databaseUrl ? postgresKyselyDialect(t.databaseUrl, t.poolSize ?? 10) : sqliteKyselyDialect(t.dataDir),
  });
  const dialect = dialectOf(db);
  try {
    await dialect.exclusive(db, async () => {
      const migrationTableSchema = await dialect.migrationSchema(db);
      const { error, results } = await new Migrator({ db, provider: migrationProvider, migrationTableSchema }).migrateToLatest();
      for (const r of results ?? []) {
        if (r.status === "Error") throw new Error(`migration ${r.migrationName} failed`);
      }
      if (error) throw error;
    });
  } catch (err) {
    await db.destroy().catch(() => undefined);
    if (!t.databaseUrl) throw err;
    // Name the server (never the password) so a wrong URL or a database that is down is obvious.
    const u = new URL(t.databaseUrl);
    throw new Error(`PostgreSQL at ${u.hostname}:${u.port || 5432}${u.pathname}: ${(err as Error).message}`, { cause: err });
  }
  return db;
}
