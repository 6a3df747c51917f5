// /work/:taskId: one task, its instruction, the panel for its type, Submit and Skip. Loads the
// task with its server draft and this browser's copy, restores whichever is newer (and says so),
// then hands the rest to <Workbench>.
import { useQuery } from "@tanstack/react-query";
import { useParams, useSearch } from "@tanstack/react-router";
import { useConsoleConfig } from "../../client";
import { ErrorNotice, Loading, PageHeader } from "../tasks";
import { workApi } from "./api";
import { moveRescuesIntoIndexedDb, restoreLocalDraft } from "./localDrafts";
import { workKeys } from "./keys";
import type { WorkSearch } from "./search";
import { Workbench } from "./Workbench";
import { startingPoint } from "./startingPoint";

export function WorkTaskPage() {
  const { taskId } = useParams({ from: "/work/$taskId" });
  const search = useSearch({ from: "/work/$taskId" }) as WorkSearch;
  const config = useConsoleConfig();
  const loaded = useQuery({
    queryKey: workKeys.item(taskId),
    queryFn: async () => {
      const [item, local] = await Promise.all([workApi.item(taskId), restoreLocalDraft(taskId)]);
      void moveRescuesIntoIndexedDb(taskId);
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
