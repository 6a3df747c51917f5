import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ActivityList, AuditStats, InviteOutcome, Me, MemberList, SessionList, Task } from "../../../schema";
import { startTestServer, type TestServer } from "../../testing/harness";
import { validBodies } from "../../testing/fixtures";
import { addMember, session, sessionCookieOf, signIn, signInAs } from "../../testing/members";

const exec = promisify(execFile);

let server: TestServer;
let admin: Awaited<ReturnType<typeof signInAs>>;

beforeAll(async () => {
  // As behind a load balancer: the tests tell addresses apart by X-Forwarded-For.
  server = await startTestServer({ TRUST_PROXY: "1" });
  admin = await signInAs(server, "admin", "Ada Admin");
});
afterAll(() => server.stop());

const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(server.url + path, { method: "POST", headers: { "content-type": "application/json", origin: server.url, ...headers }, body: JSON.stringify(body) });

describe("sign-in and the session cookie", () => {
  it("sets an HTTP-only, SameSite=Strict cookie, not Secure over plain HTTP", async () => {
    const m = await addMember(server, "reviewer");
    const res = await post("/console-api/sign-in", { email: m.email.toUpperCase(), password: m.password });
    expect(res.status).toBe(200);
    const cookie = res.headers.get("set-cookie")!;
    expect(cookie).toMatch(/^sw_session=[A-Za-z0-9_-]{40,};/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    expect(cookie).toMatch(/Path=\//);
    expect(cookie).not.toMatch(/Secure/);
  });

  it("marks the cookie Secure (with the __Host- prefix) when PUBLIC_URL is https", async () => {
    const https = await startTestServer({ PUBLIC_URL: "https://console.example.com" });
    try {
      const m = await addMember(https, "labeler");
      const res = await fetch(`${https.url}/console-api/sign-in`, {
        method: "POST",
        headers: { "content-type": "application/json", origin: "https://console.example.com" },
        body: JSON.stringify({ email: m.email, password: m.password }),
      });
      expect(res.status).toBe(200);
      expect(res.headers.get("set-cookie")).toMatch(/^__Host-sw_session=.*; Secure/);
    } finally {
      await https.stop();
    }
  });

  it("signing out ends the session on the server, even for a copy of the cookie", async () => {
    const s = await signInAs(server, "manager");
    expect((await s.api("/v1/tasks")).status).toBe(200);
    const out = await s.api("/console-api/sign-out", { method: "POST" });
    expect(out.status).toBe(200);
    expect(out.headers.get("set-cookie")).toMatch(/Max-Age=0/);
    const after = await s.api("/v1/tasks");
    expect(after.status).toBe(401);
    expect((await after.json()).error).toContain("session has ended");
  });

  it("a removed member's session stops at once, and their audits stay attributed", async () => {
    const s = await signInAs(server, "reviewer", "Rita Reviewer");
    await s.api("/console-api/me/mode", { json: { mode: "test" } });
    const task = Task.parse(await (await server.api("/v1/task/annotation", { json: validBodies.annotation })).json());
    await server.api(`/v1/task/${task.task_id}`);
    expect((await s.api(`/v1/task/${task.task_id}/audit`, { json: { accepted: true } })).status).toBe(200);

    const members = MemberList.parse(await (await admin.api("/console-api/members")).json()).members;
    const rita = members.find((m) => m.name === "Rita Reviewer")!;
    expect((await admin.api(`/console-api/members/${rita.id}/remove`, { method: "POST" })).status).toBe(200);
    expect((await s.api("/v1/tasks")).status).toBe(401);
    await expect(signIn(server, s.email, s.password)).rejects.toThrow(/401/);

    const activity = ActivityList.parse(await (await server.api(`/v1/task/${task.task_id}/activity`)).json()).activity;
    expect(activity).toEqual([expect.objectContaining({ actor: "Rita Reviewer", action: "approved", member_id: rita.id })]);
    const stats = AuditStats.parse(await (await server.api("/v1/audits/stats")).json());
    expect(stats.by_reviewer).toContainEqual({ reviewer: "Rita Reviewer", member_id: rita.id, approved: 1, rejected: 0 });
  });

  it("refuses a state change from a foreign Origin or without the CSRF token, and changes nothing", async () => {
    const s = await signInAs(server, "manager");
    const before = (await server.db.selectFrom("projects").select("name").execute()).length;
    const body = { type: "annotation", name: "csrf-probe", params: {} };
    const foreign = await s.api("/v1/projects", { json: body, origin: "https://evil.example" });
    expect(foreign.status).toBe(403);
    expect((await foreign.json()).error).toContain("another site");
    const crossSite = await s.api("/v1/projects", { json: body, origin: null, headers: { "sec-fetch-site": "cross-site" } });
    expect(crossSite.status).toBe(403);
    const noToken = await s.api("/v1/projects", { json: body, csrf: null });
    expect(noToken.status).toBe(403);
    expect((await noToken.json()).error).toContain("X-CSRF-Token");
    const wrongToken = await s.api("/v1/projects", { json: body, csrf: "x".repeat(43) });
    expect(wrongToken.status).toBe(403);
    expect((await server.db.selectFrom("projects").select("name").execute()).length).toBe(before);
    // A foreign page can't sign someone in either (login CSRF).
    expect((await post("/console-api/sign-in", { email: s.email, password: s.password }, { origin: "https://evil.example" })).status).toBe(403);
    expect((await s.api("/v1/projects", { json: body })).status).toBe(200);
  });

  it("slows brute force: after 5 failures the account answers 429, with the same answers for unknown e-mails", async () => {
    const m = await addMember(server, "labeler");
    const tries = async (email: string) => {
      const out: [number, string][] = [];
      for (let i = 0; i < 6; i++) {
        const res = await post("/console-api/sign-in", { email, password: `wrong ${i}` }, { "x-forwarded-for": `10.9.${email.length}.1` });
        out.push([res.status, (await res.json()).error]);
      }
      return out;
    };
    const known = await tries(m.email);
    const unknown = await tries(m.email.replace("@", "-nobody@"));
    expect(known).toEqual(unknown);
    expect(known.slice(0, 5).every(([s, e]) => s === 401 && e === "wrong e-mail or password")).toBe(true);
    expect(known[5][0]).toBe(429);
    expect(known[5][1]).toMatch(/too many failed sign-ins/);
    // Even the right password waits now.
    const right = await post("/console-api/sign-in", { email: m.email, password: m.password });
    expect(right.status).toBe(429);
  });

  it("limits failures per address across accounts", async () => {
    const ip = { "x-forwarded-for": "10.77.0.1" };
    let last = 0;
    for (let i = 0; i < 31; i++) last = (await post("/console-api/sign-in", { email: `spray${i}@example.com`, password: "guess" }, ip)).status;
    expect(last).toBe(429);
  });

  it("believes X-Forwarded-For only from a trusted proxy (TRUST_PROXY), so a direct client can't rotate it", async () => {
    const direct = await startTestServer();
    try {
      let last = 0;
      for (let i = 0; i < 31; i++) {
        const res = await fetch(`${direct.url}/console-api/sign-in`, {
          method: "POST",
          headers: { "content-type": "application/json", origin: direct.url, "x-forwarded-for": `10.66.${i}.1` },
          body: JSON.stringify({ email: `rotate${i}@example.com`, password: "guess" }),
        });
        last = res.status;
      }
      expect(last).toBe(429);
    } finally {
      await direct.stop();
    }
  });
});

describe("invites, resets and sessions", () => {
  it("an admin invites; the link sets a password once; the member signs in with it", async () => {
    const res = await admin.api("/console-api/members", { json: { name: "Lee Labeler", email: "Lee@Example.com", role: "labeler" } });
    expect(res.status).toBe(200);
    const invite = InviteOutcome.parse(await res.json());
    expect(invite.emailed).toBe(false);
    expect(invite.member).toMatchObject({ email: "lee@example.com", role: "labeler", status: "invited" });
    const token = new URL(invite.link!).hash.replace("#invite=", "");
    expect((await post("/console-api/invites/lookup", { token })).status).toBe(200);
    const short = await post("/console-api/invites/accept", { token, password: "short" });
    expect(short.status).toBe(400);
    expect((await short.json()).error).toContain("password");
    const accepted = await post("/console-api/invites/accept", { token, password: "a long enough secret" });
    expect(accepted.status).toBe(200);
    const me = Me.parse(await (await fetch(`${server.url}/console-api/me`, { headers: { cookie: sessionCookieOf(accepted) } })).json());
    expect(me).toMatchObject({ kind: "member", role: "labeler", member: { name: "Lee Labeler" } });
    expect((await post("/console-api/invites/accept", { token, password: "another long secret" })).status).toBe(404);
    await signIn(server, "lee@example.com", "a long enough secret");
    expect((await admin.api("/console-api/members", { json: { name: "Again", email: "lee@example.com", role: "admin" } })).status).toBe(409);
  });

  it("an expired link does not work", async () => {
    const m = await addMember(server, "reviewer");
    const { createInvite } = await import("../../store/members");
    const { token } = await createInvite(server.db, m.id, -1);
    expect((await post("/console-api/invites/lookup", { token })).status).toBe(404);
    expect((await post("/console-api/invites/accept", { token, password: "a long enough secret" })).status).toBe(404);
  });

  it("a reset ends the sessions and the old password; the new link sets the next one", async () => {
    const s = await signInAs(server, "manager");
    const res = await admin.api(`/console-api/members/${s.memberId}/reset-password`, { method: "POST" });
    const outcome = InviteOutcome.parse(await res.json());
    expect((await s.api("/v1/tasks")).status).toBe(401);
    await expect(signIn(server, s.email, s.password)).rejects.toThrow(/401/);
    const token = new URL(outcome.link!).hash.replace("#invite=", "");
    expect((await post("/console-api/invites/accept", { token, password: "brand new password" })).status).toBe(200);
    await signIn(server, s.email, "brand new password");
  });

  it("lists sessions; a member and an admin can revoke them", async () => {
    const m = await addMember(server, "reviewer");
    const a = await signIn(server, m.email, m.password);
    const b = await signIn(server, m.email, m.password);
    const mine = SessionList.parse(await (await a.api("/console-api/me/sessions")).json()).sessions;
    expect(mine).toHaveLength(2);
    expect(mine.filter((x) => x.current)).toHaveLength(1);
    const other = mine.find((x) => !x.current)!;
    expect((await a.api(`/console-api/me/sessions/${other.id}/revoke`, { method: "POST" })).status).toBe(200);
    expect((await b.api("/v1/tasks")).status).toBe(401);
    const seen = SessionList.parse(await (await admin.api(`/console-api/members/${m.id}/sessions`)).json()).sessions;
    expect(seen).toHaveLength(1);
    expect((await admin.api(`/console-api/members/${m.id}/sessions/${seen[0].id}/revoke`, { method: "POST" })).status).toBe(200);
    expect((await a.api("/v1/tasks")).status).toBe(401);
  });

  it("keeps the last admin", async () => {
    const solo = await startTestServer();
    try {
      const s = await signInAs(solo, "admin");
      const first = MemberList.parse(await (await s.api("/console-api/members")).json()).members;
      for (const m of first.filter((x) => x.id !== s.memberId)) await s.api(`/console-api/members/${m.id}/remove`, { method: "POST" });
      const res = await s.api(`/console-api/members/${s.memberId}`, { json: { role: "reviewer" } });
      expect(res.status).toBe(409);
      expect((await res.json()).error).toContain("last admin");
    } finally {
      await solo.stop();
    }
  });

  it("never returns or logs a password or its hash", async () => {
    const written: string[] = [];
    const out = process.stdout.write.bind(process.stdout);
    const err = process.stderr.write.bind(process.stderr);
    process.stdout.write = ((chunk: string | Uint8Array, ...rest: never[]) => (written.push(String(chunk)), out(chunk, ...rest))) as typeof process.stdout.write;
    process.stderr.write = ((chunk: string | Uint8Array, ...rest: never[]) => (written.push(String(chunk)), err(chunk, ...rest))) as typeof process.stderr.write;
    try {
      const s = await signInAs(server, "admin");
      const bodies = await Promise.all(
        ["/console-api/members", "/console-api/me", "/console-api/me/sessions", `/console-api/members/${s.memberId}/sessions`].map(async (p) => (await s.api(p)).text()),
      );
      bodies.push(await (await post("/console-api/sign-in", { email: s.email, password: s.password })).text());
      for (const b of bodies) {
        expect(b).not.toContain("scrypt$");
        expect(b).not.toContain(s.password);
        expect(b).not.toContain("password_hash");
      }
    } finally {
      process.stdout.write = out;
      process.stderr.write = err;
    }
    expect(written.join("")).not.toMatch(/scrypt\$|correct horse/);
  });
});

describe("API keys in the console", () => {
  it("count as the account's admin, unless CONSOLE_KEY_SIGN_IN=0", async () => {
    const me = Me.parse(await (await server.api("/console-api/me")).json());
    expect(me).toMatchObject({ kind: "key", role: "admin", mode: "test", member: null });
    const off = await startTestServer({ CONSOLE_KEY_SIGN_IN: "0" });
    try {
      const res = await off.api("/console-api/me");
      expect(res.status).toBe(403);
      expect((await res.json()).error).toContain("turned off");
      expect((await off.api("/v1/tasks")).status).toBe(200); // the API itself is unchanged
    } finally {
      await off.stop();
    }
  });
});

describe("first run and npm run keys", () => {
  it("creates the first admin with a one-time link; keys gains members, invite and reset-password", async () => {
    expect(server.adminInviteToken).toMatch(/^[A-Za-z0-9_-]{40,}$/);
    const env = { ...process.env, DATA_DIR: server.dataDir, PUBLIC_URL: "https://console.example.com", PASSWORD_SCRYPT_N: "1024", ...server.databaseEnv };
    const cli = (...args: string[]) => exec(process.execPath, ["--import", "tsx", "src/server/cli/keys.ts", ...args], { env });
    const invited = await cli("invite", "--email", "cli@example.com", "--name", "Cli Person", "--role", "reviewer");
    const link = /https:\/\/console\.example\.com\/welcome#invite=[A-Za-z0-9_-]+/.exec(invited.stdout)?.[0];
    expect(link).toBeDefined();
    const listing = await cli("members");
    expect(listing.stdout).toMatch(/reviewer\s+invited\s+Cli Person <cli@example.com>/);
    expect(listing.stdout).toMatch(/admin\s+invited\s+Admin <admin@localhost>/);
    const reset = await cli("reset-password", "--email", "cli@example.com");
    const link2 = /welcome#invite=([A-Za-z0-9_-]+)/.exec(reset.stdout)?.[1];
    expect((await post("/console-api/invites/lookup", { token: link!.split("#invite=")[1] })).status).toBe(404);
    expect((await post("/console-api/invites/accept", { token: link2, password: "from the command line" })).status).toBe(200);
    await expect(cli("invite", "--email", "nope", "--name", "X", "--role", "boss")).rejects.toMatchObject({ stderr: expect.stringMatching(/email|role/) });
  });
});

describe("activity", () => {
  it("records who created a task in the console and who changed it; an API key by its prefix", async () => {
    const manager = await signInAs(server, "manager", "Max Manager");
    const made = Task.parse(await (await manager.api("/v1/task/annotation", { json: validBodies.annotation })).json());
    // (Its attachment can't be fetched, so the live task may already be in error: change its metadata.)
    expect((await manager.api(`/v1/task/${made.task_id}/setMetadata`, { json: { batch: 7 } })).status).toBe(200);
    const list = ActivityList.parse(await (await manager.api(`/v1/task/${made.task_id}/activity`)).json()).activity;
    expect(list.map((a) => [a.actor, a.action])).toEqual([["Max Manager", "created"], ["Max Manager", "metadata changed"]]);
    const viaKey = Task.parse(await (await server.api("/v1/task/annotation", { json: validBodies.annotation, key: server.liveKey })).json());
    await server.api(`/v1/task/${viaKey.task_id}/setMetadata`, { json: { batch: 8 }, key: server.liveKey });
    const keyed = ActivityList.parse(await (await server.api(`/v1/task/${viaKey.task_id}/activity`, { key: server.liveKey })).json()).activity;
    // API clients create in bulk: creations are recorded for console members only.
    expect(keyed).toEqual([expect.objectContaining({ action: "metadata changed", member_id: null, actor: `API key ${server.liveKey.slice(0, 12)}…` })]);

    // A text attachment is never fetched, so the live task stays pending and can be cancelled.
    const text = { ...validBodies.categorization, attachment_type: "text", attachment: "Acme Inc." };
    const pending = Task.parse(await (await manager.api("/v1/task/categorization", { json: text })).json());
    expect((await manager.api(`/v1/task/${pending.task_id}/cancel`, { method: "POST" })).status).toBe(200);
    const cancelled = ActivityList.parse(await (await manager.api(`/v1/task/${pending.task_id}/activity`)).json()).activity;
    expect(cancelled.map((a) => [a.actor, a.action])).toEqual([["Max Manager", "created"], ["Max Manager", "canceled"]]);
    // A refused cancel (not pending any more) records nothing.
    expect((await manager.api(`/v1/task/${pending.task_id}/cancel`, { method: "POST" })).status).toBe(500);
    expect(ActivityList.parse(await (await manager.api(`/v1/task/${pending.task_id}/activity`)).json()).activity).toHaveLength(2);
  });
});
