import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Task } from "../../../schema";
import { startTestServer, type TestServer } from "../../testing/harness";
import { validBodies } from "../../testing/fixtures";
import { waitFor } from "../../testing/lifecycle";
import { signInAs, type SignedIn } from "../../testing/members";
import { ENDPOINT_ACCESS, ROLES, matchEndpoint, requireTableEntry, type Endpoint, type Role } from "../roles";

// The role matrix, generated from the one table: every role × every endpoint. A refused request
// answers 403 with a message and changes nothing (it is sent with real ids and valid bodies, so a
// leak would show in the database); an allowed one reaches its handler (sent with ids that don't
// exist, so it changes nothing either). API keys act as the admin.
//
// The fingerprint must see only what a request changed, so the server's background work is at rest
// before the matrix runs: the task's callback (to a port that refuses) has had its first attempt
// recorded, and its one retry is a day away. Otherwise an attempt recorded mid-matrix would show as
// a "leak" of whichever refused request happened to be under test.
const RETRY_AFTER_A_DAY = String(24 * 60 * 60 * 1000);

let server: TestServer;
let sessions: Record<Role, SignedIn>;
let real: Record<string, string>;
const BOGUS_ID = "000000000000000000000000";

beforeAll(async () => {
  server = await startTestServer({ CALLBACK_RETRY_DELAYS_MS: RETRY_AFTER_A_DAY });
  const made = await server.api("/v1/task/annotation", { json: validBodies.annotation });
  const task = Task.parse(await made.json());
  await server.api(`/v1/task/${task.task_id}`); // test mode completes it by the next request
  await waitFor(async () => {
    const job = await server.db.selectFrom("callback_jobs").select(["attempts", "leased_until"]).where("task_id", "=", task.task_id).executeTakeFirst();
    return job?.attempts === 1 && job.leased_until === null;
  }, 10_000, "the task's first callback attempt to be recorded");
  await server.api("/v1/projects", { json: { type: "annotation", name: "matrix", params: {} } });
  sessions = {} as Record<Role, SignedIn>;
  for (const role of ROLES) {
    sessions[role] = await signInAs(server, role);
    await sessions[role].api("/console-api/me/mode", { json: { mode: "test" } });
  }
  real = { id: task.task_id, type: "annotation", name: "matrix", sessionId: BOGUS_ID, token: "x".repeat(40) };
});
afterAll(() => server.stop());

function fill(endpoint: Endpoint, params: Record<string, string>): { method: string; path: string } {
  const [method, pattern] = endpoint.split(" ");
  return { method, path: pattern.replace(/:(\w+)/g, (_, name: string) => params[name] ?? BOGUS_ID) };
}

/** A body that would change something if it got through. */
function realBody(endpoint: Endpoint): unknown {
  if (endpoint === "POST /v1/task/:type") return validBodies.annotation;
  if (endpoint === "POST /v1/task/:id/audit") return { accepted: false, comments: "leak" };
  if (endpoint === "POST /v1/task/:id/setMetadata") return { leak: true };
  if (endpoint === "POST /v1/projects") return { type: "annotation", name: "leak", params: {} };
  if (endpoint === "POST /v1/account") return { default_callback_url: "http://127.0.0.1:9/leak" };
  if (endpoint === "POST /console-api/members") return { name: "Leak", email: "leak@example.com", role: "admin" };
  if (endpoint.startsWith("POST /console-api/members/:id")) return { role: "admin" };
  return {};
}

/** What a leak would change: counts and contents that every state-changing endpoint touches. */
async function fingerprint(): Promise<string> {
  const db = server.db;
  const parts = await Promise.all([
    db.selectFrom("tasks").select(["id", "status", "metadata"]).orderBy("id").execute(),
    db.selectFrom("projects").select(["name"]).orderBy("name").execute(),
    db.selectFrom("project_params").select(["project_id", "version"]).orderBy("project_id").orderBy("version").execute(),
    db.selectFrom("audits").select(["id"]).execute(),
    db.selectFrom("accounts").selectAll().execute(),
    db.selectFrom("members").select(["id", "role", "removed_at", "password_hash"]).orderBy("id").execute(),
    db.selectFrom("member_invites").select(["token_hash"]).orderBy("token_hash").execute(),
    // next_attempt_at too: a leaked resendCallback makes the pending job due now.
    db.selectFrom("callback_jobs").select(["id", "status", "attempts", "next_attempt_at"]).orderBy("id").execute(),
    db.selectFrom("activity").select(["id"]).execute(),
  ]);
  return JSON.stringify(parts);
}

const endpoints = Object.keys(ENDPOINT_ACCESS) as Endpoint[];
// Signing out ends the session the rest of the matrix uses: it goes last.
const ordered = [...endpoints.filter((e) => e !== "POST /console-api/sign-out"), "POST /console-api/sign-out" as Endpoint];

describe("the endpoint table", () => {
  it("has an entry for every registered /v1 and /console-api route, and a route for every entry", () => {
    for (const endpoint of endpoints) {
      const [method, url] = endpoint.split(" ");
      expect(server.app.hasRoute({ method: method as "GET", url }), endpoint).toBe(true);
      expect(matchEndpoint(method, fill(endpoint, real).path)).toBe(endpoint);
    }
    // Registering a route the table doesn't know stops the server (see app.ts's onRoute hook).
    expect(() => requireTableEntry("POST", "/v1/task/:id/reassign")).toThrow(/no entry in ENDPOINT_ACCESS/);
    expect(() => requireTableEntry(["GET", "HEAD"], "/console-api/secret")).toThrow(/no entry/);
    expect(() => requireTableEntry("GET", "/v1/tasks")).not.toThrow();
  });
});

describe.each(ROLES)("role %s", (role) => {
  it.each(ordered)(`%s`, async (endpoint) => {
    const access = ENDPOINT_ACCESS[endpoint];
    const allowed = access === "public" || access === "signed-in" || (access as readonly string[]).includes(role);
    const s = sessions[role];
    if (allowed) {
      const { method, path } = fill(endpoint, {});
      const res = await s.api(path, method === "GET" ? {} : { method, json: {} });
      expect([401, 403], `${role} ${endpoint} → ${res.status} ${await res.clone().text()}`).not.toContain(res.status);
    } else {
      const before = await fingerprint();
      const { method, path } = fill(endpoint, real);
      const res = await s.api(path, method === "GET" ? {} : { method, json: realBody(endpoint) });
      expect(res.status, `${role} ${endpoint}`).toBe(403);
      expect((await res.json()).error).toContain(`your role (${role}) may not`);
      expect(await fingerprint()).toBe(before);
    }
  });
});

describe("API keys", () => {
  it.each(ordered)("act as the admin: %s", async (endpoint) => {
    const { method, path } = fill(endpoint, {});
    const res = await server.api(path, method === "GET" ? {} : { method, json: {} });
    expect([401, 403], `${endpoint} → ${res.status}`).not.toContain(res.status);
  });

  it("refuses a request with neither a key nor a session", async () => {
    for (const endpoint of endpoints.filter((e) => ENDPOINT_ACCESS[e] !== "public")) {
      const { method, path } = fill(endpoint, real);
      const res = await fetch(server.url + path, { method, headers: method === "GET" ? {} : { "content-type": "application/json" }, body: method === "GET" ? undefined : "{}" });
      expect(res.status, endpoint).toBe(401);
    }
  });
});
