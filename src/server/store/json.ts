/** JSON columns: parse what we wrote. A corrupt value is a bug, so it throws with the column named. */
export function readJson<T>(text: string, column: string): T {
  try {
    return JSON.parse(text) as T;
  } catch {
    throw new Error(`corrupt JSON in column ${column}`);
  }
}
