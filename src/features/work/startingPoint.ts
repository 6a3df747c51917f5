import type { WorkItem } from "../../schema/work";
import type { LocalDraft } from "./localDrafts";

/** Where the shown draft came from, for "Draft from 14:02 restored". */
export interface Restored {
  from: "browser" | "server";
  at: string;
  by: string | null;
}

export interface StartingPoint {
  response: unknown;
  version: number;
  savedAt: string | null;
  unsaved: number;
  restored: Restored | null;
}

/**
 * Which draft to open with. Changes this browser kept but the server never confirmed come first
 * (they are the newest work on this device); if another tab saved a newer version meanwhile,
 * their first save gets the 409 and the page asks which to keep, instead of overwriting. Else the
 * server's draft (perhaps from another device), else nothing.
 */
export function startingPoint(item: WorkItem, local: LocalDraft | null): StartingPoint {
  const server = item.draft;
  if (local && local.unsaved > 0) {
    return {
      response: local.response,
      version: local.baseVersion,
      savedAt: server?.saved_at ?? null,
      unsaved: local.unsaved,
      restored: { from: "browser", at: new Date(local.changedAt).toISOString(), by: null },
    };
  }
  if (server) {
    return { response: server.response, version: server.version, savedAt: server.saved_at, unsaved: 0, restored: { from: "server", at: server.saved_at, by: server.saved_by } };
  }
  return { response: undefined, version: 0, savedAt: null, unsaved: 0, restored: null };
}
