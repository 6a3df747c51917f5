// /account: who I am signed in as, my role, the mode my session works in, and my sessions.
import { useApiKey, useMe, useMySessions, useRevokeMySession, useSwitchMode } from "../../client";
import { ErrorNotice, Loading, PageHeader, Section } from "../tasks";
import { SessionTable } from "./SessionTable";
import { ROLE_LABELS, ROLE_SUMMARY } from "./roles";
import styles from "./team.module.css";

export function AccountPage() {
  const me = useMe();
  const { key } = useApiKey();
  const sessions = useMySessions();
  const revoke = useRevokeMySession();
  const switchMode = useSwitchMode();
  if (me.isPending) return <Loading label="Loading…" />;
  if (me.isError) return <ErrorNotice error={me.error} title="Not available" />;
  if (!me.data) return null;
  const { member, role, mode } = me.data;
  return (
    <>
      <PageHeader title="My account" />
      <div className={styles.stack}>
        <Section title="Signed in">
          <dl className="kv">
            <dt>As</dt>
            <dd>{member ? `${member.name} (${member.email})` : "an API key (the account's admin)"}</dd>
            <dt>Role</dt>
            <dd>
              <strong>{ROLE_LABELS[role]}</strong> <span className="muted">— {ROLE_SUMMARY[role]}</span>
            </dd>
            <dt>Mode</dt>
            <dd>
              {mode === "test" ? <span className="badge badge-warning">Test mode</span> : <span className="badge badge-success">Live mode</span>}{" "}
              {member && !key ? (
                <button type="button" className="btn btn-sm" disabled={switchMode.isPending} onClick={() => switchMode.mutate(mode === "test" ? "live" : "test")}>
                  Switch to {mode === "test" ? "live" : "test"} mode
                </button>
              ) : (
                <span className="muted">the key's mode</span>
              )}
            </dd>
          </dl>
        </Section>
        {member ? (
          <Section title="My sessions">
            {sessions.isPending ? (
              <Loading />
            ) : sessions.isError ? (
              <ErrorNotice error={sessions.error} title="Sessions unavailable" />
            ) : (
              <SessionTable sessions={sessions.data.sessions} busy={revoke.isPending} onRevoke={(id) => revoke.mutate(id, { onSuccess: () => id === sessions.data.sessions.find((s) => s.current)?.id && window.location.reload() })} />
            )}
          </Section>
        ) : null}
      </div>
    </>
  );
}
