import type { Role } from "../store/schema";

// THE table of who may call what. Every /v1 and /console-api endpoint has exactly one entry; a
// request is matched against it before any handler runs (members by their role, API keys as the
// account's admin), and the role-matrix test fails when a registered route has no entry here.

export const ROLES = ["admin", "manager", "reviewer", "labeler"] as const satisfies readonly Role[];
export type { Role };

/** `public`: no sign-in needed; `signed-in`: any member or key; else the roles allowed. */
export type Access = "public" | "signed-in" | readonly Role[];

const ADMIN = ["admin"] as const;
const MANAGE = ["admin", "manager"] as const;
const REVIEW = ["admin", "manager", "reviewer"] as const;
/** Who labels in the workbench: reviewers browse and audit, they don't take tasks. */
const WORK = ["admin", "manager", "labeler"] as const;

export const ENDPOINT_ACCESS = {
  // The embedded Scale API (the docs' endpoints and this server's additions).
  "POST /v1/task/:type": MANAGE,
  "GET /v1/task/:id": REVIEW,
  "POST /v1/task/:id/cancel": MANAGE,
  "POST /v1/task/:id/setMetadata": MANAGE,
  "GET /v1/tasks": REVIEW,
  "GET /v1/tasks/export": MANAGE,
  "POST /v1/projects": MANAGE,
  "GET /v1/projects": REVIEW,
  "GET /v1/projects/:name": REVIEW,
  "POST /v1/projects/:name/setParams": MANAGE,
  "GET /v1/account": MANAGE,
  "POST /v1/account": ADMIN,
  "POST /v1/account/rotateCallbackAuthKey": ADMIN,
  // The workbench completes tasks; until it hands tasks to labelers, completing is a manager's.
  "POST /v1/task/:id/complete": MANAGE,
  "GET /v1/task/:id/callbacks": REVIEW,
  "POST /v1/task/:id/resendCallback": MANAGE,
  "POST /v1/task/:id/audit": REVIEW,
  "GET /v1/task/:id/audits": REVIEW,
  "GET /v1/task/:id/activity": REVIEW,
  "GET /v1/audits/sample": REVIEW,
  "GET /v1/audits/stats": REVIEW,
  "GET /v1/stats": REVIEW,
  "POST /v1/files": MANAGE,
  // The API's description is public, like its docs.
  "GET /v1/openapi.json": "public",
  // The console's own endpoints.
  "GET /console-api/config": "public",
  "POST /console-api/sign-in": "public",
  "POST /console-api/invites/lookup": "public",
  "POST /console-api/invites/accept": "public",
  "POST /console-api/sign-out": "signed-in",
  "GET /console-api/me": "signed-in",
  "POST /console-api/me/mode": "signed-in",
  "GET /console-api/me/sessions": "signed-in",
  "POST /console-api/me/sessions/:id/revoke": "signed-in",
  "GET /console-api/members": ADMIN,
  "POST /console-api/members": ADMIN,
  "POST /console-api/members/:id": ADMIN,
  "POST /console-api/members/:id/reset-password": ADMIN,
  "POST /console-api/members/:id/remove": ADMIN,
  "GET /console-api/members/:id/sessions": ADMIN,
  "POST /console-api/members/:id/sessions/:sessionId/revoke": ADMIN,
  // The workbench: everyone who labels works the queue; who holds what and time spent is for browsing roles.
  "GET /console-api/work/queue": WORK,
  "POST /console-api/work/next": WORK,
  "GET /console-api/work/holds": REVIEW,
  "GET /console-api/work/:taskId": WORK,
  "POST /console-api/work/:taskId/lease": WORK,
  "DELETE /console-api/work/:taskId/lease": WORK,
  "GET /console-api/work/:taskId/draft": WORK,
  "PUT /console-api/work/:taskId/draft": WORK,
  "POST /console-api/work/:taskId/submit": WORK,
  "GET /console-api/work/:taskId/summary": REVIEW,
} as const satisfies Record<string, Access>;

export type Endpoint = keyof typeof ENDPOINT_ACCESS;

interface Pattern {
  endpoint: Endpoint;
  method: string;
  segments: string[];
  literals: number;
}

const PATTERNS: Pattern[] = (Object.keys(ENDPOINT_ACCESS) as Endpoint[]).map((endpoint) => {
  const [method, path] = endpoint.split(" ");
  const segments = path.split("/").filter(Boolean);
  return { endpoint, method, segments, literals: segments.filter((s) => !s.startsWith(":")).length };
});

/** The table entry a request falls under (HEAD counts as GET), or null when there is none. */
export function matchEndpoint(method: string, url: string): Endpoint | null {
  const m = method === "HEAD" ? "GET" : method;
  const parts = url.split("?")[0].split("/").filter(Boolean);
  let best: Pattern | null = null;
  for (const p of PATTERNS) {
    if (p.method !== m || p.segments.length !== parts.length) continue;
    const fits = p.segments.every((s, i) => (s.startsWith(":") ? parts[i] !== "" : s === parts[i]));
    if (fits && (!best || p.literals > best.literals)) best = p;
  }
  return best?.endpoint ?? null;
}

export function accessOf(endpoint: Endpoint): Access {
  return ENDPOINT_ACCESS[endpoint];
}

/** Whether a signed-in role may call the endpoint. */
export function roleMay(role: Role, endpoint: Endpoint): boolean {
  const access: Access = ENDPOINT_ACCESS[endpoint];
  if (access === "public" || access === "signed-in") return true;
  return access.includes(role);
}

export function isRole(value: unknown): value is Role {
  return typeof value === "string" && (ROLES as readonly string[]).includes(value);
}

/**
 * Called for every route as it is registered: a /v1 or /console-api route without its own entry
 * in the table stops the server from starting, so no endpoint can ship without a role decision.
 */
export function requireTableEntry(method: string | string[], url: string): void {
  if (!(url === "/v1" || url.startsWith("/v1/") || url.startsWith("/console-api/"))) return;
  if (url.includes("*")) return; // the proxy's catch-all; matched per request instead
  for (const m of Array.isArray(method) ? method : [method]) {
    const key = `${m === "HEAD" ? "GET" : m} ${url}`;
    if (!(key in ENDPOINT_ACCESS)) throw new Error(`${key} has no entry in ENDPOINT_ACCESS (src/server/accounts/roles.ts): decide which roles may call it`);
  }
}
