// One function per endpoint. Each validates the answer with the wire schema, so screens get
// typed data or a thrown ApiError / ContractError, never a half-checked object.
import { Project, Task, TaskList, type TaskType } from "../schema";
import { z } from "zod";
import { basicAuthHeader } from "./auth";
import { ApiError, request, send } from "./http";
import { readErrorMessage } from "./errors";
import type { AuditSampleFilters, AuditStatsFilters, StatsFilters, TaskListFilters } from "./keys";
import { Account, Acknowledgement, AuditList, AuditSample, AuditStats, CallbackLog, ConsoleConfig, Stats } from "./wire";

const enc = encodeURIComponent;

export function getConsoleConfig(signal?: AbortSignal) {
  return request("/console-api/config", ConsoleConfig, { auth: false, signal });
}

/** Checks a key before it is stored: a cheap list call with that key and no other. */
export async function verifyApiKey(key: string): Promise<void> {
  let response: Response;
  try {
    response = await fetch("/v1/tasks?limit=1", {
      headers: { Authorization: basicAuthHeader(key), Accept: "application/json" },
    });
  } catch {
    throw new ApiError(0, "The server could not be reached.");
  }
  if (!response.ok) throw new ApiError(response.status, await readErrorMessage(response));
}

export function listTasks(filters: TaskListFilters, signal?: AbortSignal) {
  return request("/v1/tasks", TaskList, { query: { ...filters }, signal });
}

export function getTask(taskId: string, signal?: AbortSignal) {
  return request(`/v1/task/${enc(taskId)}`, Task, { signal });
}

/** `POST /v1/task/<type>` with the exact create body (the console's create form sends JSON). */
export function createTask(type: TaskType, body: Record<string, unknown>) {
  return request(`/v1/task/${enc(type)}`, Task, { method: "POST", body });
}

export function cancelTask(taskId: string) {
  return request(`/v1/task/${enc(taskId)}/cancel`, Task, { method: "POST" });
}

export function getTaskCallbacks(taskId: string, signal?: AbortSignal) {
  return request(`/v1/task/${enc(taskId)}/callbacks`, CallbackLog, { signal });
}

export function resendCallback(taskId: string) {
  return request(`/v1/task/${enc(taskId)}/resendCallback`, Acknowledgement, { method: "POST" });
}

export function getTaskAudits(taskId: string, signal?: AbortSignal) {
  return request(`/v1/task/${enc(taskId)}/audits`, AuditList, { signal });
}

export interface AuditInput {
  taskId: string;
  accepted: boolean;
  /** Required (non-blank) for a rejection; the server answers 400 otherwise. */
  comments: string;
}

/** Records an approve / reject decision; answers the task with its new `audit`. */
export function auditTask({ taskId, accepted, comments }: AuditInput) {
  return request(`/v1/task/${enc(taskId)}/audit`, Task, { method: "POST", body: { accepted, comments } });
}

export function sampleUnauditedTasks(filters: AuditSampleFilters, signal?: AbortSignal) {
  return request("/v1/audits/sample", AuditSample, { query: { ...filters }, signal });
}

export function getAuditStats(filters: AuditStatsFilters, signal?: AbortSignal) {
  return request("/v1/audits/stats", AuditStats, { query: { ...filters }, signal });
}

export function listProjects(signal?: AbortSignal) {
  return request("/v1/projects", z.array(Project), { signal });
}

export function getProject(name: string, signal?: AbortSignal) {
  return request(`/v1/projects/${enc(name)}`, Project, { signal });
}

export interface CreateProjectInput {
  type: TaskType;
  name: string;
  instruction: string;
  /** Other params of the type: the template every task of the project inherits. */
  params?: Record<string, unknown>;
}

export function createProject(input: CreateProjectInput) {
  return request("/v1/projects", Project, {
    method: "POST",
    body: { type: input.type, name: input.name, params: { ...input.params, instruction: input.instruction } },
  });
}

export interface SetProjectParamsInput {
  name: string;
  instruction: string;
  /** Merge into the latest params instead of replacing them. */
  patch: boolean;
  /** Other params of the type (the template), saved beside the instruction. */
  params?: Record<string, unknown>;
}

export function setProjectParams({ name, instruction, patch, params }: SetProjectParamsInput) {
  return request(`/v1/projects/${enc(name)}/setParams`, Project, {
    method: "POST",
    body: { ...params, instruction, patch },
  });
}

export function getStats(filters: StatsFilters, signal?: AbortSignal) {
  return request("/v1/stats", Stats, { query: { ...filters }, signal });
}

export function getAccount(signal?: AbortSignal) {
  return request("/v1/account", Account, { signal });
}

export function updateAccount(input: { default_callback_url: string | null }) {
  return request("/v1/account", Account, { method: "POST", body: input });
}

export function rotateCallbackAuthKey() {
  return request("/v1/account/rotateCallbackAuthKey", Account, { method: "POST" });
}

/** Starts the export download; the caller reads the body stream (see export.ts). */
export function openTaskExport(
  query: TaskListFilters & { format: "json" | "ndjson"; task_ids?: readonly string[] },
  signal: AbortSignal,
): Promise<Response> {
  const { limit: _limit, offset: _offset, ...filters } = query;
  return send("/v1/tasks/export", { query: { ...filters }, signal });
}
