// The workbench's calls to /console-api/work. Unlike the shared client, a refusal keeps its whole
// body: a 409 says why the page can no longer work on the task (finished elsewhere, someone else's,
// or a stale draft with the current version), and the page acts on that, not only on the words.
import type { z } from "zod";
import { Task } from "../../schema";
import { WorkConflict, WorkDraft, WorkHolds, WorkItem, WorkLease, WorkNext, WorkQueue, WorkSummary } from "../../schema/work";
import { authHeaders, buildUrl, type QueryValue } from "../../client/http";
import { z as zod } from "zod";

/** A refusal from the server, with the conflict details when it was a 409. */
export class WorkError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly conflict: WorkConflict | null = null,
  ) {
    super(message);
    this.name = "WorkError";
  }
  /** No answer at all (offline, server restarting): worth retrying. */
  get unreachable(): boolean {
    return this.status === 0;
  }
}

type Method = "GET" | "POST" | "PUT" | "DELETE";

async function call<S extends z.ZodType>(method: Method, path: string, schema: S, body?: unknown, query?: Record<string, QueryValue>): Promise<z.infer<S>> {
  const headers: Record<string, string> = { Accept: "application/json", ...authHeaders(true, method) };
  if (body !== undefined) headers["Content-Type"] = "application/json";
  let res: Response;
  try {
    res = await fetch(buildUrl(path, query), { method, headers, body: body === undefined ? undefined : JSON.stringify(body), credentials: "same-origin" });
  } catch {
    throw new WorkError(0, "The server could not be reached.");
  }
  let json: unknown = null;
  try {
    json = await res.json();
  } catch {
    // A proxy's HTML error page: the status says enough.
  }
  if (!res.ok) {
    const conflict = res.status === 409 ? WorkConflict.safeParse(json) : null;
    const message = json && typeof json === "object" && "error" in json && typeof json.error === "string" ? json.error : `The server answered HTTP ${res.status}.`;
    throw new WorkError(res.status, message, conflict?.success ? conflict.data : null);
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) throw new WorkError(-1, `Unexpected answer from ${path}: ${parsed.error.issues[0]?.message ?? "bad shape"}`);
  return parsed.data;
}

const enc = encodeURIComponent;
const Ok = zod.object({ ok: zod.literal(true) });
const DraftAnswer = zod.object({ draft: WorkItem.shape.draft });
export const SubmitAnswer = zod.object({ task: Task, time_spent_ms: zod.number() });

export const workApi = {
  queue: () => call("GET", "/console-api/work/queue", WorkQueue),
  holds: () => call("GET", "/console-api/work/holds", WorkHolds),
  next: (filter: { type?: string; project?: string }) => call("POST", "/console-api/work/next", WorkNext, filter),
  item: (taskId: string) => call("GET", `/console-api/work/${enc(taskId)}`, WorkItem),
  renew: (taskId: string) => call("POST", `/console-api/work/${enc(taskId)}/lease`, WorkLease, {}),
  skip: (taskId: string, reason: string) => call("DELETE", `/console-api/work/${enc(taskId)}/lease`, Ok, reason.trim() ? { reason: reason.trim() } : {}),
  draft: (taskId: string) => call("GET", `/console-api/work/${enc(taskId)}/draft`, DraftAnswer),
  saveDraft: (taskId: string, response: unknown, baseVersion: number) =>
    call("PUT", `/console-api/work/${enc(taskId)}/draft`, WorkDraft, { response, base_version: baseVersion }),
  submit: (taskId: string, response: unknown) => call("POST", `/console-api/work/${enc(taskId)}/submit`, SubmitAnswer, { response }),
  summary: (taskId: string) => call("GET", `/console-api/work/${enc(taskId)}/summary`, WorkSummary),
};
