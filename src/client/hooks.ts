// TanStack Query hooks over api.ts. Server data lives only in the query cache; mutations
// write their answer into the cache and invalidate the lists that may have changed.
import { keepPreviousData, useMutation, useQueries, useQuery, useQueryClient } from "@tanstack/react-query";
import type { Task } from "../schema";
import * as api from "./api";
import { queryKeys, type AuditSampleFilters, type AuditStatsFilters, type StatsFilters, type TaskListFilters } from "./keys";

export function useConsoleConfig() {
  return useQuery({
    queryKey: queryKeys.config(),
    queryFn: ({ signal }) => api.getConsoleConfig(signal),
    staleTime: Infinity,
    retry: false,
  });
}

export function useAccount(options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: queryKeys.account(),
    queryFn: ({ signal }) => api.getAccount(signal),
    enabled: options.enabled ?? true,
  });
}

export function useTaskList(filters: TaskListFilters, options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: queryKeys.tasks.list(filters),
    queryFn: ({ signal }) => api.listTasks(filters, signal),
    // Keep the old page on screen while the next one loads, so the table doesn't flash.
    placeholderData: keepPreviousData,
    enabled: options.enabled ?? true,
  });
}

export function useTask(taskId: string, options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: queryKeys.tasks.detail(taskId),
    queryFn: ({ signal }) => api.getTask(taskId, signal),
    enabled: options.enabled ?? true,
    // A pending task changes without the user doing anything (test-mode worker, workbench).
    refetchInterval: (query) => (query.state.data?.status === "pending" ? 5000 : false),
  });
}

/** Several tasks by id (one request each, shared with useTask's cache), in the order given. */
export function useTasksById(taskIds: readonly string[]) {
  return useQueries({
    queries: taskIds.map((taskId) => ({
      queryKey: queryKeys.tasks.detail(taskId),
      queryFn: ({ signal }: { signal: AbortSignal }) => api.getTask(taskId, signal),
    })),
  });
}

/** Puts tasks that arrived in another answer (a list, a sample) into the per-task cache. */
export function useSeedTasks() {
  const queryClient = useQueryClient();
  return (tasks: readonly Task[]) => {
    for (const task of tasks) queryClient.setQueryData(queryKeys.tasks.detail(task.task_id), task);
  };
}

export function useTaskCallbacks(taskId: string, enabled = true) {
  return useQuery({
    queryKey: queryKeys.tasks.callbacks(taskId),
    queryFn: ({ signal }) => api.getTaskCallbacks(taskId, signal),
    enabled,
    refetchInterval: (query) => (query.state.data?.pending ? 4000 : false),
  });
}

export function useTaskAudits(taskId: string) {
  return useQuery({
    queryKey: queryKeys.tasks.audits(taskId),
    queryFn: ({ signal }) => api.getTaskAudits(taskId, signal),
  });
}

function useTaskWritten() {
  const queryClient = useQueryClient();
  return (task: Task) => {
    queryClient.setQueryData(queryKeys.tasks.detail(task.task_id), task);
    void queryClient.invalidateQueries({ queryKey: queryKeys.tasks.lists() });
    void queryClient.invalidateQueries({ queryKey: ["stats"] });
  };
}

export function useCancelTask() {
  const written = useTaskWritten();
  return useMutation({ mutationFn: api.cancelTask, onSuccess: written });
}

/** Cancels several tasks one by one; returns which ones failed and why. */
export function useCancelTasks() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (taskIds: readonly string[]) => {
      const failures: { taskId: string; message: string }[] = [];
      for (const taskId of taskIds) {
        try {
          const task = await api.cancelTask(taskId);
          queryClient.setQueryData(queryKeys.tasks.detail(task.task_id), task);
        } catch (error) {
          failures.push({ taskId, message: error instanceof Error ? error.message : String(error) });
        }
      }
      return { canceled: taskIds.length - failures.length, failures };
    },
    onSettled: () => {
      void queryClient.invalidateQueries({ queryKey: queryKeys.tasks.lists() });
      void queryClient.invalidateQueries({ queryKey: ["stats"] });
    },
  });
}

export function useResendCallback(taskId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.resendCallback(taskId),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: queryKeys.tasks.detail(taskId) });
    },
  });
}

export function useProjects() {
  return useQuery({
    queryKey: queryKeys.projects.list(),
    queryFn: ({ signal }) => api.listProjects(signal),
  });
}

export function useProject(name: string) {
  return useQuery({
    queryKey: queryKeys.projects.detail(name),
    queryFn: ({ signal }) => api.getProject(name, signal),
  });
}

export function useCreateProject() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: api.createProject,
    onSuccess: (project) => {
      queryClient.setQueryData(queryKeys.projects.detail(project.name), project);
      void queryClient.invalidateQueries({ queryKey: queryKeys.projects.list() });
    },
  });
}

export function useSetProjectParams() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: api.setProjectParams,
    onSuccess: (project) => {
      queryClient.setQueryData(queryKeys.projects.detail(project.name), project);
      void queryClient.invalidateQueries({ queryKey: queryKeys.projects.list() });
    },
  });
}

export function useStats(filters: StatsFilters) {
  return useQuery({
    queryKey: queryKeys.stats(filters),
    queryFn: ({ signal }) => api.getStats(filters, signal),
    placeholderData: keepPreviousData,
  });
}

export function useUpdateAccount() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: api.updateAccount,
    onSuccess: (account) => queryClient.setQueryData(queryKeys.account(), account),
  });
}

export function useRotateCallbackAuthKey() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: api.rotateCallbackAuthKey,
    onSuccess: (account) => queryClient.setQueryData(queryKeys.account(), account),
  });
}

/**
 * A random sample of completed, unaudited tasks. Drawn once per filter set and kept as is:
 * refetching would reshuffle the queue under the reviewer (and drop what they just audited), so
 * it never goes stale and is dropped when the audit screen unmounts; `refetch()` draws anew.
 */
export function useAuditSample(filters: AuditSampleFilters) {
  return useQuery({
    queryKey: queryKeys.audits.sample(filters),
    queryFn: ({ signal }) => api.sampleUnauditedTasks(filters, signal),
    staleTime: Infinity,
    gcTime: 0,
    refetchOnWindowFocus: false,
    refetchOnReconnect: false,
  });
}

export function useAuditStats(filters: AuditStatsFilters) {
  return useQuery({
    queryKey: queryKeys.audits.stats(filters),
    queryFn: ({ signal }) => api.getAuditStats(filters, signal),
    placeholderData: keepPreviousData,
  });
}

/** Approve or reject a task; the task page's history, the task lists and the audit stats refresh. */
export function useAuditTask() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: api.auditTask,
    onSuccess: (task) => {
      queryClient.setQueryData(queryKeys.tasks.detail(task.task_id), task);
      void queryClient.invalidateQueries({ queryKey: queryKeys.tasks.audits(task.task_id) });
      void queryClient.invalidateQueries({ queryKey: queryKeys.tasks.lists() });
      void queryClient.invalidateQueries({ queryKey: queryKeys.audits.allStats() });
    },
  });
}
