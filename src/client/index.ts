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
export * from "./members";
export { Acknowledgement } from "./wire";
export type { ActivityEntry, InviteOutcome, Me, Member, Role, Session } from "../schema";
export type { Account, AuditList, AuditSample, AuditStats, CallbackAttempt, CallbackLog, ConsoleConfig, Stats } from "../schema";
