// The workbench's query keys, under one root so invalidating "work" refreshes every count.
export const workKeys = {
  all: () => ["work"] as const,
  queue: () => ["work", "queue"] as const,
  holds: () => ["work", "holds"] as const,
  item: (taskId: string) => ["work", "item", taskId] as const,
  summary: (taskId: string) => ["work", "summary", taskId] as const,
};
