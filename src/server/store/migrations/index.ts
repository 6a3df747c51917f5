import type { Migration, MigrationProvider } from "kysely";
import * as m001 from "./001_initial";
import * as m002 from "./002_lifecycle";
import * as m003 from "./003_data_upgrades";
import * as m004 from "./004_scale_out";
import * as m005 from "./005_members";
import * as m006 from "./006_rollups";
import * as m007 from "./007_work";
import * as m008 from "./008_deferred_rollups";
import * as m009 from "./009_create_statement_rollups";
import * as m010 from "./010_list_indexes";

/** Every migration, in order: one explicit list (add new files here). */
const migrations: Record<string, Migration> = {
  "001_initial": m001,
  "002_lifecycle": m002,
  "003_data_upgrades": m003,
  "004_scale_out": m004,
  "005_members": m005,
  "006_rollups": m006,
  "007_work": m007,
  "008_deferred_rollups": m008,
  "009_create_statement_rollups": m009,
  "010_list_indexes": m010,
};

export const migrationProvider: MigrationProvider = {
  getMigrations: async () => migrations,
};
