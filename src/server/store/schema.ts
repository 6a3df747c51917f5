import type { ColumnType, Generated } from "kysely";

// Table types for Kysely. Times are epoch milliseconds (integers sort and index well in both
// SQLite and PostgreSQL); JSON columns hold text.

export type Mode = "test" | "live";

export interface AccountsTable {
  id: string;
  name: string;
  callback_auth_key: string;
  default_callback_url: string | null;
  created_at: number;
}

export interface ApiKeysTable {
  id: string;
  account_id: string;
  /** sha256 of the key; the key itself is never stored. */
  key_hash: string;
  /** First characters, to tell keys apart in listings. */
  key_prefix: string;
  mode: Mode;
  created_at: number;
  revoked_at: number | null;
}

export interface ProjectsTable {
  id: string;
  account_id: string;
  mode: Mode;
  name: string;
  type: string;
  created_at: number;
}

export interface ProjectParamsTable {
  project_id: string;
  version: number;
  params: string;
  created_at: number;
}

export interface TasksTable {
  id: string;
  account_id: string;
  mode: Mode;
  type: string;
  status: string;
  project: string | null;
  project_param_version: number | null;
  instruction: string;
  params: string;
  response: string | null;
  urgency: string;
  callback_url: string | null;
  metadata: string;
  unique_id: string | null;
  created_at: number;
  completed_at: number | null;
  /** null until a callback outcome is known. */
  callback_succeeded: number | null;
  /** Random order key for audit sampling without ORDER BY RANDOM() over the whole table. */
  sample_key: number;
  /** Background work on the task (test mode, attachment check) was claimed until then. */
  leased_until: number | null;
  /** The workbench: who holds the task (`member:<id>` / `key:<id>`), shown as, and until when. */
  held_by: ColumnType<string | null, string | null | undefined, string | null>;
  held_name: ColumnType<string | null, string | null | undefined, string | null>;
  held_until: ColumnType<number | null, number | null | undefined, number | null>;
}

export interface CallbackJobsTable {
  id: Generated<number>;
  task_id: string;
  account_id: string;
  /** The body as first written, so a crash cannot change what is delivered. */
  body: string;
  url: string;
  status: "pending" | "succeeded" | "failed";
  attempts: number;
  next_attempt_at: number;
  created_at: number;
  updated_at: number;
  /** A dispatcher that claimed the job owns it until then; null when nobody does. */
  leased_until: number | null;
}

export interface CallbackAttemptsTable {
  id: Generated<number>;
  job_id: number;
  task_id: string;
  attempt: number;
  at: number;
  status_code: number | null;
  error: string | null;
  latency_ms: number;
  succeeded: number;
}

export interface AuditsTable {
  id: Generated<number>;
  task_id: string;
  account_id: string;
  mode: Mode;
  accepted: number;
  comments: string;
  audited_at: number;
  audited_by: string;
  /** The member who audited; null (or left out) when an API key did. */
  member_id: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface TaskAttachmentsTable {
  task_id: string;
  url: string;
  status_code: number | null;
  error: string | null;
  content_type: string | null;
  width: number | null;
  height: number | null;
  checked_at: number;
}

/** A task whose attachments were checked (or need none); the others are resumed on start. */
export interface AttachmentChecksTable {
  task_id: string;
  checked_at: number;
}

/** A one-time data upgrade that has finished (see migrations/003_data_upgrades.ts). */
export interface DataUpgradesTable {
  name: string;
  done_at: number;
}

export type Role = "admin" | "manager" | "reviewer" | "labeler";

export interface MembersTable {
  id: string;
  account_id: string;
  name: string;
  email: string;
  role: Role;
  password_hash: string | null;
  created_at: number;
  removed_at: number | null;
}

export interface MemberInvitesTable {
  token_hash: string;
  member_id: string;
  created_at: number;
  expires_at: number;
  used_at: number | null;
}

export interface MemberSessionsTable {
  id: string;
  token_hash: string;
  member_id: string;
  account_id: string;
  mode: Mode;
  csrf_token: string;
  user_agent: string;
  ip: string;
  created_at: number;
  last_seen_at: number;
  expires_at: number;
  revoked_at: number | null;
}

export interface SignInFailuresTable {
  id: Generated<number>;
  bucket: string;
  at: number;
}

export interface ActivityTable {
  id: Generated<number>;
  account_id: string;
  mode: Mode;
  at: number;
  member_id: string | null;
  actor: string;
  action: string;
  task_id: string | null;
  project: string | null;
  detail: string;
}

/** The workbench's saved drafts: one per task, versioned so an older tab can't overwrite a newer one. */
export interface WorkDraftsTable {
  task_id: string;
  account_id: string;
  mode: Mode;
  version: number;
  response: string;
  saved_at: number;
  saved_by: string;
  saved_by_name: string;
}

/** A skipped task stays out of that person's queue until `until`. */
export interface WorkSkipsTable {
  task_id: string;
  holder: string;
  until: number;
}

/** One person's stretch of holding a task: time spent is the sum of these. */
export interface WorkSessionsTable {
  id: Generated<number>;
  task_id: string;
  account_id: string;
  mode: Mode;
  holder: string;
  holder_name: string;
  member_id: string | null;
  started_at: number;
  seen_at: number;
  ended_at: number | null;
  outcome: "open" | "submitted" | "skipped" | "expired" | "lost";
}

/** Uploaded and generated files when they live in the database (store/blobs.ts). */
export interface FilesTable {
  path: string;
  content_type: string;
  size: number;
  bytes: Buffer;
  created_at: number;
}

/** Requests per key in the current window, when the rate limit is shared (PostgreSQL). */
export interface RateLimitsTable {
  key: string;
  window_start: number;
  hits: number;
}

/**
 * Tasks per account × mode × UTC day created × type × status × project ('' for none), kept by
 * triggers in the transaction of every task write (migrations/006_rollups.ts).
 */
export interface TaskRollupsTable {
  account_id: string;
  mode: Mode;
  /** Whole UTC days since the epoch of created_at. */
  day: number;
  type: string;
  status: string;
  project: string;
  n: number;
  /** Of them, with callback_succeeded = 0 / = 1. */
  callback_failed: number;
  callback_ok: number;
  /** Of them, with an id whose first 8 hex digits are not the creation second. */
  irregular_ids: number;
}

/** Completed tasks per day created × project × log bucket of completion time (stats' percentiles). */
export interface TaskCompletionRollupsTable {
  account_id: string;
  mode: Mode;
  day: number;
  project: string;
  bucket: number;
  n: number;
}

export interface Database {
  accounts: AccountsTable;
  api_keys: ApiKeysTable;
  projects: ProjectsTable;
  project_params: ProjectParamsTable;
  tasks: TasksTable;
  callback_jobs: CallbackJobsTable;
  callback_attempts: CallbackAttemptsTable;
  audits: AuditsTable;
  task_attachments: TaskAttachmentsTable;
  attachment_checks: AttachmentChecksTable;
  data_upgrades: DataUpgradesTable;
  members: MembersTable;
  member_invites: MemberInvitesTable;
  member_sessions: MemberSessionsTable;
  sign_in_failures: SignInFailuresTable;
  activity: ActivityTable;
  files: FilesTable;
  rate_limits: RateLimitsTable;
  task_rollups: TaskRollupsTable;
  task_completion_rollups: TaskCompletionRollupsTable;
  work_drafts: WorkDraftsTable;
  work_skips: WorkSkipsTable;
  work_sessions: WorkSessionsTable;
}
