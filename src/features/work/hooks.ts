// Read-only views of the workbench for other screens: who holds which task (task browser), time
// spent and the current holder (task detail). Both answer nothing in proxy mode.
import { useQuery } from "@tanstack/react-query";
import { useConsoleConfig } from "../../client";
import { workApi } from "./api";
import { workKeys } from "./keys";

export function useWorkHolds(enabled = true) {
  const config = useConsoleConfig();
  return useQuery({ queryKey: workKeys.holds(), queryFn: () => workApi.holds(), enabled: enabled && config.data?.api === "embedded", refetchInterval: 30_000 });
}

export function useWorkSummary(taskId: string) {
  const config = useConsoleConfig();
  return useQuery({ queryKey: workKeys.summary(taskId), queryFn: () => workApi.summary(taskId), enabled: config.data?.api === "embedded" });
}
