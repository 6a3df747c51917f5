// For tests: a Storage (the localStorage interface) in memory with a quota, so the rescue slot's
// "storage full" path runs as in a browser (setItem throws a QuotaExceededError DOMException and
// keeps the old value). Node 20 has no localStorage of its own.
export class MemoryStorage implements Storage {
  private items = new Map<string, string>();
  constructor(private readonly quotaChars = Infinity) {}

  get length(): number {
    return this.items.size;
  }
  key(index: number): string | null {
    return [...this.items.keys()][index] ?? null;
  }
  getItem(key: string): string | null {
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string): void {
    // As browsers count it: every key and value, the old value of this key replaced.
    let used = 0;
    for (const [k, v] of this.items) if (k !== key) used += k.length + v.length;
    if (used + key.length + value.length > this.quotaChars) throw new DOMException(`Setting the value of '${key}' exceeded the quota.`, "QuotaExceededError");
    this.items.set(key, String(value));
  }
  removeItem(key: string): void {
    this.items.delete(key);
  }
  clear(): void {
    this.items.clear();
  }
  [name: string]: unknown;
}
