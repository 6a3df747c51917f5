import { describe, expect, it } from "vitest";
import type { WorkItem } from "../../schema/work";
import { startingPoint } from "./startingPoint";
import type { LocalDraft } from "./localDrafts";

const task = {
  task_id: "6b0de8740000000000000001",
  type: "categorization",
  status: "pending",
  instruction: "",
  params: {},
  urgency: "standard",
  callback_url: null,
  created_at: "2026-11-30T10:00:00.000Z",
  metadata: {},
} as const;

const item = (draft: WorkItem["draft"]): WorkItem => ({ task: { ...task }, lease: null, draft });
const local = (over: Partial<LocalDraft>): LocalDraft => ({ taskId: task.task_id, response: { category: "mine" }, baseVersion: 2, changedAt: Date.parse("2026-11-30T10:05:00Z"), unsaved: 1, ...over });
const server = { version: 2, saved_at: "2026-11-30T10:04:00.000Z", saved_by: "Ann", response: { category: "server" } };

describe("which draft a reopened task starts from", () => {
  it("nothing kept anywhere: an empty start, version 0, no restore notice", () => {
    expect(startingPoint(item(null), null)).toEqual({ response: undefined, version: 0, savedAt: null, unsaved: 0, restored: null });
  });

  it("the server's draft when this browser has nothing unsent, saying whose it was", () => {
    const s = startingPoint(item(server), local({ unsaved: 0 }));
    expect(s).toMatchObject({ response: { category: "server" }, version: 2, unsaved: 0, restored: { from: "server", by: "Ann" } });
  });

  it("this browser's unsent changes over the server's draft, on their own base version", () => {
    const s = startingPoint(item(server), local({ unsaved: 3, baseVersion: 2 }));
    expect(s).toMatchObject({ response: { category: "mine" }, version: 2, unsaved: 3, restored: { from: "browser" } });
  });

  it("unsent changes on an older version keep that version, so their save is refused as stale, not overwriting", () => {
    const s = startingPoint(item({ ...server, version: 5 }), local({ baseVersion: 2 }));
    expect(s.version).toBe(2);
    expect(s.response).toEqual({ category: "mine" });
  });
});
