import type { Migration, MigrationProvider } from "kysely";
import * as m001 from "./001_initial";
import * as m002 from "./002_lifecycle";
import * as m003 from "./003_scale_out";

/** Every migration, in order: one explicit list (add new files here). */
const migrations: Record<string, Migration> = {
  "001_initial": m001,
  "002_lifecycle": m002,
  "003_scale_out": m003,
};

export const migrationProvider: MigrationProvider = {
  getMigrations: async () => migrations,
};
