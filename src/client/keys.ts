// The one query-key factory. Every key starts with its resource so a mutation can invalidate
// a whole family (e.g. all task lists) with one prefix.
export interface TaskListFilters {
  status?: string;
  type?: string;
  project?: string;
  start_time?: string;
  end_time?: string;
  task_id?: string;
  limit?: number;
  offset?: number;
}

export interface StatsFilters {
  start_time?: string;
  end_time?: string;
  project?: string;
}

export const queryKeys = {
  config: () => ["console-config"] as const,
  account: () => ["account"] as const,
  tasks: {
    all: () => ["tasks"] as const,
    lists: () => ["tasks", "list"] as const,
    list: (filters: TaskListFilters) => ["tasks", "list", filters] as const,
    detail: (taskId: string) => ["tasks", "detail", taskId] as const,
    callbacks: (taskId: string) => ["tasks", "detail", taskId, "callbacks"] as const,
    audits: (taskId: string) => ["tasks", "detail", taskId, "audits"] as const,
  },
  projects: {
    all: () => ["projects"] as const,
    list: () => ["projects", "list"] as const,
    detail: (name: string) => ["projects", "detail", name] as const,
  },
  stats: (filters: StatsFilters) => ["stats", filters] as const,
};
