import type { Role } from "../store/schema";
import { insertMember } from "../store/members";
import { hashPassword } from "../accounts/password";
import type { TestServer } from "./harness";

// Signed-in members for API tests: a member with a password, signed in through the real
// endpoint, and a fetch that sends the session cookie and CSRF token as the console does.

export interface SignedIn {
  memberId: string;
  email: string;
  password: string;
  cookie: string;
  csrf: string;
  /** fetch with the session: cookie, X-CSRF-Token and this server's Origin on state changes. */
  api(pathname: string, init?: RequestInit & { json?: unknown; csrf?: string | null; origin?: string | null }): Promise<Response>;
}

let n = 0;

export async function addMember(server: TestServer, role: Role, name = `${role} ${++n}`): Promise<{ id: string; email: string; password: string }> {
  const account = await server.db.selectFrom("accounts").select("id").orderBy("created_at").limit(1).executeTakeFirstOrThrow();
  const email = `${role}${n}-${Date.now()}@example.com`;
  const id = await insertMember(server.db, account.id, { name, email, role });
  const password = `correct horse ${n}`;
  await server.db.updateTable("members").set({ password_hash: await hashPassword(password, 1024) }).where("id", "=", id).execute();
  return { id, email, password };
}

export function sessionCookieOf(res: Response): string {
  const set = res.headers.get("set-cookie") ?? "";
  const m = /^(sw_session|__Host-sw_session)=([^;]*)/.exec(set);
  if (!m || !m[2]) throw new Error(`no session cookie in ${JSON.stringify(set)}`);
  return `${m[1]}=${m[2]}`;
}

export async function signIn(server: TestServer, email: string, password: string): Promise<SignedIn & { memberId: "" }> {
  const res = await fetch(`${server.url}/console-api/sign-in`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: server.url },
    body: JSON.stringify({ email, password }),
  });
  if (res.status !== 200) throw new Error(`sign-in answered ${res.status}: ${await res.text()}`);
  return session(server, sessionCookieOf(res), email, password);
}

export async function session(server: TestServer, cookie: string, email = "", password = ""): Promise<SignedIn & { memberId: "" }> {
  const me = await fetch(`${server.url}/console-api/me`, { headers: { cookie } });
  const csrf = ((await me.json()) as { csrf_token: string }).csrf_token;
  return {
    memberId: "",
    email,
    password,
    cookie,
    csrf,
    api(pathname, init = {}) {
      const { json, csrf: csrfOverride, origin, ...rest } = init;
      const headers = new Headers(rest.headers);
      headers.set("cookie", cookie);
      let body = rest.body;
      if (json !== undefined) {
        headers.set("content-type", "application/json");
        body = JSON.stringify(json);
      }
      const method = rest.method ?? (body !== undefined ? "POST" : "GET");
      if (method !== "GET") {
        const token = csrfOverride === undefined ? csrf : csrfOverride;
        if (token !== null) headers.set("x-csrf-token", token);
        const o = origin === undefined ? server.url : origin;
        if (o !== null) headers.set("origin", o);
      }
      return fetch(server.url + pathname, { ...rest, method, headers, body });
    },
  };
}

export async function signInAs(server: TestServer, role: Role, name?: string): Promise<SignedIn> {
  const m = await addMember(server, role, name);
  const s = await signIn(server, m.email, m.password);
  return { ...s, memberId: m.id };
}
