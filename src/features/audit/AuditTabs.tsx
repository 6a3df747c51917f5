import { Link } from "@tanstack/react-router";
import { lastQueue } from "./lastQueue";
import styles from "./audit.module.css";

/** Queue and Stats are two routes; the tabs are links so each view has its own URL. */
export function AuditTabs() {
  return (
    <nav className={styles.tabs} aria-label="Quality assurance views">
      <Link
        to="/audit"
        // Back to the sample and task the reviewer left, not a new draw.
        search={lastQueue()}
        className={styles.tab}
        activeOptions={{ exact: true, includeSearch: false }}
        activeProps={{ className: `${styles.tab} ${styles.tabActive}`, "aria-current": "page" }}
      >
        Review queue
      </Link>
      <Link
        to="/audit/stats"
        className={styles.tab}
        activeOptions={{ includeSearch: false }}
        activeProps={{ className: `${styles.tab} ${styles.tabActive}`, "aria-current": "page" }}
      >
        Stats
      </Link>
    </nav>
  );
}
