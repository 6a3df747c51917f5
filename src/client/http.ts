// The one place that talks HTTP. Every call goes to this origin (/v1/... or /console-api/...);
// the server forwards /v1 to the embedded API or to an upstream Scale endpoint.
import type { z } from "zod";
import { basicAuthHeader, getApiKey } from "./auth";
import { readErrorMessage } from "./errors";

/** An error answered by the API: the HTTP status and the server's own message. */
export class ApiError extends Error {
  readonly status: number;
  constructor(status: number, message: string) {
    super(message);
    this.name = "ApiError";
    this.status = status;
  }
}

/** The server answered 2xx but the body doesn't match the wire schema (a contract bug). */
export class ContractError extends Error {
  constructor(path: string, issues: string) {
    super(`Unexpected response from ${path}: ${issues}`);
    this.name = "ContractError";
  }
}

export type QueryValue = string | number | boolean | null | undefined | readonly string[];

export interface RequestOptions {
  method?: "GET" | "POST";
  query?: Record<string, QueryValue>;
  body?: unknown;
  signal?: AbortSignal;
  /** /console-api endpoints are unauthenticated; skip the Basic header for them. */
  auth?: boolean;
}

export function buildUrl(path: string, query?: Record<string, QueryValue>): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query ?? {})) {
    if (value === undefined || value === null || value === "") continue;
    if (Array.isArray(value)) {
      if (value.length) params.set(name, value.join(","));
    } else {
      params.set(name, String(value));
    }
  }
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

/** The signed-in member's CSRF token (from /console-api/me); sent on every state change. */
let csrfToken: string | null = null;
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

export function authHeaders(auth = true, method = "GET"): Record<string, string> {
  const key = getApiKey();
  if (auth && key) return { Authorization: basicAuthHeader(key) };
  // Without a key the session cookie (HTTP-only, sent by the browser) authenticates; changes
  // must echo the session's token so another site can't make them.
  return method !== "GET" && csrfToken ? { "X-CSRF-Token": csrfToken } : {};
}

/** Sends the request and returns the raw Response, throwing ApiError on non-2xx. */
export async function send(path: string, options: RequestOptions = {}): Promise<Response> {
  const { method = "GET", query, body, signal, auth = true } = options;
  const headers: Record<string, string> = { Accept: "application/json", ...authHeaders(auth, method) };
  if (body !== undefined) headers["Content-Type"] = "application/json";
  let response: Response;
  try {
    response = await fetch(buildUrl(path, query), {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      signal,
      credentials: "same-origin",
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === "AbortError") throw error;
    throw new ApiError(0, "The server could not be reached. Check your connection and try again.");
  }
  if (!response.ok) {
    throw new ApiError(response.status, await readErrorMessage(response));
  }
  return response;
}

/** Sends the request and validates the JSON body with the wire schema. */
export async function request<S extends z.ZodType>(
  path: string,
  schema: S,
  options: RequestOptions = {},
): Promise<z.infer<S>> {
  const response = await send(path, options);
  let json: unknown;
  try {
    json = await response.json();
  } catch {
    throw new ContractError(path, "the body is not JSON");
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    const issues = parsed.error.issues
      .slice(0, 3)
      .map((issue) => `${issue.path.join(".") || "(root)"}: ${issue.message}`)
      .join("; ");
    throw new ContractError(path, issues);
  }
  return parsed.data;
}
