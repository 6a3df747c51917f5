import { useMemo, useState } from "react";
import { useAuditSample, useTask, type AuditSampleFilters } from "../../../client";
import type { Task } from "../../../schema";

export interface Decision {
  accepted: boolean;
  comments: string;
}

export interface AuditQueue {
  /** The asked-for task first (if any), then the sample without it. */
  tasks: readonly Task[];
  /** Position in `tasks`; `tasks.length` is the "sample done" summary after the last one. */
  index: number;
  current: Task | undefined;
  decisions: ReadonlyMap<string, Decision>;
  isPending: boolean;
  /** The sample could not be drawn. */
  error: unknown;
  /** The asked-for task could not be loaded (the sample is still shown). */
  firstError: unknown;
  retry(): void;
  goTo(index: number): void;
  /** Remembers the decision and moves on to the next task (or the summary). */
  decided(taskId: string, decision: Decision): void;
  /** Draws a new random sample; tasks audited meanwhile are no longer in it. */
  drawAgain(): void;
}

/**
 * The review queue: a random sample of completed, unaudited tasks, one at a time. What was
 * decided here is kept for this sample only (the server keeps the real history), so the summary
 * and the "approved just now" notes don't need another request.
 */
export function useAuditQueue(filters: AuditSampleFilters, firstTaskId: string | undefined): AuditQueue {
  const sample = useAuditSample(filters);
  const first = useTask(firstTaskId ?? "", { enabled: firstTaskId !== undefined });
  const [index, setIndex] = useState(0);
  const [decisions, setDecisions] = useState<ReadonlyMap<string, Decision>>(new Map());

  const tasks = useMemo(() => {
    const docs = sample.data?.docs ?? [];
    if (!firstTaskId || !first.data) return docs;
    return [first.data, ...docs.filter((t) => t.task_id !== firstTaskId)];
  }, [sample.data, first.data, firstTaskId]);

  const firstPending = firstTaskId !== undefined && first.isPending;
  return {
    tasks,
    index: Math.min(index, tasks.length),
    current: tasks[index],
    decisions,
    isPending: sample.isPending || firstPending,
    error: sample.error,
    firstError: firstTaskId ? first.error : null,
    retry: () => {
      void sample.refetch();
      if (firstTaskId) void first.refetch();
    },
    goTo: (i) => setIndex(Math.max(0, Math.min(i, tasks.length))),
    decided: (taskId, decision) => {
      setDecisions((prev) => new Map(prev).set(taskId, decision));
      setIndex((i) => Math.min(i + 1, tasks.length));
    },
    drawAgain: () => {
      setIndex(0);
      setDecisions(new Map());
      void sample.refetch();
    },
  };
}
