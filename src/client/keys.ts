// The one query-key factory. Every key starts with its resource so a mutation can invalidate
// a whole family (e.g. all task lists) with one prefix.
export interface TaskListFilters {
  status?: string;
  type?: string;
  project?: string;
  start_time?: string;
  end_time?: string;
  task_id?: string;
  callback_succeeded?: boolean;
  /** A task created with this unique_id (the batch sender's look-up after a 409). */
  unique_id?: string;
  limit?: number;
  offset?: number;
}

export interface StatsFilters {
  start_time?: string;
  end_time?: string;
  project?: string;
}

/** `GET /v1/audits/sample`: which random sample of unaudited tasks to draw. */
export interface AuditSampleFilters {
  type?: string;
  project?: string;
  size?: number;
}

/** `GET /v1/audits/stats`. */
export interface AuditStatsFilters {
  start_time?: string;
  end_time?: string;
  type?: string;
  project?: string;
}

export const queryKeys = {
  config: () => ["console-config"] as const,
  account: () => ["account"] as const,
  me: () => ["me"] as const,
  members: {
    all: () => ["members"] as const,
    list: () => ["members", "list"] as const,
    sessions: (memberId: string) => ["members", "sessions", memberId] as const,
  },
  mySessions: () => ["me", "sessions"] as const,
  tasks: {
    all: () => ["tasks"] as const,
    lists: () => ["tasks", "list"] as const,
    list: (filters: TaskListFilters) => ["tasks", "list", filters] as const,
    detail: (taskId: string) => ["tasks", "detail", taskId] as const,
    callbacks: (taskId: string) => ["tasks", "detail", taskId, "callbacks"] as const,
    audits: (taskId: string) => ["tasks", "detail", taskId, "audits"] as const,
    activity: (taskId: string) => ["tasks", "detail", taskId, "activity"] as const,
  },
  projects: {
    all: () => ["projects"] as const,
    list: () => ["projects", "list"] as const,
    detail: (name: string) => ["projects", "detail", name] as const,
  },
  stats: (filters: StatsFilters) => ["stats", filters] as const,
  audits: {
    all: () => ["audits"] as const,
    sample: (filters: AuditSampleFilters) => ["audits", "sample", filters] as const,
    allStats: () => ["audits", "stats"] as const,
    stats: (filters: AuditStatsFilters) => ["audits", "stats", filters] as const,
  },
};
