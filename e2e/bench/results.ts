import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const RESULTS = path.join(path.dirname(fileURLToPath(import.meta.url)), "../../bench-results.json");

/** Merges figures into bench-results.json at the repository root, keeping every other key. */
export function mergeResults(figures: Record<string, number | null>): void {
  let existing: Record<string, unknown> = {};
  try {
    existing = JSON.parse(fs.readFileSync(RESULTS, "utf8")) as Record<string, unknown>;
  } catch {
    // No results yet (or unreadable): start a new file.
  }
  fs.writeFileSync(RESULTS, JSON.stringify({ ...existing, ...figures }, null, 2) + "\n");
}
