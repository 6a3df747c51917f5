import type { Migration, MigrationProvider } from "kysely";
import * as m001 from "./001_initial";

/** Every migration, in order: one explicit list (add new files here). */
const migrations: Record<string, Migration> = {
  "001_initial": m001,
};

export const migrationProvider: MigrationProvider = {
  getMigrations: async () => migrations,
};
