// Public surface of the audit feature: the review queue (/audit) and its stats (/audit/stats).
export { AuditPage } from "./queue/AuditPage";
export { AuditStatsPage } from "./stats/AuditStatsPage";
export { AuditSearch, AuditStatsSearch } from "./search";
