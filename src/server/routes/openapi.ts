import type { FastifyInstance } from "fastify";
import { z } from "zod";
import {
  Account,
  ActivityList,
  AccountUpdate,
  AuditBody,
  AuditList,
  AuditSample,
  AuditSampleQuery,
  AuditStats,
  AuditStatsQuery,
  CallbackLog,
  CompleteTaskBody,
  ErrorBody,
  ExportQuery,
  Metadata,
  Project,
  ProjectCreate,
  ProjectSetParamsBody,
  Stats,
  StatsQuery,
  Task,
  TaskCreateFields,
  TaskList,
  TaskListQuery,
  UPLOAD_CONTENT_TYPES,
  UploadedFile,
  taskTypeRegistry,
  TASK_TYPES,
} from "../../schema";

// The OpenAPI 3.1 description of the embedded /v1 API, generated from the zod schemas in
// src/schema with zod's own z.toJSONSchema (JSON Schema 2020-12, the dialect of OpenAPI 3.1).
// Only the route table below is written here: method, path, summary and WHICH schema each part
// is. A test checks that every /v1 route Fastify knows appears in it, and validates the document.

type Json = Record<string, unknown>;

interface Operation {
  summary: string;
  /** Path parameters, in path order. */
  pathParams?: Record<string, string>;
  query?: z.ZodObject;
  body?: z.ZodType;
  /** A raw body (uploads) instead of JSON. */
  rawBody?: { types: readonly string[]; description: string };
  /** JSON answer; `stream` for the export's streamed body. */
  response?: z.ZodType;
  stream?: { types: string[]; description: string };
  status?: number;
}

const TASK_ID = { id: "A task id: 24 lowercase hex characters" };
const PROJECT = { name: "The project's name" };

/** `POST /v1/task/<type>`: the task's own fields plus the params of its type. */
function createOperations(): Record<string, Record<string, Operation>> {
  const out: Record<string, Record<string, Operation>> = {};
  for (const type of TASK_TYPES) {
    const def = taskTypeRegistry[type];
    out[`/v1/task/${type}`] = {
      post: { summary: `Create a ${def.title} task`, body: z.intersection(TaskCreateFields, def.params), response: Task },
    };
  }
  return out;
}

/** Every /v1 endpoint of the embedded API. Paths use OpenAPI's `{param}`. */
export function operations(): Record<string, Record<string, Operation>> {
  return {
    ...createOperations(),
    "/v1/task/{id}": { get: { summary: "Retrieve a task", pathParams: TASK_ID, response: Task } },
    "/v1/task/{id}/cancel": { post: { summary: "Cancel a pending task", pathParams: TASK_ID, response: Task } },
    "/v1/task/{id}/setMetadata": { post: { summary: "Replace a task's metadata", pathParams: TASK_ID, body: Metadata, response: Task } },
    "/v1/task/{id}/complete": { post: { summary: "Complete a pending task with a response (the workbench)", pathParams: TASK_ID, body: CompleteTaskBody, response: Task } },
    "/v1/task/{id}/callbacks": { get: { summary: "The callback delivery log of a task", pathParams: TASK_ID, response: CallbackLog } },
    "/v1/task/{id}/resendCallback": { post: { summary: "Send a task's callback again", pathParams: TASK_ID, response: Task } },
    "/v1/task/{id}/audit": { post: { summary: "Approve or reject a completed task", pathParams: TASK_ID, body: AuditBody, response: Task } },
    "/v1/task/{id}/audits": { get: { summary: "The audit history of a task", pathParams: TASK_ID, response: AuditList } },
    "/v1/task/{id}/activity": { get: { summary: "Who did what to a task, oldest first", pathParams: TASK_ID, response: ActivityList } },
    "/v1/tasks": { get: { summary: "List tasks, newest first", query: TaskListQuery, response: TaskList } },
    "/v1/tasks/export": {
      get: {
        summary: "Export every matching task (streamed)",
        query: ExportQuery,
        stream: { types: ["application/json", "application/x-ndjson"], description: "A JSON array, one task per NDJSON line, or a COCO dataset" },
      },
    },
    "/v1/audits/sample": { get: { summary: "A random sample of completed tasks to audit", query: AuditSampleQuery, response: AuditSample } },
    "/v1/audits/stats": { get: { summary: "Audit outcomes over a time range", query: AuditStatsQuery, response: AuditStats } },
    "/v1/stats": { get: { summary: "Task counts and timings over a time range", query: StatsQuery, response: Stats } },
    "/v1/projects": {
      get: { summary: "List projects", response: z.array(Project) },
      post: { summary: "Create a project", body: ProjectCreate, response: Project },
    },
    "/v1/projects/{name}": { get: { summary: "Retrieve a project", pathParams: PROJECT, response: Project } },
    "/v1/projects/{name}/setParams": { post: { summary: "Add a version of a project's params", pathParams: PROJECT, body: ProjectSetParamsBody, response: Project } },
    "/v1/account": {
      get: { summary: "The account of the key", response: Account },
      post: { summary: "Update the account's settings", body: AccountUpdate, response: Account },
    },
    "/v1/account/rotateCallbackAuthKey": { post: { summary: "Issue a new callback auth key", response: Account } },
    "/v1/files": {
      post: {
        summary: "Upload an image this server hosts",
        rawBody: { types: UPLOAD_CONTENT_TYPES, description: "The image's bytes (PNG, JPEG, GIF or WebP; the type is sniffed)" },
        response: UploadedFile,
        status: 201,
      },
    },
  };
}

/** Definitions hoisted out of the schemas into components (recursive ones: geometry, fields). */
let shared: Record<string, Json> = {};
let defCounter = 0;

/** JSON Schema of a zod schema; requests as they may be SENT (coercions accepted), answers as sent back. */
function schemaOf(schema: z.ZodType, io: "input" | "output"): Json {
  const { $schema: _ignored, $defs, ...json } = z.toJSONSchema(schema, { io, unrepresentable: "any", target: "draft-2020-12" }) as Json & {
    $defs?: Record<string, Json>;
  };
  if (!$defs) return json;
  // "#/$defs/x" would resolve against the whole OpenAPI document: move each definition into
  // components.schemas under a unique name and point the references there.
  const names = new Map(Object.keys($defs).map((k) => [k, `def${defCounter++}_${k.replace(/[^\w.-]/g, "_")}`]));
  const rewrite = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(rewrite);
    if (!value || typeof value !== "object") return value;
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => {
        if (k === "$ref" && typeof v === "string" && v.startsWith("#/$defs/")) return [k, `#/components/schemas/${names.get(v.slice(8))}`];
        return [k, rewrite(v)];
      }),
    );
  };
  for (const [k, def] of Object.entries($defs)) shared[names.get(k)!] = rewrite(def) as Json;
  return rewrite(json) as Json;
}

function queryParameters(query: z.ZodObject): Json[] {
  const json = schemaOf(query, "input") as { properties?: Record<string, Json>; required?: string[] };
  return Object.entries(json.properties ?? {}).map(([name, schema]) => {
    const { description, ...rest } = schema as Json & { description?: string };
    return { name, in: "query", required: json.required?.includes(name) ?? false, schema: rest, ...(description ? { description } : {}) };
  });
}

const ERROR_RESPONSES = {
  "400": "A field is missing or invalid; `error` names it",
  "401": "No API key, or an unknown one",
  "404": "No such task, project or endpoint (or not in this key's account and mode)",
  "429": "Too many requests for this key",
  "500": "Internal error",
};

function operationObject(method: string, path: string, op: Operation): Json {
  const parameters: Json[] = Object.entries(op.pathParams ?? {}).map(([name, description]) => ({ name, in: "path", required: true, description, schema: { type: "string" } }));
  if (op.query) parameters.push(...queryParameters(op.query));
  const responses: Json = {};
  const ok = String(op.status ?? 200);
  if (op.response) responses[ok] = { description: "OK", content: { "application/json": { schema: schemaOf(op.response, "output") } } };
  else if (op.stream) responses[ok] = { description: op.stream.description, content: Object.fromEntries(op.stream.types.map((t) => [t, {}])) };
  const error = { content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } } };
  for (const [code, description] of Object.entries(ERROR_RESPONSES)) responses[code] = { description, ...error };
  const out: Json = {
    operationId: `${method}${path.replace(/\{(\w+)\}/g, "By_$1").replace(/[^A-Za-z0-9]+(.)?/g, (_m, c: string | undefined) => (c ? c.toUpperCase() : ""))}`,
    summary: op.summary,
    parameters,
    responses,
  };
  if (op.body) {
    const schema = schemaOf(op.body, "input");
    // The docs' curl examples send forms; JSON and forms are read the same way (http/body.ts).
    out.requestBody = { required: true, content: { "application/json": { schema }, "application/x-www-form-urlencoded": { schema } } };
  } else if (op.rawBody) {
    out.requestBody = {
      required: true,
      description: op.rawBody.description,
      content: Object.fromEntries(op.rawBody.types.map((t) => [t, { schema: { type: "string", contentMediaType: t } }])),
    };
  }
  return out;
}

const tracked = new WeakMap<FastifyInstance, { method: string; url: string }[]>();

/** Remembers every route the app registers from now on, so a test can hold them against the document. */
export function trackRoutes(app: FastifyInstance): void {
  const list: { method: string; url: string }[] = [];
  tracked.set(app, list);
  app.addHook("onRoute", (r) => {
    for (const method of [r.method].flat()) list.push({ method: method.toLowerCase(), url: r.url });
  });
}

export function trackedRoutes(app: FastifyInstance): { method: string; url: string }[] {
  return tracked.get(app) ?? [];
}

let cached: Json | null = null;

/** The whole document (built once: the schemas don't change while the process runs). */
export function openApiDocument(): Json {
  if (cached) return cached;
  shared = {};
  const paths: Json = {};
  for (const [path, methods] of Object.entries(operations())) {
    paths[path] = Object.fromEntries(Object.entries(methods).map(([m, op]) => [m, operationObject(m, path, op)]));
  }
  cached = {
    openapi: "3.1.0",
    info: {
      title: "Scale Workbench embedded API (Scale API v1 compatible)",
      version: "1",
      description:
        "The Scale API v1 endpoints this server implements, plus its own (callbacks log, audits, stats, export, files, completion). Authenticate with HTTP Basic: the API key as user name, an empty password.",
    },
    servers: [{ url: "/" }],
    security: [{ apiKey: [] }],
    paths,
    components: {
      securitySchemes: { apiKey: { type: "http", scheme: "basic", description: "The API key as user name, empty password (curl -u \"test_...:\")" } },
      schemas: { Error: schemaOf(ErrorBody, "output"), ...shared },
    },
  };
  return cached;
}

/** `GET /v1/openapi.json`: no key needed, like published API docs; it holds nothing secret. */
export function registerOpenApiRoute(app: FastifyInstance): void {
  app.get("/v1/openapi.json", async (_req, reply) => {
    reply.header("cache-control", "no-cache");
    return openApiDocument();
  });
}
