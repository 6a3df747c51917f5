import type { Member, MemberInvite } from "../../schema";
import type { Config } from "../config";
import type { Db } from "../store/db";
import { createInvite, findMemberByEmail, insertMember, listMembers } from "../store/members";
import { ApiError } from "../http/errors";
import { mailInviteLink } from "./mail";

// Invites and password resets both hand out a set-password link: `/welcome#invite=<token>`. The
// token sits in the fragment, which browsers never send to a server, so it stays out of logs.

export function inviteLink(base: string, token: string): string {
  return `${base.replace(/\/+$/, "")}/welcome#invite=${token}`;
}

type MemberRow = Awaited<ReturnType<typeof listMembers>>[number];

export function toWireMember(m: MemberRow): Member {
  return {
    id: m.id,
    name: m.name,
    email: m.email,
    role: m.role,
    status: m.has_password ? "active" : "invited",
    created_at: new Date(Number(m.created_at)).toISOString(),
    last_seen_at: m.last_seen_at === null || m.last_seen_at === undefined ? null : new Date(Number(m.last_seen_at)).toISOString(),
  };
}

export async function wireMember(db: Db, accountId: string, id: string): Promise<Member> {
  const m = (await listMembers(db, accountId)).find((r) => r.id === id);
  if (!m) throw new ApiError(404, `no member with id ${id}`);
  return toWireMember(m);
}

export interface IssuedLink {
  link: string;
  expiresAt: number;
  emailed: boolean;
  emailError: string | null;
}

/** A new set-password link for a member, e-mailed when SMTP_URL is set. */
export async function issueLink(db: Db, config: Config, base: string, member: { id: string; name: string; email: string }, reset: boolean): Promise<IssuedLink> {
  const { token, expiresAt } = await createInvite(db, member.id);
  const link = inviteLink(base, token);
  const mail = await mailInviteLink(config, member, link, reset);
  return { link, expiresAt, emailed: mail.sent, emailError: mail.sent ? null : mail.error };
}

/** Adds a member (refusing an e-mail already in use) and issues their first link. */
export async function inviteMember(db: Db, config: Config, base: string, accountId: string, input: MemberInvite) {
  if (await findMemberByEmail(db, input.email)) throw new ApiError(409, `email: ${input.email} is already a member`);
  let id: string;
  try {
    id = await insertMember(db, accountId, input);
  } catch (err) {
    if (/unique/i.test(String(err))) throw new ApiError(409, `email: ${input.email} is already a member`);
    throw err;
  }
  const issued = await issueLink(db, config, base, { id, name: input.name, email: input.email }, false);
  return { member: await wireMember(db, accountId, id), issued };
}
