// Every row is sent with a unique_id, so a retry, a second run of the same file, or a run resumed
// after a closed tab never creates a task twice: the server answers 409 for a used id. A row
// without one gets an id derived from the file name and the row's content, the same on every run.
import type { RawRow } from "./parse";

/** The server's limit for unique_id (TaskCreateFields). */
const MAX_UNIQUE_ID = 256;

/** Canonical text of a row: keys sorted, so the column order of an export doesn't matter. */
function canonical(row: RawRow): string {
  return JSON.stringify(Object.keys(row).sort().map((k) => [k, row[k]]));
}

/**
 * 64 bits of FNV-1a over the UTF-16 code units, as two independent 32-bit lanes. Not a security
 * hash: it only has to tell apart the rows of one file (collisions at 10,000 rows: about 3e-12).
 */
export function rowHash(text: string): string {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ 0x9e3779b9;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995);
    b ^= b >>> 15;
  }
  return (a >>> 0).toString(16).padStart(8, "0") + (b >>> 0).toString(16).padStart(8, "0");
}

export function derivedUniqueId(fileName: string, row: RawRow): string {
  const hash = rowHash(canonical(row));
  const prefix = fileName.slice(0, MAX_UNIQUE_ID - hash.length - 1);
  return `${prefix}#${hash}`;
}
