import { useRef, useState, type RefObject } from "react";
import { useAuditTask } from "../../../client";
import type { Task } from "../../../schema";
import type { Decision } from "./useAuditQueue";

export interface DecisionForm {
  feedback: string;
  setFeedback(text: string): void;
  /** Reject was asked for with no feedback: the box says so until something is typed. */
  missingFeedback: boolean;
  feedbackRef: RefObject<HTMLTextAreaElement | null>;
  busy: boolean;
  /** The last failed decision on this task, if any. */
  error: unknown;
  approve(): void;
  reject(): void;
}

/** The approve / reject form of the task on screen; its text and errors belong to that task only. */
export function useDecisionForm(task: Task | undefined, onDecided: (taskId: string, decision: Decision) => void): DecisionForm {
  const audit = useAuditTask();
  const taskId = task?.task_id;
  const [forTask, setForTask] = useState(taskId);
  const [feedback, setFeedbackText] = useState("");
  const [missingFeedback, setMissingFeedback] = useState(false);
  const feedbackRef = useRef<HTMLTextAreaElement>(null);
  // Moving to another task starts a blank form (state adjusted during render, not in an effect,
  // so the old text never flashes on the new task).
  if (forTask !== taskId) {
    setForTask(taskId);
    setFeedbackText("");
    setMissingFeedback(false);
  }

  const send = (accepted: boolean) => {
    if (!taskId || audit.isPending) return;
    const comments = feedback.trim();
    audit.mutate(
      { taskId, accepted, comments },
      {
        onSuccess: () => {
          // Leave the box: the next task's shortcuts (A, N...) must work without a click first.
          feedbackRef.current?.blur();
          onDecided(taskId, { accepted, comments });
        },
      },
    );
  };

  return {
    feedback,
    setFeedback: (text) => {
      setFeedbackText(text);
      if (text.trim()) setMissingFeedback(false);
    },
    missingFeedback,
    feedbackRef,
    busy: audit.isPending,
    error: audit.isError && audit.variables?.taskId === taskId ? audit.error : null,
    approve: () => send(true),
    reject: () => {
      if (feedback.trim()) {
        send(false);
        return;
      }
      setMissingFeedback(true);
      feedbackRef.current?.focus();
    },
  };
}
