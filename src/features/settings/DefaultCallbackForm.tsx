import { useId, useState, type FormEvent } from "react";
import { useUpdateAccount, type Account } from "../../client";
import { ErrorNotice, Section } from "../tasks";
import styles from "./settings.module.css";

/** Used for tasks created without a callback_url; empty clears it. */
export function DefaultCallbackForm({ account }: { account: Account }) {
  const update = useUpdateAccount();
  const [url, setUrl] = useState(account.default_callback_url ?? "");
  const inputId = useId();
  const unchanged = url.trim() === (account.default_callback_url ?? "");

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    update.mutate({ default_callback_url: url.trim() || null });
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
            onChange={(e) => {
              setUrl(e.target.value);
              update.reset();
            }}
          />
        </label>
        {update.isError ? <ErrorNotice error={update.error} title="Not saved" /> : null}
        <div className={styles.rotateRow}>
          <button type="submit" className="btn btn-primary btn-sm" disabled={unchanged || update.isPending}>
            {update.isPending ? "Saving…" : "Save"}
          </button>
          {update.isSuccess ? (
            <span className={styles.ok} role="status">
              Saved.
            </span>
          ) : null}
        </div>
      </form>
    </Section>
  );
}
