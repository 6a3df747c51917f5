// Where the reviewer is in the sample: position, what was decided so far, previous / next.
import { commandById, type AuditContext } from "../commands";
import { CommandButton } from "./CommandButton";
import type { AuditQueue } from "./useAuditQueue";
import styles from "../audit.module.css";

export function QueueBar({ queue, context }: { queue: AuditQueue; context: AuditContext }) {
  const decided = [...queue.decisions.values()];
  const approved = decided.filter((d) => d.accepted).length;
  const atEnd = queue.index >= queue.tasks.length;
  return (
    <div className={styles.queueBar}>
      <div className={styles.position} aria-live="polite" data-testid="audit-position">
        {atEnd ? (
          <strong>End of the sample</strong>
        ) : (
          <strong>
            Task {queue.index + 1} of {queue.tasks.length}
          </strong>
        )}
        <span className="muted">
          {approved} approved · {decided.length - approved} rejected
        </span>
      </div>
      <ol className={styles.dots} aria-label="Tasks in this sample">
        {queue.tasks.map((t, i) => {
          const d = queue.decisions.get(t.task_id);
          const state = d ? (d.accepted ? styles.dotApproved : styles.dotRejected) : "";
          return (
            <li key={t.task_id}>
              <button
                type="button"
                className={`${styles.dot} ${state} ${i === queue.index ? styles.dotCurrent : ""}`}
                aria-label={`Task ${i + 1}${d ? (d.accepted ? ", approved" : ", rejected") : ""}`}
                aria-current={i === queue.index ? "step" : undefined}
                onClick={() => queue.goTo(i)}
              />
            </li>
          );
        })}
      </ol>
      <div className={styles.queueActions}>
        <CommandButton command={commandById("previous")} context={context} className="btn btn-sm">
          Previous
        </CommandButton>
        <CommandButton command={commandById("next")} context={context} className="btn btn-sm">
          Next
        </CommandButton>
        <CommandButton command={commandById("help")} context={context} className="btn btn-sm btn-ghost">
          Shortcuts
        </CommandButton>
      </div>
    </div>
  );
}
