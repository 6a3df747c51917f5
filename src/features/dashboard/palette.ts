// Stable colours: a task type or status always has the same colour, in every chart.
import { TASK_TYPES, type TaskStatus } from "../../schema";

const SERIES = Array.from({ length: 11 }, (_, i) => `var(--chart-${i + 1})`);

export function typeColor(type: string): string {
  const i = (TASK_TYPES as readonly string[]).indexOf(type);
  return SERIES[(i >= 0 ? i : TASK_TYPES.length) % SERIES.length];
}

export const STATUS_COLOR: Record<TaskStatus, string> = {
  pending: "var(--chart-1)",
  completed: "var(--chart-2)",
  canceled: "var(--chart-9)",
  error: "var(--chart-7)",
};
