// Public surface of the audit feature: the review queue (/audit) and its stats (/audit/stats).
import { lazyRouteComponent } from "@tanstack/react-router";

export const AuditPage = lazyRouteComponent(() => import("./queue/AuditPage"), "AuditPage");
export const AuditStatsPage = lazyRouteComponent(() => import("./stats/AuditStatsPage"), "AuditStatsPage");
export { AuditSearch, AuditStatsSearch } from "./search";
