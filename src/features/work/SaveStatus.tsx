// "Saving… / Saved at 14:02 / Offline — 3 changes waiting / Conflict": the draft's state, always in
// view. Subscribes to the sync on its own so the panel never re-renders for it.
import { useEffect, useState, useSyncExternalStore } from "react";
import type { DraftSync } from "./draftSync";
import styles from "./work.module.css";

export function clock(iso: string | number): string {
  return new Date(iso).toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" });
}

function useNow(active: boolean): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!active) return;
    const t = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(t);
  }, [active]);
  return now;
}

export function SaveStatus({ sync }: { sync: DraftSync }) {
  const s = useSyncExternalStore(sync.subscribe, sync.snapshot);
  const now = useNow(s.retryAt !== null);
  const waiting = `${s.unsaved} change${s.unsaved === 1 ? "" : "s"} waiting`;
  let text: string;
  let tone: "ok" | "busy" | "warn" | "bad" = "ok";
  switch (s.status) {
    case "saving":
      text = "Saving…";
      tone = "busy";
      break;
    case "saved":
      text = s.savedAt ? `Saved at ${clock(s.savedAt)}` : "Saved";
      break;
    case "offline":
      // Only when the browser's copy was written: its storage can fail (full, private windows).
      text = `Offline — ${waiting} ${s.unkept ? "(this browser could not keep them: don't close the page)" : "(kept in this browser)"}`;
      tone = "warn";
      break;
    case "retrying": {
      const secs = s.retryAt ? Math.max(0, Math.ceil((s.retryAt - now) / 1000)) : 0;
      text = `Not saved — ${waiting}; retrying in ${secs} s${s.unkept ? " (this browser could not keep them: don't close the page)" : ""}`;
      tone = "warn";
      break;
    }
    case "conflict":
      text = `Conflict — a newer draft (version ${s.theirVersion ?? "?"}) was saved elsewhere`;
      tone = "bad";
      break;
    case "gone":
      text = s.unsaved ? `Not saved — ${waiting}; download your work` : "Saving stopped";
      tone = "bad";
      break;
    default:
      text = s.unsaved ? `${waiting}` : "No changes yet";
  }
  return (
    <span className={`${styles.saveStatus} ${styles[`tone_${tone}`]}`} role="status" aria-live="polite" data-testid="save-status" title={s.error ?? undefined}>
      {text}
    </span>
  );
}
