// Public surface of the client: the fetch layer, the hooks and the one query-key factory.
export * from "./auth";
export * from "./session";
export { ApiError, ContractError } from "./http";
export { describeError, errorStatus } from "./errors";
export { queryKeys, type AuditSampleFilters, type AuditStatsFilters, type StatsFilters, type TaskListFilters } from "./keys";
export * from "./api";
export * from "./hooks";
export * from "./export";
export { uploadFile } from "./files";
export { Acknowledgement } from "./wire";
export type { Account, AuditList, AuditSample, AuditStats, CallbackAttempt, CallbackLog, ConsoleConfig, Stats } from "../schema";
