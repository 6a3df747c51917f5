// The API-key half of the sign-in screen (see SignIn.tsx), kept as it was before members existed.
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

/** Signing in with an API key: the key acts as the account's admin (single-person setups). */
export function KeySignIn() {
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

  return (
    <form className={styles.section} onSubmit={onSubmit} aria-label="Key sign-in">
        <label className="field" htmlFor={keyId}>          <span>API key</span>
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
          <button type="submit" className="btn" disabled={!trimmed || busy}>
            {busy ? "Checking…" : "Sign in with the key"}
          </button>
        </div>
    </form>
  );
}
