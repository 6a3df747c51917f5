import { z } from "zod";

/** Every error answer: the HTTP code again and a message that names the field and the rule. */
export const ErrorBody = z.object({ status_code: z.number().int(), error: z.string() });
export type ErrorBody = z.infer<typeof ErrorBody>;

/** The HTTP codes of the docs' table. */
export const ERROR_CODES = [400, 401, 402, 404, 409, 429, 500] as const;

function pathText(path: readonly PropertyKey[]): string {
  let out = "";
  for (const part of path) {
    if (typeof part === "number") out += `[${part}]`;
    else out += out ? `.${String(part)}` : String(part);
  }
  return out;
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let v: unknown = input;
  for (const part of path) {
    if (v === null || typeof v !== "object") return undefined;
    v = (v as Record<PropertyKey, unknown>)[part];
  }
  return v;
}

/**
 * One readable line for a failed parse: `objects_to_annotate: you may include at most 6 objects`.
 * A field that is missing altogether reads "is required", whatever the type's own message says.
 */
export function describeZodError(error: z.ZodError, input: unknown, prefix: readonly PropertyKey[] = []): string {
  const lines = error.issues.slice(0, 5).map((issue) => {
    const path = [...prefix, ...issue.path];
    const missing = issue.code === "invalid_type" && valueAt(input, issue.path) === undefined;
    const where = pathText(path);
    const message = missing ? "is required" : issue.message;
    return where ? `${where}: ${message}` : message;
  });
  const more = error.issues.length > 5 ? ` (and ${error.issues.length - 5} more)` : "";
  return lines.join("; ") + more;
}
