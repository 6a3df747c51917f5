// The form is generated from the zod schemas: this walker turns a type's create schemas
// (TaskCreateFields + the type's params) into field specs — kind, title and help, default,
// required, limits, choices — that the generic renderer draws. Only zod's own definition
// (`_zod.def`) is read, so a field added to a schema appears in the form with no other change.
import type { z } from "zod";
import { TaskCreateFields, taskTypeRegistry, type TaskType } from "../../../schema";
import { fieldHelp } from "../../../schema/help";

export type FieldKind =
  | "string"
  | "number"
  | "integer"
  | "boolean"
  | "enum"
  | "stringArray"
  | "labelTree"
  | "objectArray"
  | "object"
  | "record"
  | "union"
  | "unknown";

export interface FieldSpec {
  /** The wire name (the last part of the path). */
  name: string;
  /** Where the value sits in the create body. */
  path: string[];
  kind: FieldKind;
  title: string;
  help: string;
  /** No default and not optional: the request is refused without it. */
  required: boolean;
  defaultValue?: unknown;
  nullable: boolean;
  /** Numbers: the value's bounds. Strings and arrays: the length's bounds. */
  min?: number;
  max?: number;
  /** Enum and literal choices. */
  options?: string[];
  /** Object fields. */
  children?: FieldSpec[];
  /** A record's values, an array's items. */
  item?: FieldSpec;
  /** Union variants (object variants first, for editing). */
  variants?: FieldSpec[];
  /** Task-level fields (callback_url, urgency, …) versus the type's params. */
  group: "task" | "params";
}

// zod 4's internal definition, read structurally: only the members the walker needs.
interface Def {
  type: string;
  innerType?: Schema;
  defaultValue?: unknown;
  in?: Schema;
  out?: Schema;
  getter?: () => Schema;
  checks?: { _zod: { def: CheckDef } }[];
  shape?: Record<string, Schema>;
  element?: Schema;
  valueType?: Schema;
  options?: Schema[];
  entries?: Record<string, string | number>;
  values?: unknown[];
}
interface CheckDef {
  check: string;
  value?: number | bigint;
  inclusive?: boolean;
  minimum?: number;
  maximum?: number;
  length?: number;
  format?: string;
}
interface Schema {
  _zod: { def: Def };
}

interface Unwrapped {
  core: Schema;
  required: boolean;
  nullable: boolean;
  defaultValue?: unknown;
  checks: CheckDef[];
}

/** Strips optional/default/nullable/preprocess/lazy wrappers, keeping what they say. */
function unwrap(schema: Schema): Unwrapped {
  const out: Unwrapped = { core: schema, required: true, nullable: false, checks: [] };
  let s = schema;
  for (let guard = 0; guard < 50; guard++) {
    const def = s._zod.def;
    for (const c of def.checks ?? []) out.checks.push(c._zod.def);
    if (def.type === "optional" && def.innerType) {
      out.required = false;
      s = def.innerType;
    } else if (def.type === "default" && def.innerType) {
      out.required = false;
      if (out.defaultValue === undefined) out.defaultValue = def.defaultValue;
      s = def.innerType;
    } else if (def.type === "nullable" && def.innerType) {
      out.nullable = true;
      s = def.innerType;
    } else if (def.type === "pipe" && def.in && def.out) {
      // preprocess = pipe(transform, schema); schema.transform() = pipe(schema, transform).
      s = def.in._zod.def.type === "transform" ? def.out : def.out._zod.def.type === "transform" ? def.in : def.in;
    } else if (def.type === "lazy" && def.getter) {
      s = def.getter();
    } else if (def.type === "readonly" && def.innerType) {
      s = def.innerType;
    } else break;
  }
  out.core = s;
  return out;
}

function limits(checks: CheckDef[], integer: boolean): { min?: number; max?: number } {
  let min: number | undefined;
  let max: number | undefined;
  const step = integer ? 1 : 0;
  for (const c of checks) {
    const v = typeof c.value === "bigint" ? Number(c.value) : c.value;
    if (c.check === "greater_than" && v !== undefined) min = Math.max(min ?? -Infinity, c.inclusive ? v : v + step);
    if (c.check === "less_than" && v !== undefined) max = Math.min(max ?? Infinity, c.inclusive ? v : v - step);
    if (c.check === "min_length" && c.minimum !== undefined) min = Math.max(min ?? 0, c.minimum);
    if (c.check === "max_length" && c.maximum !== undefined) max = Math.min(max ?? Infinity, c.maximum);
    if (c.check === "length_equals" && c.length !== undefined) min = max = c.length;
  }
  return { min, max };
}

/** A nested label list: a union of a string and `{choice, subchoices}`. */
function isLabelChoice(schema: Schema): boolean {
  const core = unwrap(schema).core._zod.def;
  return core.type === "union" && (core.options ?? []).some((o) => {
    const d = unwrap(o).core._zod.def;
    return d.type === "object" && !!d.shape && "choice" in d.shape && "subchoices" in d.shape;
  });
}

function describe(type: TaskType, schema: Schema, path: string[], group: FieldSpec["group"], depth = 0): FieldSpec {
  const name = path[path.length - 1] ?? "";
  const u = unwrap(schema);
  const def = u.core._zod.def;
  const help = depth === 0 ? fieldHelp(type, name) : { title: name, help: "" };
  const base = { name, path, title: help.title, help: help.help, required: u.required, defaultValue: u.defaultValue, nullable: u.nullable, group };
  const integer = u.checks.some((c) => c.format === "safeint" || c.format === "int32");
  switch (def.type) {
    case "string":
      return { ...base, kind: "string", ...limits(u.checks, true) };
    case "number":
      return { ...base, kind: integer ? "integer" : "number", ...limits(u.checks, integer) };
    case "boolean":
      return { ...base, kind: "boolean" };
    case "enum":
      return { ...base, kind: "enum", options: Object.values(def.entries ?? {}).map(String) };
    case "literal":
      return { ...base, kind: "enum", options: (def.values ?? []).map(String) };
    case "array": {
      const element = def.element as Schema;
      const lim = limits(u.checks, true);
      if (isLabelChoice(element)) return { ...base, kind: "labelTree", ...lim };
      const item = describe(type, element, [...path, "[]"], group, depth + 1);
      if (item.kind === "string") return { ...base, kind: "stringArray", item, ...lim };
      return { ...base, kind: item.kind === "object" ? "objectArray" : "unknown", item, ...lim };
    }
    case "object": {
      const children = Object.entries(def.shape ?? {}).map(([key, child]) => describe(type, child, [...path, key], group, depth + 1));
      return { ...base, kind: "object", children };
    }
    case "record":
      return { ...base, kind: "record", item: describe(type, def.valueType as Schema, [...path, "{}"], group, depth + 1) };
    case "union": {
      const variants = (def.options ?? []).map((o) => describe(type, o, path, group, depth + 1));
      variants.sort((a, b) => Number(b.kind === "object") - Number(a.kind === "object"));
      return { ...base, kind: "union", variants };
    }
    default:
      return { ...base, kind: "unknown" };
  }
}

function shapeOf(schema: z.ZodType): Record<string, Schema> {
  const core = unwrap(schema as unknown as Schema).core._zod.def;
  return core.shape ?? {};
}

/** Every field a create request of `type` takes, in the schema's order: the type's params, then the task's own fields. */
export function fieldsOf(type: TaskType): FieldSpec[] {
  const params = Object.entries(shapeOf(taskTypeRegistry[type].params)).map(([name, s]) => describe(type, s, [name], "params"));
  const own = Object.entries(shapeOf(TaskCreateFields)).map(([name, s]) => {
    const spec = describe(type, s, [name], "task");
    // The docs require an instruction for some types; the schema leaves that to the create route.
    return name === "instruction" && taskTypeRegistry[type].instructionRequired ? { ...spec, required: true } : spec;
  });
  return [...params, ...own];
}
