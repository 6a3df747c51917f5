// /settings/members (admins): invite people, change their role, reset a password, remove a
// member, and see or end their sessions. Every action is checked again by the server.
import { useId, useState, type FormEvent } from "react";
import {
  describeError,
  useChangeRole,
  useInviteMember,
  useMe,
  useMemberSessions,
  useMembers,
  useRemoveMember,
  useResetPassword,
  useRevokeMemberSession,
  type InviteOutcome,
  type Member,
  type Role,
} from "../../client";
import { CopyButton, ErrorNotice, Loading, PageHeader, Section, Timestamp } from "../tasks";
import { SessionTable } from "./SessionTable";
import { ROLE_LABELS, ROLE_OPTIONS } from "./roles";
import styles from "./team.module.css";

export function MembersPage() {
  const members = useMembers();
  const [outcome, setOutcome] = useState<{ title: string; result: InviteOutcome } | null>(null);
  return (
    <>
      <PageHeader title="Members" subtitle="People who sign into this console, and what each may do." />
      <div className={styles.stack}>
        <InviteForm onInvited={(result) => setOutcome({ title: `Invited ${result.member.name}`, result })} />
        {outcome ? <LinkNotice title={outcome.title} result={outcome.result} onDismiss={() => setOutcome(null)} /> : null}
        <Section title="Team">
          {members.isPending ? (
            <Loading label="Loading members…" />
          ) : members.isError ? (
            <ErrorNotice error={members.error} title="Members unavailable" onRetry={() => void members.refetch()} />
          ) : (
            <MemberTable members={members.data.members} onReset={(result) => setOutcome({ title: `New password link for ${result.member.name}`, result })} />
          )}
        </Section>
      </div>
    </>
  );
}

function InviteForm({ onInvited }: { onInvited: (r: InviteOutcome) => void }) {
  const invite = useInviteMember();
  const [name, setName] = useState("");
  const [email, setEmail] = useState("");
  const [role, setRole] = useState<Role>("labeler");
  const ids = { name: useId(), email: useId(), role: useId() };
  function onSubmit(e: FormEvent) {
    e.preventDefault();
    invite.mutate(
      { name, email, role },
      {
        onSuccess: (r) => {
          onInvited(r);
          setName("");
          setEmail("");
        },
      },
    );
  }
  return (
    <Section title="Invite someone">
      <form className={styles.inviteForm} onSubmit={onSubmit} aria-label="Invite a member">
        <label className="field" htmlFor={ids.name}>
          <span>Name</span>
          <input id={ids.name} className="input" value={name} onChange={(e) => setName(e.target.value)} required maxLength={100} />
        </label>
        <label className="field" htmlFor={ids.email}>
          <span>E-mail</span>
          <input id={ids.email} className="input" type="email" value={email} onChange={(e) => setEmail(e.target.value)} required />
        </label>
        <label className="field" htmlFor={ids.role}>
          <span>Role</span>
          <select id={ids.role} className="select" value={role} onChange={(e) => setRole(e.target.value as Role)}>
            {ROLE_OPTIONS.map((r) => (
              <option key={r} value={r}>
                {ROLE_LABELS[r]}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" className="btn btn-primary" disabled={invite.isPending}>
          {invite.isPending ? "Inviting…" : "Invite"}
        </button>
      </form>
      {invite.isError ? (
        <p className={styles.error} role="alert">
          {describeError(invite.error)}
        </p>
      ) : null}
    </Section>
  );
}

function LinkNotice({ title, result, onDismiss }: { title: string; result: InviteOutcome; onDismiss: () => void }) {
  return (
    <Section title={title} actions={<button type="button" className="btn btn-sm btn-ghost" onClick={onDismiss}>Dismiss</button>}>
      {result.emailed ? (
        <p>The link was e-mailed to {result.member.email}.</p>
      ) : (
        <>
          <p className="muted">
            {result.email_error ? `The e-mail could not be sent (${result.email_error}). ` : "No SMTP_URL is set, so nothing was e-mailed. "}
            Send this link to {result.member.email} yourself: it sets their password once and expires <Timestamp value={result.expires_at} />.
          </p>
          <div className={styles.linkBox}>
            <span className={`mono ${styles.linkValue}`} data-testid="invite-link">
              {result.link}
            </span>
            <CopyButton text={result.link ?? ""} label="Copy link" />
          </div>
        </>
      )}
    </Section>
  );
}

function MemberTable({ members, onReset }: { members: Member[]; onReset: (r: InviteOutcome) => void }) {
  const me = useMe();
  const changeRole = useChangeRole();
  const reset = useResetPassword();
  const remove = useRemoveMember();
  const [open, setOpen] = useState<string | null>(null);
  const error = changeRole.error ?? reset.error ?? remove.error;
  return (
    <>
      {error ? (
        <p className={styles.error} role="alert">
          {describeError(error)}
        </p>
      ) : null}
      <div className={styles.tableWrap}>
        <table className="table">
          <thead>
            <tr>
              <th>Name</th>
              <th>E-mail</th>
              <th>Role</th>
              <th>Status</th>
              <th>Last seen</th>
              <th>Actions</th>
            </tr>
          </thead>
          <tbody>
            {members.map((m) => (
              <MemberRow
                key={m.id}
                member={m}
                isMe={me.data?.member?.id === m.id}
                open={open === m.id}
                onToggleSessions={() => setOpen(open === m.id ? null : m.id)}
                onRole={(role) => changeRole.mutate({ id: m.id, role })}
                onReset={() => {
                  if (window.confirm(`Reset ${m.name}'s password? Their sessions end now and they need the new link to sign in.`)) reset.mutate(m.id, { onSuccess: onReset });
                }}
                onRemove={() => {
                  if (window.confirm(`Remove ${m.name}? Their sessions end now; what they did stays attributed to them.`)) remove.mutate(m.id);
                }}
              />
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

interface RowProps {
  member: Member;
  isMe: boolean;
  open: boolean;
  onToggleSessions: () => void;
  onRole: (role: Role) => void;
  onReset: () => void;
  onRemove: () => void;
}

function MemberRow({ member: m, isMe, open, onToggleSessions, onRole, onReset, onRemove }: RowProps) {
  return (
    <>
      <tr>
        <td>
          {m.name} {isMe ? <span className="badge">you</span> : null}
        </td>
        <td>{m.email}</td>
        <td>
          <select className="select" aria-label={`Role of ${m.name}`} value={m.role} onChange={(e) => onRole(e.target.value as Role)}>
            {ROLE_OPTIONS.map((r) => (
              <option key={r} value={r}>
                {ROLE_LABELS[r]}
              </option>
            ))}
          </select>
        </td>
        <td>{m.status === "active" ? <span className="badge badge-success">active</span> : <span className="badge badge-warning">invited</span>}</td>
        <td>
          <Timestamp value={m.last_seen_at} />
        </td>
        <td>
          <div className={styles.actions}>
            <button type="button" className="btn btn-sm" onClick={onToggleSessions} aria-expanded={open}>
              Sessions
            </button>
            <button type="button" className="btn btn-sm" onClick={onReset}>
              Reset password
            </button>
            <button type="button" className="btn btn-sm btn-danger" onClick={onRemove}>
              Remove
            </button>
          </div>
        </td>
      </tr>
      {open ? (
        <tr>
          <td colSpan={6}>
            <MemberSessions memberId={m.id} />
          </td>
        </tr>
      ) : null}
    </>
  );
}

function MemberSessions({ memberId }: { memberId: string }) {
  const sessions = useMemberSessions(memberId, true);
  const revoke = useRevokeMemberSession();
  if (sessions.isPending) return <Loading label="Loading sessions…" />;
  if (sessions.isError) return <ErrorNotice error={sessions.error} title="Sessions unavailable" />;
  return <SessionTable sessions={sessions.data.sessions} busy={revoke.isPending} onRevoke={(sessionId) => revoke.mutate({ memberId, sessionId })} />;
}
