import { useMode } from "./useMode";
import styles from "./ModeBanner.module.css";

/** Full-width and impossible to miss: test-mode tasks get synthetic, not human, responses. */
export function ModeBanner() {
  const { mode } = useMode();
  if (mode !== "test") return null;
  return (
    <div className={styles.banner} role="status">
      <strong>TEST MODE</strong>
      <span>Tasks are completed by a synthetic worker with test responses, not by people.</span>
    </div>
  );
}

export function ModeBadge() {
  const { mode, serverKey } = useMode();
  const label = mode === "test" ? "Test mode" : mode === "live" ? "Live mode" : "Unknown mode";
  const tone = mode === "test" ? "badge-warning" : mode === "live" ? "badge-success" : "";
  return (
    <div className={styles.badgeRow} data-testid="mode-badge">
      <span className={`badge ${tone}`}>{label}</span>
      {serverKey ? <span className="faint">server key</span> : null}
    </div>
  );
}
