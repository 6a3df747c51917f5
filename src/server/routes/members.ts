import type { FastifyInstance, FastifyRequest } from "fastify";
import {
  describeZodError,
  InviteAccept,
  InviteToken,
  MemberInvite,
  MemberUpdate,
  ModeSwitch,
  SignInBody,
  type InviteInfo,
  type InviteOutcome,
  type Me,
  type MemberList,
  type SessionList,
} from "../../schema";
import type { Config } from "../config";
import type { Db } from "../store/db";
import {
  acceptInvite,
  countAdmins,
  createSession,
  findInvite,
  findMemberByEmail,
  getMember,
  listMembers,
  listSessions,
  lockOutMember,
  revokeSession,
  setSessionMode,
} from "../store/members";
import { ApiError, badRequest } from "../http/errors";
import { setSessionCookie } from "../http/auth";
import { issueLink, inviteMember, toWireMember, wireMember, type IssuedLink } from "../accounts/invites";
import { hashPassword, passwordProblem, verifyAgainstDummy, verifyPassword } from "../accounts/password";
import { clearSignInFailures, recordSignInFailure, signInBlockedFor } from "../accounts/signin-limit";

// The console's own endpoints: sign-in and out, who am I, my sessions, invites, and (admins)
// members. Who may call each one is decided beforehand by the endpoint table (members/roles.ts).

const WRONG = "wrong e-mail or password";

function parse<T>(schema: { safeParse(v: unknown): { success: true; data: T } | { success: false; error: import("zod").ZodError } }, body: unknown): T {
  const r = schema.safeParse(body ?? {});
  if (!r.success) throw badRequest(describeZodError(r.error, body));
  return r.data;
}

/** Where links this server hands out point: PUBLIC_URL, else the address the admin used. */
function baseUrl(req: FastifyRequest, config: Config): string {
  return config.publicUrl ?? `${req.protocol}://${req.host}`;
}

function iso(ms: number): string {
  return new Date(Number(ms)).toISOString();
}

function inviteOutcome(member: InviteOutcome["member"], issued: IssuedLink): InviteOutcome {
  return { member, emailed: issued.emailed, link: issued.emailed ? null : issued.link, expires_at: iso(issued.expiresAt), email_error: issued.emailError };
}

async function sessionsOf(db: Db, memberId: string, currentId: string | null): Promise<SessionList> {
  const rows = await listSessions(db, memberId);
  return {
    sessions: rows.map((s) => ({
      id: s.id,
      user_agent: s.user_agent,
      ip: s.ip,
      created_at: iso(s.created_at),
      last_seen_at: iso(s.last_seen_at),
      expires_at: iso(s.expires_at),
      current: s.id === currentId,
    })),
  };
}

export function registerMemberRoutes(app: FastifyInstance, db: Db, config: Config): void {
  const startSession = async (req: FastifyRequest, reply: import("fastify").FastifyReply, member: { id: string; account_id: string }) => {
    const { token } = await createSession(db, { memberId: member.id, accountId: member.account_id, mode: "live", userAgent: req.headers["user-agent"] ?? "", ip: req.ip });
    setSessionCookie(req, reply, config, token);
  };

  app.post("/console-api/sign-in", async (req, reply) => {
    const body = parse(SignInBody, req.body);
    const wait = await signInBlockedFor(db, req.ip, body.email);
    if (wait > 0) {
      reply.header("retry-after", String(wait));
      throw new ApiError(429, `too many failed sign-ins; try again in ${Math.ceil(wait / 60)} minute(s)`);
    }
    const member = await findMemberByEmail(db, body.email);
    const ok = member?.password_hash ? await verifyPassword(body.password, member.password_hash) : await verifyAgainstDummy(body.password, config.passwordScryptCost);
    if (!member || !ok) {
      await recordSignInFailure(db, req.ip, body.email);
      throw new ApiError(401, WRONG);
    }
    await clearSignInFailures(db, body.email);
    await startSession(req, reply, member);
    return { ok: true };
  });

  app.post("/console-api/sign-out", async (req, reply) => {
    const p = req.principal;
    if (p.member && p.session) await revokeSession(db, p.member.id, p.session.id);
    setSessionCookie(req, reply, config, null);
    return { ok: true };
  });

  app.get("/console-api/me", async (req): Promise<Me> => {
    const p = req.principal;
    return { kind: p.member ? "member" : "key", member: p.member, role: p.role, mode: p.mode, csrf_token: p.session?.csrfToken ?? null };
  });

  app.post("/console-api/me/mode", async (req): Promise<Me> => {
    const { mode } = parse(ModeSwitch, req.body);
    const p = req.principal;
    if (!p.session) throw new ApiError(400, "mode: with an API key the mode is the key's; sign in with the other key instead");
    await setSessionMode(db, p.session.id, mode);
    return { kind: "member", member: p.member, role: p.role, mode, csrf_token: p.session.csrfToken };
  });

  app.get("/console-api/me/sessions", async (req): Promise<SessionList> => {
    const p = req.principal;
    return p.member ? sessionsOf(db, p.member.id, p.session?.id ?? null) : { sessions: [] };
  });

  app.post<{ Params: { id: string } }>("/console-api/me/sessions/:id/revoke", async (req, reply) => {
    const p = req.principal;
    if (!p.member || !(await revokeSession(db, p.member.id, req.params.id))) throw new ApiError(404, `no session with id ${req.params.id}`);
    if (p.session?.id === req.params.id) setSessionCookie(req, reply, config, null);
    return { ok: true };
  });

  app.post("/console-api/invites/lookup", async (req): Promise<InviteInfo> => {
    const { token } = parse(InviteToken, req.body);
    const invite = await findInvite(db, token);
    if (!invite) throw new ApiError(404, "this link was already used or has expired; ask an admin for a new one");
    return { name: invite.name, email: invite.email, role: invite.role, expires_at: iso(invite.expires_at) };
  });

  app.post("/console-api/invites/accept", async (req, reply) => {
    const { token, password } = parse(InviteAccept, req.body);
    const problem = passwordProblem(password);
    if (problem) throw badRequest(problem);
    const invite = await findInvite(db, token);
    if (!invite) throw new ApiError(404, "this link was already used or has expired; ask an admin for a new one");
    const hash = await hashPassword(password, config.passwordScryptCost);
    if (!(await acceptInvite(db, invite.token_hash, invite.member_id, hash))) {
      throw new ApiError(404, "this link was already used or has expired; ask an admin for a new one");
    }
    await startSession(req, reply, { id: invite.member_id, account_id: invite.account_id });
    return { ok: true };
  });

  app.get("/console-api/members", async (req): Promise<MemberList> => ({
    members: (await listMembers(db, req.principal.accountId)).map(toWireMember),
  }));

  app.post("/console-api/members", async (req): Promise<InviteOutcome> => {
    const input = parse(MemberInvite, req.body);
    const { member, issued } = await inviteMember(db, config, baseUrl(req, config), req.principal.accountId, input);
    return inviteOutcome(member, issued);
  });

  const memberOr404 = async (req: FastifyRequest<{ Params: { id: string } }>) => {
    const m = await getMember(db, req.principal.accountId, req.params.id);
    if (!m) throw new ApiError(404, `no member with id ${req.params.id}`);
    return m;
  };
  /** The account must keep a member who can manage members. */
  const keepAnAdmin = async (accountId: string, m: { role: string }, action: string) => {
    if (m.role === "admin" && (await countAdmins(db, accountId)) <= 1) throw new ApiError(409, `the last admin cannot be ${action}; make another member admin first`);
  };

  app.post<{ Params: { id: string } }>("/console-api/members/:id", async (req) => {
    const m = await memberOr404(req);
    const update = parse(MemberUpdate, req.body);
    if (update.role && update.role !== "admin") await keepAnAdmin(req.principal.accountId, m, "demoted");
    await db.updateTable("members").set(update).where("id", "=", m.id).execute();
    return wireMember(db, req.principal.accountId, m.id);
  });

  app.post<{ Params: { id: string } }>("/console-api/members/:id/reset-password", async (req): Promise<InviteOutcome> => {
    const m = await memberOr404(req);
    // The old password and every session stop at once; the new link sets the next password.
    await lockOutMember(db, m.id, { clearPassword: true });
    const issued = await issueLink(db, config, baseUrl(req, config), m, true);
    return inviteOutcome(await wireMember(db, req.principal.accountId, m.id), issued);
  });

  app.post<{ Params: { id: string } }>("/console-api/members/:id/remove", async (req) => {
    const m = await memberOr404(req);
    await keepAnAdmin(req.principal.accountId, m, "removed");
    await lockOutMember(db, m.id, { remove: true });
    return { ok: true };
  });

  app.get<{ Params: { id: string } }>("/console-api/members/:id/sessions", async (req): Promise<SessionList> => {
    const m = await memberOr404(req);
    return sessionsOf(db, m.id, req.principal.session?.id ?? null);
  });

  app.post<{ Params: { id: string; sessionId: string } }>("/console-api/members/:id/sessions/:sessionId/revoke", async (req) => {
    const m = await memberOr404(req);
    if (!(await revokeSession(db, m.id, req.params.sessionId))) throw new ApiError(404, `no session with id ${req.params.sessionId}`);
    return { ok: true };
  });
}
