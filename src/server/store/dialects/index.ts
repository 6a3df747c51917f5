import { PostgresAdapter, type CreateTableBuilder, type Expression, type Kysely, type SelectQueryBuilder, type SqlBool } from "kysely";
import { postgresDialect } from "./postgres";
import { sqliteDialect } from "./sqlite";

// What differs between the two stores, in one place: everything else is one set of Kysely
// queries. A dialect is found from the Kysely instance itself (its adapter), so queries,
// transactions and migrations need no extra argument.

export interface StoreDialect {
  readonly name: "sqlite" | "postgres";
  /**
   * SQLite is one process's store by design, so a lease left at start is a dead process's and can
   * be freed at once. On PostgreSQL other live processes may hold leases: they only run out.
   */
  readonly singleProcess: boolean;
  /**
   * Inserts into several tables can be ONE statement (PostgreSQL's data-modifying WITH): one
   * round trip, atomic without BEGIN/COMMIT. SQLite has no such WITH; its statements cost
   * microseconds in-process, so it runs them in a transaction.
   */
  readonly oneStatementWrites: boolean;
  /** Column type for stored bytes (uploaded files, masks). */
  readonly bytesType: "blob" | "bytea";
  /** Adds an auto-numbered integer primary key column named `id`. */
  autoId<TB extends string, C extends string>(table: CreateTableBuilder<TB, C>): CreateTableBuilder<TB, C | "id">;
  /**
   * Locks the rows a claim reads so concurrent claimers skip them (`FOR UPDATE SKIP LOCKED`).
   * SQLite's single writer already serialises a claim's one UPDATE statement.
   */
  skipLocked<DB, TB extends keyof DB, O>(query: SelectQueryBuilder<DB, TB, O>): SelectQueryBuilder<DB, TB, O>;
  /**
   * `column` is one of the ids a claim's subquery picks, with the subquery run exactly once. On
   * PostgreSQL `id IN (SELECT … LIMIT n FOR UPDATE SKIP LOCKED)` may be planned as a semi-join
   * that rescans the subquery, and each rescan skips the rows the last one locked, so one claim
   * could take far more than n rows; `= ANY(ARRAY(…))` is an init-plan, evaluated once.
   */
  idAmong(column: string, ids: Expression<{ id: unknown }>): Expression<SqlBool>;
  /**
   * Where Kysely keeps its migration tables: the connection's own schema on PostgreSQL (Kysely
   * would otherwise take a same-named table in any schema of the database for ours).
   */
  migrationSchema<DB>(db: Kysely<DB>): Promise<string | undefined>;
  /**
   * Locks the rows read until the transaction ends, for read-then-write transactions that must
   * not interleave (`FOR UPDATE` on PostgreSQL; SQLite runs one transaction at a time anyway).
   */
  forUpdate<DB, TB extends keyof DB, O>(query: SelectQueryBuilder<DB, TB, O>): SelectQueryBuilder<DB, TB, O>;
  /** Runs `fn` while holding a lock across processes (start-up: migrations, first account). */
  exclusive<DB, T>(db: Kysely<DB>, fn: () => Promise<T>): Promise<T>;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any database shape: migrations use Kysely<any>
export function dialectOf(db: Kysely<any>): StoreDialect {
  return db.getExecutor().adapter instanceof PostgresAdapter ? postgresDialect : sqliteDialect;
}
