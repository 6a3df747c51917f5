// /work/:taskId: one task, its instruction, the panel for its type, Submit and Skip. Loads the
// task with its server draft and this browser's copy, restores whichever is newer (and says so),
// then hands the rest to <Workbench>.
import { useQuery } from "@tanstack/react-query";
import { useParams, useSearch } from "@tanstack/react-router";
import { useConsoleConfig } from "../../client";
import { ErrorNotice, Loading, PageHeader } from "../tasks";
import { workApi } from "./api";
import { readLocalDraft, type LocalDraft } from "./localDrafts";
import type { WorkItem } from "../../schema/work";
import { workKeys } from "./keys";
import type { WorkSearch } from "./search";
import { Workbench, type Restored } from "./Workbench";

export interface StartingPoint {
  response: unknown;
  version: number;
  savedAt: string | null;
  unsaved: number;
  restored: Restored | null;
}

/**
 * Which draft to open with. This browser's unsaved changes win when they start from the server's
 * current version (or a newer one was never seen); otherwise the server's draft, which may be from
 * another tab or device. Changes based on an older version still open, and their first save
 * reports the conflict instead of overwriting.
 */
export function startingPoint(item: WorkItem, local: LocalDraft | null): StartingPoint {
  const server = item.draft;
  if (local && local.unsaved > 0) {
    return {
      response: local.response,
      version: local.baseVersion,
      savedAt: server?.saved_at ?? null,
      unsaved: local.unsaved,
      restored: { from: "browser", at: new Date(local.changedAt).toISOString(), by: null },
    };
  }
  if (server) {
    return { response: server.response, version: server.version, savedAt: server.saved_at, unsaved: 0, restored: { from: "server", at: server.saved_at, by: server.saved_by } };
  }
  return { response: undefined, version: 0, savedAt: null, unsaved: 0, restored: null };
}

export function WorkTaskPage() {
  const { taskId } = useParams({ from: "/work/$taskId" });
  const search = useSearch({ from: "/work/$taskId" }) as WorkSearch;
  const config = useConsoleConfig();
  const loaded = useQuery({
    queryKey: workKeys.item(taskId),
    queryFn: async () => {
      const [item, local] = await Promise.all([workApi.item(taskId), readLocalDraft(taskId)]);
      return { item, local };
    },
    // The page owns this task's state once open: a refetch must never reset the panel.
    staleTime: Infinity,
    gcTime: 0,
    refetchOnWindowFocus: false,
    refetchOnReconnect: false,
    retry: 1,
  });
  if (config.data && config.data.api !== "embedded") {
    return <ErrorNotice title="The workbench needs the embedded server" error={new Error("This console forwards the API to another Scale server (SCALE_API_URL); tasks are handed out by this server's embedded API only.")} />;
  }
  if (loaded.isPending) return <Loading label="Opening the task…" />;
  if (loaded.isError) {
    return (
      <>
        <PageHeader title="Work" />
        <ErrorNotice error={loaded.error} onRetry={() => void loaded.refetch()} />
      </>
    );
  }
  const { item, local } = loaded.data;
  return <Workbench key={taskId} item={item} start={startingPoint(item, local)} filter={search} />;
}
