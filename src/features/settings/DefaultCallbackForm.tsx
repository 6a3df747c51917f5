import { useId, useState, type FormEvent } from "react";
import { useUpdateAccount, type Account } from "../../client";
import { ErrorNotice, Section, Timestamp } from "../tasks";
import styles from "./settings.module.css";

/**
 * Used for tasks created without a callback_url; empty clears it. After a save the form says so
 * (and when), and the button reads "Saved" until the URL is edited again.
 */
export function DefaultCallbackForm({ account }: { account: Account }) {
  const update = useUpdateAccount();
  const saved = account.default_callback_url ?? "";
  const [url, setUrl] = useState(saved);
  const [savedAt, setSavedAt] = useState<string | null>(null);
  const inputId = useId();
  const statusId = useId();
  const unchanged = url.trim() === saved;

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    const next = url.trim();
    update.mutate(
      { default_callback_url: next || null },
      {
        onSuccess: () => {
          setUrl(next);
          setSavedAt(new Date().toISOString());
        },
      },
    );
  }

  return (
    <Section title="Default callback URL">
      <form onSubmit={onSubmit} className={styles.form}>
        <label className="field" htmlFor={inputId}>
          <span>URL or e-mail address, used when a task has no callback_url</span>
          <input
            id={inputId}
            className="input mono"
            type="text"
            inputMode="url"
            placeholder="https://example.com/scale-callback"
            value={url}
            aria-describedby={statusId}
            onChange={(e) => {
              setUrl(e.target.value);
              setSavedAt(null);
              update.reset();
            }}
          />
        </label>
        {update.isError ? <ErrorNotice error={update.error} title="Not saved" /> : null}
        <div className={styles.rotateRow}>
          <button type="submit" className="btn btn-primary btn-sm" disabled={unchanged || update.isPending}>
            {update.isPending ? "Saving…" : savedAt && unchanged ? "Saved" : "Save"}
          </button>
          <span id={statusId} className={savedAt ? styles.ok : "muted"} role="status" data-testid="callback-saved">
            {savedAt ? (
              <>
                ✓ Saved at <Timestamp value={savedAt} short />
                {saved ? "" : ": tasks without a callback_url get no callback"}.
              </>
            ) : unchanged ? (
              saved ? "" : "Not set: tasks without a callback_url get no callback."
            ) : (
              "Not saved yet."
            )}
          </span>
        </div>
      </form>
    </Section>
  );
}
