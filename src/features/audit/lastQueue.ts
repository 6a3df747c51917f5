// The review queue the reviewer last had open in this tab (its filters, sample and position), so
// the "Review queue" tab returns to it from the stats instead of drawing a new sample. Kept in
// sessionStorage: the URL stays the source of truth, this only remembers the last one.
import { AuditSearch } from "./search";

const KEY = "scale-workbench.audit-queue";

export function rememberQueue(search: AuditSearch): void {
  try {
    sessionStorage.setItem(KEY, JSON.stringify(search));
  } catch {
    // Storage full or disabled: the tab then opens a new sample, as before.
  }
}

export function lastQueue(): AuditSearch {
  try {
    const raw = sessionStorage.getItem(KEY);
    return raw ? AuditSearch.parse(JSON.parse(raw)) : {};
  } catch {
    return {};
  }
}
