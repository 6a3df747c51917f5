import path from "node:path";
import { parseArgs } from "node:util";
import { loadConfig } from "../config";
import { backupDatabase, defaultBackupPath } from "../store/backup";

// `npm run backup [-- <file>]`: a consistent copy of DATA_DIR's SQLite database, safe while the
// server runs. Uploaded files (DATA_DIR/files) are immutable, content-named files: copy them with
// cp -r or rsync. With PostgreSQL, back up with pg_dump (see README).

const USAGE = `usage: npm run backup [-- <destination file>]
Copies DATA_DIR/scale.sqlite3 (default ./.data) with SQLite's online backup, safe while the
server runs. Default destination: DATA_DIR/backups/scale-<time>.sqlite3.`;

async function main(): Promise<number> {
  const { positionals, values } = parseArgs({ allowPositionals: true, options: { help: { type: "boolean" } } });
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  if (process.env.DATABASE_URL) {
    console.error("DATABASE_URL is set: back up PostgreSQL with pg_dump (see Operations > Backups in the README).");
    return 1;
  }
  const config = loadConfig();
  const destination = positionals[0] ? path.resolve(positionals[0]) : defaultBackupPath(config.dataDir);
  const started = Date.now();
  const r = await backupDatabase(config.dataDir, destination);
  console.log(`backed up ${r.pages} pages (${(r.bytes / 1e6).toFixed(1)} MB) to ${r.file} in ${Date.now() - started} ms`);
  console.log(`uploaded files are not in the database: copy ${path.join(config.dataDir, "files")} too (cp -r or rsync).`);
  return 0;
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(`backup failed: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  },
);
