// Which tasks are ticked, remembered with their status so bulk actions know which ones
// can be canceled even after the user moves to another page.
import { useCallback, useMemo, useState } from "react";
import type { Task, TaskStatus } from "../../schema";
import type { Selection } from "./TaskTable";

export function useSelection(visible: readonly Task[]) {
  const [statuses, setStatuses] = useState<ReadonlyMap<string, TaskStatus>>(new Map());

  const statusOf = useCallback(
    (taskId: string): TaskStatus | undefined => visible.find((t) => t.task_id === taskId)?.status,
    [visible],
  );

  const selection: Selection = useMemo(
    () => ({
      selected: new Set(statuses.keys()),
      toggle: (taskId) =>
        setStatuses((prev) => {
          const next = new Map(prev);
          if (next.has(taskId)) next.delete(taskId);
          else next.set(taskId, statusOf(taskId) ?? "pending");
          return next;
        }),
      toggleAll: (taskIds, on) =>
        setStatuses((prev) => {
          const next = new Map(prev);
          for (const id of taskIds) {
            if (on) next.set(id, statusOf(id) ?? "pending");
            else next.delete(id);
          }
          return next;
        }),
    }),
    [statuses, statusOf],
  );

  // Statuses on screen are fresher than the ones remembered at tick time.
  const current = (taskId: string) => statusOf(taskId) ?? statuses.get(taskId);
  const ids = [...statuses.keys()];
  const pendingIds = ids.filter((id) => current(id) === "pending");
  const clear = useCallback(() => setStatuses(new Map()), []);
  return { selection, ids, pendingIds, clear };
}
