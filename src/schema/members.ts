import { z } from "zod";

// Teams (beyond the Scale docs): the console's members, sign-in, sessions, invites and the
// activity log. Served under /console-api (and /v1/task/:id/activity).

export const Role = z.enum(["admin", "manager", "reviewer", "labeler"]);
export type Role = z.infer<typeof Role>;

const Email = z
  .string()
  .trim()
  .toLowerCase()
  .max(254)
  .pipe(z.email({ message: "must be an e-mail address such as ada@example.com" }));

/** `POST /console-api/sign-in` */
export const SignInBody = z.object({
  email: z.string().trim().min(1, "is required").max(254),
  password: z.string().min(1, "is required").max(200),
});
export type SignInBody = z.infer<typeof SignInBody>;

/** `POST /console-api/members`: invite someone. */
export const MemberInvite = z.object({
  name: z.string().trim().min(1, "is required").max(100),
  email: Email,
  role: Role,
});
export type MemberInvite = z.infer<typeof MemberInvite>;

/** `POST /console-api/members/:id`: change the role (or the name). */
export const MemberUpdate = z
  .object({ role: Role.optional(), name: z.string().trim().min(1).max(100).optional() })
  .refine((v) => v.role !== undefined || v.name !== undefined, { message: "send role or name", path: ["role"] });
export type MemberUpdate = z.infer<typeof MemberUpdate>;

export const Member = z.object({
  id: z.string(),
  name: z.string(),
  email: z.string(),
  role: Role,
  /** "invited" until the set-password link is used. */
  status: z.enum(["active", "invited"]),
  created_at: z.string(),
  last_seen_at: z.string().nullable(),
});
export type Member = z.infer<typeof Member>;

export const MemberList = z.object({ members: z.array(Member) });
export type MemberList = z.infer<typeof MemberList>;

/** A set-password link: `link` is shown only when it was not e-mailed (no SMTP_URL). */
export const InviteOutcome = z.object({
  member: Member,
  emailed: z.boolean(),
  link: z.string().nullable(),
  expires_at: z.string(),
  /** Why the e-mail could not be sent, when it was tried and failed. */
  email_error: z.string().nullable(),
});
export type InviteOutcome = z.infer<typeof InviteOutcome>;

/** `POST /console-api/invites/lookup` and `.../accept`: the token travels in the body, never in a URL. */
export const InviteToken = z.object({ token: z.string().min(10, "is not a valid invite token").max(200) });
export const InviteAccept = InviteToken.extend({ password: z.string() });
export const InviteInfo = z.object({ name: z.string(), email: z.string(), role: Role, expires_at: z.string() });
export type InviteInfo = z.infer<typeof InviteInfo>;

export const Session = z.object({
  id: z.string(),
  user_agent: z.string(),
  ip: z.string(),
  created_at: z.string(),
  last_seen_at: z.string(),
  expires_at: z.string(),
  current: z.boolean(),
});
export type Session = z.infer<typeof Session>;
export const SessionList = z.object({ sessions: z.array(Session) });
export type SessionList = z.infer<typeof SessionList>;

/** `GET /console-api/me`: who the console is signed in as. */
export const Me = z.object({
  /** A member's session, or an API key acting as the account's admin. */
  kind: z.enum(["member", "key"]),
  member: z.object({ id: z.string(), name: z.string(), email: z.string() }).nullable(),
  role: Role,
  mode: z.enum(["test", "live"]),
  /** Echo in X-CSRF-Token on every state-changing request made with the session cookie. */
  csrf_token: z.string().nullable(),
});
export type Me = z.infer<typeof Me>;

export const ModeSwitch = z.object({ mode: z.enum(["test", "live"]) });

/** `GET /v1/task/:id/activity`: who did what to a task, oldest first. */
export const ActivityEntry = z.object({
  at: z.string(),
  actor: z.string(),
  /** null when an API key acted. */
  member_id: z.string().nullable(),
  action: z.string(),
  detail: z.string(),
});
export type ActivityEntry = z.infer<typeof ActivityEntry>;
export const ActivityList = z.object({ activity: z.array(ActivityEntry) });
export type ActivityList = z.infer<typeof ActivityList>;
