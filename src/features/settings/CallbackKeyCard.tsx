import { useState } from "react";
import { useRotateCallbackAuthKey, type Account } from "../../client";
import { CopyButton, ErrorNotice, Section } from "../tasks";
import styles from "./settings.module.css";

/** The value of the scale-callback-auth header on callbacks: reveal, copy, rotate. */
export function CallbackKeyCard({ account }: { account: Account }) {
  const rotate = useRotateCallbackAuthKey();
  const [revealed, setRevealed] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const key = account.callback_auth_key;

  return (
    <Section title="Callback auth key">
      <p className={styles.help}>
        Sent as the <code>scale-callback-auth</code> header on every callback, so your server can check that a callback
        came from here.
      </p>
      <div className={styles.keyRow}>
        <code className={styles.keyValue} data-testid="callback-auth-key" aria-label="Callback auth key">
          {revealed ? key : "•".repeat(Math.min(32, key.length))}
        </code>
        <button type="button" className="btn btn-sm" aria-pressed={revealed} onClick={() => setRevealed((r) => !r)}>
          {revealed ? "Hide" : "Reveal"}
        </button>
        <CopyButton text={key} />
      </div>
      <div className={styles.rotateRow}>
        {confirming ? (
          <>
            <span className={styles.warn}>Callbacks will carry the new key at once. Rotate?</span>
            <button
              type="button"
              className="btn btn-sm btn-danger"
              disabled={rotate.isPending}
              onClick={() =>
                rotate.mutate(undefined, {
                  onSettled: () => setConfirming(false),
                  onSuccess: () => setRevealed(true),
                })
              }
            >
              {rotate.isPending ? "Rotating…" : "Yes, rotate"}
            </button>
            <button type="button" className="btn btn-sm" onClick={() => setConfirming(false)}>
              Keep current key
            </button>
          </>
        ) : (
          <button type="button" className="btn btn-sm" onClick={() => setConfirming(true)}>
            Rotate key…
          </button>
        )}
      </div>
      {rotate.isError ? <ErrorNotice error={rotate.error} title="Key not rotated" /> : null}
      {rotate.isSuccess ? (
        <p className={styles.ok} role="status">
          New key in effect.
        </p>
      ) : null}
    </Section>
  );
}
