import fs from "node:fs";
import path from "node:path";
import SQLite from "better-sqlite3";
import { SqliteDialect, sql, type SqlBool, type SqliteDatabase } from "kysely";
import type { StoreDialect } from "./index";

/** The default store: one SQLite file in DATA_DIR, WAL so readers run beside the one writer. */
export function sqliteKyselyDialect(dataDir: string): SqliteDialect {
  fs.mkdirSync(dataDir, { recursive: true });
  const sqlite = new SQLite(path.join(dataDir, "scale.sqlite3"));
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("synchronous = NORMAL");
  sqlite.pragma("foreign_keys = ON");
  sqlite.pragma("busy_timeout = 5000");
  return new SqliteDialect({ database: withStatementCache(sqlite) });
}

/** Distinct SQL texts kept prepared; a list query's IN (…) of a new length is a new text. */
const STATEMENT_CACHE = 500;

/**
 * Kysely prepares every query afresh, and preparing (parsing, planning; with the rollup triggers
 * of migration 006, compiling them too) cost more than running most of our statements. The
 * server sends the same few dozen SQL texts over and over, so prepared statements are kept, the
 * least recently used dropped. Sharing one is safe: Kysely runs one query (or one stream, to its
 * end) at a time on SQLite's single connection, and better-sqlite3 re-prepares a statement
 * itself after a schema change.
 */
function withStatementCache(sqlite: SQLite.Database): SqliteDatabase {
  const cache = new Map<string, SQLite.Statement>();
  return {
    close: () => sqlite.close(),
    prepare(sql) {
      let stmt = cache.get(sql);
      if (stmt) {
        cache.delete(sql);
      } else {
        stmt = sqlite.prepare(sql);
        if (cache.size >= STATEMENT_CACHE) cache.delete(cache.keys().next().value!);
      }
      cache.set(sql, stmt);
      return stmt;
    },
  };
}

export const sqliteDialect: StoreDialect = {
  name: "sqlite",
  oneStatementWrites: false,
  singleProcess: true,
  bytesType: "blob",
  autoId: (table) => table.addColumn("id", "integer", (c) => c.primaryKey().autoIncrement()),
  skipLocked: (query) => query,
  idAmong: (column, ids) => sql<SqlBool>`${sql.ref(column)} in (${ids})`,
  forUpdate: (query) => query,
  migrationSchema: async () => undefined,
  exclusive: (_db, fn) => fn(),
};
