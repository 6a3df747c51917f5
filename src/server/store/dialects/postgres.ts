import pg from "pg";
import { PostgresDialect, sql, type SqlBool } from "kysely";
import type { StoreDialect } from "./index";

/** Any number, arbitrary but fixed: the advisory lock every process takes while starting up. */
const STARTUP_LOCK = 7_321_004_211;
const INT8_OID = 20;
const NUMERIC_OID = 1700;

/**
 * The scale-out store. `bigint` columns hold epoch milliseconds and counts, all far below 2^53,
 * so they are read as numbers (pg's default is strings), as SQLite returns them.
 */
export function postgresKyselyDialect(url: string, poolSize: number): PostgresDialect {
  const types = new pg.TypeOverrides();
  types.setTypeParser(INT8_OID, (v: string) => Number(v));
  types.setTypeParser(NUMERIC_OID, (v: string) => Number(v));
  const pool = new pg.Pool({ connectionString: url, max: poolSize, types });
  // An idle client losing its connection (database restart) must not crash the process.
  pool.on("error", (err) => console.error("postgres pool:", err.message));
  return new PostgresDialect({ pool });
}

export const postgresDialect: StoreDialect = {
  name: "postgres",
  oneStatementWrites: true,
  singleProcess: false,
  bytesType: "bytea",
  autoId: (table) => table.addColumn("id", "serial", (c) => c.primaryKey()),
  skipLocked: (query) => query.forUpdate().skipLocked(),
  idAmong: (column, ids) => sql<SqlBool>`${sql.ref(column)} = any(array(${ids}))`,
  forUpdate: (query) => query.forUpdate(),
  migrationSchema: async (db) => (await sql<{ s: string }>`select current_schema() as s`.execute(db)).rows[0]?.s,
  // A session lock on one pooled connection, held while `fn` runs on others.
  exclusive: (db, fn) =>
    db.connection().execute(async (conn) => {
      await sql`select pg_advisory_lock(${STARTUP_LOCK})`.execute(conn);
      try {
        return await fn();
      } finally {
        await sql`select pg_advisory_unlock(${STARTUP_LOCK})`.execute(conn);
      }
    }),
};
