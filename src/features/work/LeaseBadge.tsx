// Who holds the task and for how long: "Held by you · 4:32 left" (renewed every minute while open).
import { useEffect, useState } from "react";
import type { WorkLease } from "../../schema/work";
import styles from "./work.module.css";

export function LeaseBadge({ lease, unreachable, active }: { lease: WorkLease | null; unreachable: boolean; active: boolean }) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!active) return;
    const t = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(t);
  }, [active]);
  if (!lease || !active) return null;
  const left = Math.max(0, Date.parse(lease.expires_at) - now);
  const mm = Math.floor(left / 60_000);
  const ss = String(Math.floor((left % 60_000) / 1000)).padStart(2, "0");
  return (
    <span className={styles.lease} data-testid="lease" title={`Held until ${new Date(lease.expires_at).toLocaleTimeString()}; renewed every 15 s while this page is open`}>
      {lease.mine ? "Held by you" : `Held by ${lease.holder.name}`} · {mm}:{ss} left{unreachable ? " · can't reach the server, retrying" : ""}
    </span>
  );
}
