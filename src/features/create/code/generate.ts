// The create-task request as code, in the languages of the docs' tabs. Pure functions of the
// task type, the JSON body the Create button sends, the API base URL and (only when the user
// asks) the key; a test runs the cURL against the server and compares the tasks.
import type { TaskType } from "../../../schema";
import { jsLiteral, pythonLiteral, rubyLiteral, shellQuote } from "./literals";

export interface CodeInput {
  taskType: TaskType;
  body: Record<string, unknown>;
  /** The API base including `/v1`, e.g. `https://api.scaleapi.com/v1`. */
  baseUrl: string;
  /** The key to write into the code; null writes a placeholder. */
  apiKey?: string | null;
}

/** Where the official Node client and the Ruby gem always send requests (the Python client takes `api_instance_url`). */
export const OFFICIAL_BASE_URL = "https://api.scaleapi.com/v1";

export const KEY_PLACEHOLDER = "YOUR_API_KEY";
/** cURL reads the key from the environment, so a pasted command never holds it by accident. */
export const SHELL_KEY_VARIABLE = "SCALE_API_KEY";

function trimBase(baseUrl: string): string {
  return baseUrl.replace(/\/+$/, "");
}

export function endpointUrl(taskType: TaskType, baseUrl: string): string {
  return `${trimBase(baseUrl)}/task/${taskType}`;
}

function isOfficial(baseUrl: string): boolean {
  const base = trimBase(baseUrl);
  return base === OFFICIAL_BASE_URL || base === "https://api.scale.com/v1";
}

/**
 * The docs' style (`-u "key:"`), with a JSON body: nested params (labels with subchoices,
 * attributes, layers, metadata) have no form encoding the docs define.
 */
export function toCurl({ taskType, body, baseUrl, apiKey }: CodeInput): string {
  const user = apiKey ? shellQuote(`${apiKey}:`) : `"$${SHELL_KEY_VARIABLE}:"`;
  return [
    `curl ${shellQuote(endpointUrl(taskType, baseUrl))} \\`,
    `  -u ${user} \\`,
    `  -H 'Content-Type: application/json' \\`,
    `  -d ${shellQuote(JSON.stringify(body, null, 2))}`,
  ].join("\n");
}

/** The official Python client's TaskType member for each endpoint (scaleapi 2.x). */
const PYTHON_TASK_TYPE: Record<TaskType, string | null> = {
  annotation: "Annotation",
  pointannotation: "PointAnnotation",
  lineannotation: "LineAnnotation",
  cuboidannotation: "CuboidAnnotation",
  polygonannotation: "PolygonAnnotation",
  segmentannotation: "SegmentAnnotation",
  categorization: "Categorization",
  comparison: "Comparison",
  transcription: "Transcription",
  // TaskType has no audio transcription member; the client's generic POST reaches the endpoint.
  audiotranscription: null,
  datacollection: "DataCollection",
};

/** The official `scaleapi` Python client (2.x): `client.create_task(TaskType.X, **payload)`. */
export function toPython({ taskType, body, baseUrl, apiKey }: CodeInput): string {
  const key = JSON.stringify(apiKey ?? KEY_PLACEHOLDER);
  const client = isOfficial(baseUrl)
    ? `client = scaleapi.ScaleClient(${key})`
    : `client = scaleapi.ScaleClient(${key}, api_instance_url=${JSON.stringify(trimBase(baseUrl))})`;
  const member = PYTHON_TASK_TYPE[taskType];
  const create = member
    ? `task = client.create_task(TaskType.${member}, **payload)`
    : `task = scaleapi.Task(client.api.post_request(${JSON.stringify(`task/${taskType}`)}, body=payload), client)`;
  return [
    "import scaleapi",
    ...(member ? ["from scaleapi.tasks import TaskType"] : []),
    "",
    client,
    "",
    `payload = ${pythonLiteral(body)}`,
    "",
    create,
    "print(task.id)",
    "",
  ].join("\n");
}

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** The official `scaleapi` npm client, as in the docs: `client.createAnnotationTask({...}, cb)`. */
export function toNodeClient({ taskType, body, baseUrl, apiKey }: CodeInput): string {
  const note = isOfficial(baseUrl)
    ? []
    : [
        `// The official client always calls ${OFFICIAL_BASE_URL}/; this server is ${trimBase(baseUrl)}.`,
        "// To create the task here, use the fetch tab (or a client with a configurable base URL).",
      ];
  return [
    ...note,
    'const scaleapi = require("scaleapi");',
    "",
    `const client = scaleapi.ScaleClient(${JSON.stringify(apiKey ?? KEY_PLACEHOLDER)});`,
    "",
    `client.create${capitalize(taskType)}Task(${jsLiteral(body)}, (err, task) => {`,
    "  if (err) throw err;",
    "  console.log(task.task_id);",
    "});",
    "",
  ].join("\n");
}

/** Plain fetch (a browser, or Node 18+ as an ES module), with HTTP Basic auth as the docs say. */
export function toFetch({ taskType, body, baseUrl, apiKey }: CodeInput): string {
  return [
    `const apiKey = ${JSON.stringify(apiKey ?? KEY_PLACEHOLDER)};`,
    "",
    `const response = await fetch(${JSON.stringify(endpointUrl(taskType, baseUrl))}, {`,
    '  method: "POST",',
    "  headers: {",
    '    Authorization: "Basic " + btoa(apiKey + ":"),',
    '    "Content-Type": "application/json",',
    "  },",
    `  body: JSON.stringify(${jsLiteral(body, 1)}),`,
    "});",
    "const task = await response.json();",
    "if (!response.ok) throw new Error(task.error);",
    "console.log(task.task_id);",
    "",
  ].join("\n");
}

/** The `scale` gem, as in the docs: `scale.create_annotation_task({...})`. */
export function toRuby({ taskType, body, baseUrl, apiKey }: CodeInput): string {
  const note = isOfficial(baseUrl)
    ? []
    : [
        `# The scale gem calls ${OFFICIAL_BASE_URL}; this server is ${trimBase(baseUrl)}.`,
        "# To create the task here, use the cURL tab (or Net::HTTP with the same JSON body).",
      ];
  return [
    ...note,
    "require 'scale'",
    "",
    `scale = Scale.new(api_key: ${JSON.stringify(apiKey ?? KEY_PLACEHOLDER)})`,
    "",
    `task = scale.create_${taskType}_task(${rubyLiteral(body)})`,
    "puts task.task_id",
    "",
  ].join("\n");
}

export interface CodeLanguage {
  id: "curl" | "python" | "node" | "fetch" | "ruby";
  label: string;
  generate(input: CodeInput): string;
}

/** The tabs, in the docs' order. */
export const CODE_LANGUAGES: readonly CodeLanguage[] = [
  { id: "curl", label: "cURL", generate: toCurl },
  { id: "python", label: "Python", generate: toPython },
  { id: "node", label: "JavaScript (scaleapi)", generate: toNodeClient },
  { id: "fetch", label: "JavaScript (fetch)", generate: toFetch },
  { id: "ruby", label: "Ruby", generate: toRuby },
];
