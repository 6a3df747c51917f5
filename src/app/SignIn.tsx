// The sign-in screen: members sign in with e-mail and password; where the server allows it, an
// API key works too and acts as the account's admin.
import { useQueryClient } from "@tanstack/react-query";
import { useId, useState, type FormEvent } from "react";
import { clearApiKey, clearUnauthorized, describeError, signInWithPassword } from "../client";
import { KeySignIn } from "./KeySignIn";
import styles from "./SignIn.module.css";

interface Props {
  /** The server's 401/403 message, when sign-in was forced by a rejected session or key. */
  reason: string | null;
  /** Whether the server accepts API keys in the console (CONSOLE_KEY_SIGN_IN). */
  keySignIn: boolean;
  hadKey: boolean;
}

export function SignIn({ reason, keySignIn, hadKey }: Props) {
  const queryClient = useQueryClient();
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const emailId = useId();
  const passwordId = useId();

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await signInWithPassword(email.trim(), password);
      // A stored key would take precedence over the new session; nothing fetched before may show.
      clearApiKey();
      queryClient.clear();
      clearUnauthorized();
    } catch (e) {
      setError(describeError(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className={styles.page}>
      <div className={`card ${styles.card}`}>
        <div className={styles.brand}>
          <img src="/favicon.svg" alt="" width={28} height={28} />
          <div>
            <h1 id="sign-in-title">Sign in to Scale Workbench</h1>
            <div className="muted">With the e-mail your admin invited{keySignIn ? ", or with an API key" : ""}.</div>
          </div>
        </div>

        {reason ? (
          <div className={styles.alert} role="alert">
            {hadKey ? "The API key was rejected: " : ""}
            {reason}
          </div>
        ) : null}

        <form className={styles.section} onSubmit={onSubmit} aria-label="Member sign-in">
          <label className="field" htmlFor={emailId}>
            <span>E-mail</span>
            <input id={emailId} className="input" type="email" autoComplete="username" value={email} onChange={(e) => setEmail(e.target.value)} required autoFocus />
          </label>
          <label className="field" htmlFor={passwordId}>
            <span>Password</span>
            <input id={passwordId} className="input" type="password" autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} required />
          </label>
          {error ? (
            <div className={styles.alert} role="alert">
              {error}
            </div>
          ) : null}
          <div className={styles.actions}>
            <button type="submit" className="btn btn-primary" disabled={busy || !email.trim() || !password}>
              {busy ? "Signing in…" : "Sign in"}
            </button>
          </div>
        </form>

        {keySignIn ? (
          <>
            <div className={styles.divider}>
              <span>or use an API key</span>
            </div>
            <KeySignIn />
          </>
        ) : null}
      </div>
    </div>
  );
}
