// Approve, or reject with feedback. The feedback box keeps its keys to itself (no shortcut fires
// while typing); Ctrl/⌘+Enter rejects with what was typed, Esc leaves the box for the shortcuts.
import { Link } from "@tanstack/react-router";
import { useId } from "react";
import { taskTypeRegistry, type Task } from "../../../schema";
import { ErrorNotice, Section, StatusBadge, Timestamp } from "../../tasks";
import { commandById, type AuditContext } from "../commands";
import { CommandButton } from "./CommandButton";
import type { Decision } from "./useAuditQueue";
import type { DecisionForm } from "./useDecisionForm";
import styles from "../audit.module.css";

interface Props {
  task: Task;
  decision: Decision | undefined;
  form: DecisionForm;
  context: AuditContext;
}

export function DecisionPanel({ task, decision, form, context }: Props) {
  const feedbackId = useId();
  const errorId = useId();
  return (
    <Section title="Decision">
      <dl className={`kv ${styles.facts}`}>
        <dt>Task</dt>
        <dd>
          <Link to="/tasks/$taskId" params={{ taskId: task.task_id }} className="mono" data-testid="audit-task-id">
            {task.task_id}
          </Link>
        </dd>
        <dt>Type</dt>
        <dd>{taskTypeRegistry[task.type]?.title ?? task.type}</dd>
        <dt>Project</dt>
        <dd>{task.project ?? <span className="faint">—</span>}</dd>
        <dt>Completed</dt>
        <dd>
          {task.status === "completed" ? <Timestamp value={task.completed_at} short /> : <StatusBadge status={task.status} />}
        </dd>
        {task.audit ? (
          <>
            <dt>Last audit</dt>
            <dd>
              {task.audit.accepted ? <span className="badge badge-success">approved</span> : <span className="badge badge-danger">rejected</span>}{" "}
              <span className="muted">by {task.audit.audited_by}</span>
            </dd>
          </>
        ) : null}
      </dl>
      {decision ? (
        <p className={decision.accepted ? styles.decidedOk : styles.decidedNo} role="status" data-testid="audit-decided">
          You {decision.accepted ? "approved" : "rejected"} this task. Deciding again adds to its history.
        </p>
      ) : null}
      {task.status !== "completed" ? (
        <p className={styles.notice} role="status">
          Only completed tasks can be audited; this one is {task.status}.
        </p>
      ) : null}
      <form
        className={styles.decisionForm}
        onSubmit={(e) => {
          e.preventDefault();
          if (commandById("reject").canRun(context)) context.reject();
        }}
      >
        <label htmlFor={feedbackId} className={styles.feedbackLabel}>
          Feedback <span className="faint">(required to reject)</span>
        </label>
        <textarea
          id={feedbackId}
          ref={form.feedbackRef}
          className="textarea"
          rows={4}
          value={form.feedback}
          placeholder="What is wrong, and where? The annotator reads this."
          aria-invalid={form.missingFeedback || undefined}
          aria-describedby={form.missingFeedback ? errorId : undefined}
          onChange={(e) => form.setFeedback(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) {
              e.preventDefault();
              e.currentTarget.form?.requestSubmit();
            } else if (e.key === "Escape") {
              e.currentTarget.blur();
            }
          }}
        />
        {form.missingFeedback ? (
          <p id={errorId} className={styles.fieldError} role="alert">
            Write feedback before rejecting: say what is wrong so it can be fixed.
          </p>
        ) : null}
        <div className={styles.decisionButtons}>
          <CommandButton command={commandById("approve")} context={context} className={`btn ${styles.approve}`}>
            {form.busy ? "Saving…" : "Approve"}
          </CommandButton>
          <CommandButton command={commandById("reject")} context={context} className="btn btn-danger" type="submit">
            Reject
          </CommandButton>
        </div>
        <p className={styles.hint}>
          <kbd>Ctrl</kbd>+<kbd>Enter</kbd> rejects with this feedback · <kbd>Esc</kbd> leaves the box
        </p>
      </form>
      {form.error ? <ErrorNotice error={form.error} title="The decision was not saved" /> : null}
    </Section>
  );
}
