// One export at a time: start it, watch its progress, cancel it (AbortController), and the file
// is saved when the stream ends.
import { useCallback, useEffect, useRef, useState } from "react";
import { describeError, exportTasksAsJson, saveBlob, type ExportProgress, type TaskListFilters } from "../../client";

export type ExportState =
  | { phase: "idle" }
  | { phase: "running"; progress: ExportProgress; label: string }
  | { phase: "done"; count: number }
  | { phase: "canceled" }
  | { phase: "failed"; message: string };

export function useTaskExport() {
  const [state, setState] = useState<ExportState>({ phase: "idle" });
  const controller = useRef<AbortController | null>(null);

  // Leaving the page stops a running export instead of letting it finish unseen.
  useEffect(() => () => controller.current?.abort(), []);

  const start = useCallback(async (filters: TaskListFilters, label: string, taskIds?: readonly string[]) => {
    controller.current?.abort();
    const abort = new AbortController();
    controller.current = abort;
    setState({ phase: "running", progress: { received: 0, total: null, bytes: 0 }, label });
    try {
      const blob = await exportTasksAsJson({
        filters,
        taskIds,
        signal: abort.signal,
        onProgress: (progress) => setState({ phase: "running", progress, label }),
      });
      const count = await countOf(blob);
      saveBlob(blob, `tasks-${new Date().toISOString().slice(0, 19).replace(/[:T]/g, "-")}.json`);
      setState({ phase: "done", count });
    } catch (error) {
      if (abort.signal.aborted) setState({ phase: "canceled" });
      else setState({ phase: "failed", message: describeError(error) });
    } finally {
      if (controller.current === abort) controller.current = null;
    }
  }, []);

  const cancel = useCallback(() => controller.current?.abort(), []);
  const dismiss = useCallback(() => setState({ phase: "idle" }), []);
  return { state, start, cancel, dismiss };
}

async function countOf(blob: Blob): Promise<number> {
  // Cheap for the sizes a browser export handles; tells the user what the file holds.
  const parsed: unknown = JSON.parse(await blob.text());
  return Array.isArray(parsed) ? parsed.length : 0;
}
