import path from "node:path";
import { fileURLToPath } from "node:url";

// Tests that spawn `node --import tsx src/server/...` (or read files under public/) need the
// repository's root as their working directory, whatever directory vitest was started from and
// however deep the test file sits: resolved once, here, from this file's own place.

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");

/** A path inside the repository, from its root: `repoPath("public", "sample-images", "chelsea.png")`. */
export function repoPath(...parts: string[]): string {
  return path.join(REPO_ROOT, ...parts);
}
