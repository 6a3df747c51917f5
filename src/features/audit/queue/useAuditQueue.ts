import { useMemo, useState } from "react";
import { useTasksById } from "../../../client";
import type { Task } from "../../../schema";

export interface Decision {
  accepted: boolean;
  comments: string;
}

export interface AuditQueue {
  /** The sample's tasks in queue order (the asked-for task first, if any). */
  tasks: readonly Task[];
  /** Position in `tasks`; `tasks.length` is the "sample done" summary after the last one. */
  index: number;
  current: Task | undefined;
  decisions: ReadonlyMap<string, Decision>;
  isPending: boolean;
  /** Ids of the sample that could not be loaded (the rest of the sample is still shown). */
  failedIds: readonly string[];
  /** Why the first of them failed. */
  failure: unknown;
  retry(): void;
  goTo(index: number): void;
  /** Remembers the decision and moves on to the next task (or the summary). */
  decided(taskId: string, decision: Decision): void;
}

/**
 * The review queue over a sample already drawn: its task ids and the position come from the URL
 * (so a reload or a shared link returns to the same task), the tasks from the per-task cache.
 * What was decided is the tasks' own `audit`: the sample held only unaudited tasks when it was
 * drawn, so an audit on one of them was made since, and the counts survive a reload. The task
 * asked for with `?task=` may have been audited before, so for it only this page's decision counts.
 */
export function useAuditQueue(
  taskIds: readonly string[],
  position: number,
  onMove: (position: number) => void,
  firstTaskId: string | undefined,
): AuditQueue {
  const results = useTasksById(taskIds);
  const [madeHere, setMadeHere] = useState<ReadonlyMap<string, Decision>>(new Map());

  const tasks = useMemo(() => results.flatMap((r) => (r.data ? [r.data] : [])), [results]);
  const failedIds = taskIds.filter((_, i) => results[i]?.isError);
  const decisions = useMemo(() => {
    const out = new Map<string, Decision>();
    for (const t of tasks) {
      const here = madeHere.get(t.task_id);
      if (here) out.set(t.task_id, here);
      else if (t.audit && t.task_id !== firstTaskId) out.set(t.task_id, { accepted: t.audit.accepted, comments: t.audit.comments });
    }
    return out;
  }, [tasks, madeHere, firstTaskId]);

  const index = Math.max(0, Math.min(position, tasks.length));
  const goTo = (i: number) => onMove(Math.max(0, Math.min(i, tasks.length)));
  return {
    tasks,
    index,
    current: tasks[index],
    decisions,
    isPending: results.some((r) => r.isPending),
    failedIds,
    failure: results.find((r) => r.isError)?.error ?? null,
    retry: () => {
      for (const r of results) if (r.isError) void r.refetch();
    },
    goTo,
    decided: (taskId, decision) => {
      setMadeHere((prev) => new Map(prev).set(taskId, decision));
      const at = tasks.findIndex((t) => t.task_id === taskId);
      goTo((at < 0 ? index : at) + 1);
    },
  };
}
