import { sql, type Compilable, type OperationNodeSource } from "kysely";
import type { Db } from "./db";
import { dialectOf } from "./dialects";

// Several writes that commit together, as cheaply as the store allows. On PostgreSQL they are
// ONE statement (data-modifying WITH parts, then the last write): one round trip, atomic without
// BEGIN/COMMIT, and whatever rows its triggers lock (the rollup counts, migration 009) are held
// only until its own commit, never across a client round trip. Every WITH part runs to
// completion whether or not the main statement reads it; they all see the same snapshot, so no
// two parts may write the same row, and a part can't read another's writes (foreign keys are
// checked at the statement's end, when every part's rows are there). SQLite has no
// data-modifying WITH; its statements cost microseconds in-process, so they run in order in a
// transaction.

/** A write built by Kysely (insert, update, delete), with or without RETURNING. */
export interface Write<R> extends Compilable, OperationNodeSource {
  execute(): Promise<R[]>;
}

/**
 * Runs the writes `build` makes (built on the executor it is given, so SQLite's run in its
 * transaction) atomically; answers what the LAST write returns.
 */
export async function writeTogether<R>(db: Db, build: (x: Db) => { first: Write<unknown>[]; last: Write<R> }): Promise<R[]> {
  if (dialectOf(db).oneStatementWrites) {
    const { first, last } = build(db);
    if (first.length === 0) return last.execute();
    const parts = first.map((w, i) => sql`${sql.id(`w${i}`)} AS (${w})`);
    return (await sql<R>`WITH ${sql.join(parts)} ${last}`.execute(db)).rows;
  }
  return db.transaction().execute(async (trx) => {
    const { first, last } = build(trx);
    for (const w of first) await w.execute();
    return last.execute();
  });
}
