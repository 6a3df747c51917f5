// /welcome#invite=<token>: the page an invite or reset link opens. The token stays in the
// fragment (never sent to a server in a URL); the person chooses a password once and is signed in.
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useNavigate } from "@tanstack/react-router";
import { useId, useState, type FormEvent } from "react";
import { acceptInvite, clearApiKey, clearUnauthorized, describeError, lookupInvite } from "../../client";
import { ROLE_LABELS } from "./roles";
import styles from "./team.module.css";

const MIN_LENGTH = 10;

function tokenFromHash(): string {
  return new URLSearchParams(window.location.hash.replace(/^#/, "")).get("invite") ?? "";
}

export function Welcome() {
  const [token] = useState(tokenFromHash);
  const invite = useQuery({ queryKey: ["invite", token], queryFn: () => lookupInvite(token), enabled: token !== "", retry: false, staleTime: Infinity });
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [password, setPassword] = useState("");
  const [again, setAgain] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const ids = { password: useId(), again: useId() };

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    if (password !== again) return setError("The two passwords differ.");
    setBusy(true);
    setError(null);
    try {
      await acceptInvite(token, password);
      // Signed in by the cookie the answer set: forget any key and anything fetched before.
      clearApiKey();
      queryClient.clear();
      clearUnauthorized();
      window.history.replaceState(null, "", "/welcome");
      void navigate({ to: "/" });
    } catch (err) {
      setError(describeError(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className={styles.center}>
      <div className={`card ${styles.card}`}>
        <h1>Set your password</h1>
        {!token ? (
          <p role="alert">This page needs the link from your invitation. Ask an admin for a new one.</p>
        ) : invite.isPending ? (
          <p className="muted">Checking the link…</p>
        ) : invite.isError ? (
          <p role="alert" className={styles.error}>
            {describeError(invite.error)}
          </p>
        ) : (
          <form onSubmit={onSubmit} className={styles.stack} aria-label="Set your password">
            <p>
              Welcome, <strong>{invite.data.name}</strong> ({invite.data.email}). You join as <strong>{ROLE_LABELS[invite.data.role]}</strong>.
            </p>
            <label className="field" htmlFor={ids.password}>
              <span>New password</span>
              <input id={ids.password} className="input" type="password" autoComplete="new-password" minLength={MIN_LENGTH} value={password} onChange={(e) => setPassword(e.target.value)} required autoFocus />
            </label>
            <label className="field" htmlFor={ids.again}>
              <span>Repeat it</span>
              <input id={ids.again} className="input" type="password" autoComplete="new-password" value={again} onChange={(e) => setAgain(e.target.value)} required />
            </label>
            <p className="faint">At least {MIN_LENGTH} characters. The link works once.</p>
            {error ? (
              <p role="alert" className={styles.error}>
                {error}
              </p>
            ) : null}
            <button type="submit" className="btn btn-primary" disabled={busy}>
              {busy ? "Saving…" : "Set password and sign in"}
            </button>
          </form>
        )}
      </div>
    </div>
  );
}
