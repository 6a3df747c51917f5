// /settings: who is signed in and in which mode, the callback auth key, the default callback
// URL, and which API the server forwards to.
import { modeOfKey, useAccount, useApiKey, useConsoleConfig, type Account } from "../../client";
import { ErrorNotice, Loading, PageHeader, Section } from "../tasks";
import { CallbackKeyCard } from "./CallbackKeyCard";
import { DefaultCallbackForm } from "./DefaultCallbackForm";
import styles from "./settings.module.css";

function maskKey(key: string): string {
  return key.length <= 10 ? "••••" : `${key.slice(0, 7)}••••${key.slice(-4)}`;
}

export function SettingsPage() {
  const account = useAccount();
  return (
    <>
      <PageHeader title="Settings" />
      <div className={styles.grid}>
        <SessionCard account={account.data} />
        <ApiCard />
        {account.isPending ? (
          <Loading label="Loading account…" />
        ) : account.isError ? (
          <ErrorNotice error={account.error} title="Account unavailable" onRetry={() => void account.refetch()} />
        ) : (
          <>
            <CallbackKeyCard account={account.data} />
            {/* Not keyed by the URL: a save must not remount the form and lose its "Saved" state. */}
            <DefaultCallbackForm account={account.data} />
          </>
        )}
      </div>
    </>
  );
}

function SessionCard({ account }: { account: Account | undefined }) {
  const { key, persistence } = useApiKey();
  const mode = key ? modeOfKey(key) : account?.mode ?? "unknown";
  return (
    <Section title="Signed in">
      <dl className="kv">
        <dt>Mode</dt>
        <dd>
          {mode === "test" ? (
            <span className="badge badge-warning">Test mode</span>
          ) : mode === "live" ? (
            <span className="badge badge-success">Live mode</span>
          ) : (
            <span className="badge">Unknown</span>
          )}{" "}
          <span className="muted">
            {mode === "test" ? "tasks get synthetic responses" : mode === "live" ? "tasks are done by people" : ""}
          </span>
        </dd>
        <dt>API key</dt>
        <dd className="mono">{key ? maskKey(key) : "none (signed in as a member)"}</dd>
        <dt>Kept</dt>
        <dd>{key ? (persistence === "local" ? "on this device (remembered)" : "in this tab only") : "a session cookie; see My account"}</dd>
        {account ? (
          <>
            <dt>Account</dt>
            <dd className="mono">{account.account_id}</dd>
          </>
        ) : null}
      </dl>
    </Section>
  );
}

function ApiCard() {
  const config = useConsoleConfig();
  return (
    <Section title="API">
      {config.isPending ? (
        <Loading />
      ) : config.isError ? (
        <ErrorNotice error={config.error} title="Server configuration unavailable" onRetry={() => void config.refetch()} />
      ) : (
        <dl className="kv">
          <dt>Requests go to</dt>
          <dd>
            {config.data.api === "embedded" ? (
              <>
                <strong>Embedded API</strong> <span className="muted">(this server)</span>
              </>
            ) : (
              <>
                <span className="mono">{config.data.api}</span> <span className="muted">(through this server's proxy)</span>
              </>
            )}
          </dd>
          <dt>Server key</dt>
          <dd>{config.data.server_key ? "configured (signed-in members use it upstream)" : "not configured"}</dd>
        </dl>
      )}
    </Section>
  );
}
