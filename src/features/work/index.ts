// Public surface of the workbench: the queue (/work), the task page (/work/:taskId), its search
// schema, and the holds badge the task browser shows.
import { lazyRouteComponent } from "@tanstack/react-router";

export const WorkQueuePage = lazyRouteComponent(() => import("./WorkQueuePage"), "WorkQueuePage");
export const WorkTaskPage = lazyRouteComponent(() => import("./WorkTaskPage"), "WorkTaskPage");
export { WorkSearch } from "./search";
export { useWorkHolds, useWorkSummary } from "./hooks";
