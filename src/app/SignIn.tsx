import { useQueryClient } from "@tanstack/react-query";
import { useId, useState, type FormEvent } from "react";
import {
  clearUnauthorized,
  describeError,
  modeOfKey,
  setApiKey,
  useApiKey,
  verifyApiKey,
  type KeyPersistence,
} from "../client";
import styles from "./SignIn.module.css";

interface Props {
  /** The server's 401 message, when sign-in was forced by a rejected key. */
  reason: string | null;
  serverKey: boolean;
  hadKey: boolean;
}

export function SignIn({ reason, serverKey, hadKey }: Props) {
  const queryClient = useQueryClient();
  const { persistence: lastPersistence } = useApiKey();
  const [key, setKey] = useState("");
  const [persistence, setPersistence] = useState<KeyPersistence>(lastPersistence);
  const [reveal, setReveal] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const keyId = useId();
  const hintId = useId();

  const trimmed = key.trim();
  const mode = modeOfKey(trimmed);

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (!trimmed) return;
    setBusy(true);
    setError(null);
    try {
      await verifyApiKey(trimmed);
      setApiKey(trimmed, persistence);
      // Nothing fetched with another key may show under this one.
      queryClient.clear();
      clearUnauthorized();
    } catch (e) {
      setError(describeError(e));
    } finally {
      setBusy(false);
    }
  }

  function continueWithServerKey() {
    queryClient.clear();
    clearUnauthorized();
  }

  return (
    <div className={styles.page}>
      <form className={`card ${styles.card}`} onSubmit={onSubmit} aria-labelledby="sign-in-title">
        <div className={styles.brand}>
          <img src="/favicon.svg" alt="" width={28} height={28} />
          <div>
            <h1 id="sign-in-title">Sign in to Scale Workbench</h1>
            <div className="muted">Use an API key from your Scale account.</div>
          </div>
        </div>

        {reason ? (
          <div className={styles.alert} role="alert">
            {hadKey ? "The API key was rejected: " : ""}
            {reason}
          </div>
        ) : null}

        <label className="field" htmlFor={keyId}>
          <span>API key</span>
          <div className={styles.keyRow}>
            <input
              id={keyId}
              className={`input mono ${styles.keyInput}`}
              type={reveal ? "text" : "password"}
              autoComplete="off"
              spellCheck={false}
              placeholder="live_… or test_…"
              value={key}
              onChange={(e) => setKey(e.target.value)}
              aria-describedby={hintId}
              autoFocus
              required
            />
            <button type="button" className="btn" onClick={() => setReveal((r) => !r)} aria-pressed={reveal}>
              {reveal ? "Hide" : "Show"}
            </button>
          </div>
        </label>
        <div id={hintId} className={styles.hint}>
          {mode === "test" ? (
            <span className="badge badge-warning">Test key</span>
          ) : mode === "live" ? (
            <span className="badge badge-success">Live key</span>
          ) : (
            <span className="faint">Keys start with live_ (live mode) or test_ (test mode).</span>
          )}
        </div>

        <fieldset className={styles.persistence}>
          <legend>Keep me signed in</legend>
          <label>
            <input
              type="radio"
              name="persistence"
              checked={persistence === "session"}
              onChange={() => setPersistence("session")}
            />
            This tab only
          </label>
          <label>
            <input
              type="radio"
              name="persistence"
              checked={persistence === "local"}
              onChange={() => setPersistence("local")}
            />
            Remember on this device
          </label>
        </fieldset>

        {error ? (
          <div className={styles.alert} role="alert">
            {error}
          </div>
        ) : null}

        <div className={styles.actions}>
          <button type="submit" className="btn btn-primary" disabled={!trimmed || busy}>
            {busy ? "Checking…" : "Sign in"}
          </button>
          {serverKey ? (
            <button type="button" className="btn btn-ghost" onClick={continueWithServerKey}>
              Continue with the server's key
            </button>
          ) : null}
        </div>
      </form>
    </div>
  );
}
