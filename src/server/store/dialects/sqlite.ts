import fs from "node:fs";
import path from "node:path";
import SQLite from "better-sqlite3";
import { SqliteDialect, sql, type SqlBool } from "kysely";
import type { StoreDialect } from "./index";

/** The default store: one SQLite file in DATA_DIR, WAL so readers run beside the one writer. */
export function sqliteKyselyDialect(dataDir: string): SqliteDialect {
  fs.mkdirSync(dataDir, { recursive: true });
  const sqlite = new SQLite(path.join(dataDir, "scale.sqlite3"));
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("synchronous = NORMAL");
  sqlite.pragma("foreign_keys = ON");
  sqlite.pragma("busy_timeout = 5000");
  return new SqliteDialect({ database: sqlite });
}

export const sqliteDialect: StoreDialect = {
  name: "sqlite",
  singleProcess: true,
  bytesType: "blob",
  autoId: (table) => table.addColumn("id", "integer", (c) => c.primaryKey().autoIncrement()),
  skipLocked: (query) => query,
  idAmong: (column, ids) => sql<SqlBool>`${sql.ref(column)} in (${ids})`,
  forUpdate: (query) => query,
  migrationSchema: async () => undefined,
  exclusive: (_db, fn) => fn(),
};
