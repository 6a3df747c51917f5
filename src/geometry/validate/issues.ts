import type { z } from "zod";
import { describeZodError } from "../../schema";

// Validation findings as the API reports them: `response.annotations[3].label: "bike" is not a
// leaf of objects_to_annotate`. Paths are built with the same notation as describeZodError.

/** One finding with its wire path apart, so an editor can point at the object it names. */
export interface Issue {
  path: string;
  message: string;
}

export class Issues {
  readonly list: string[] = [];
  /** The same findings as `list`, for those added with a path (zod errors arrive pre-written). */
  readonly entries: Issue[] = [];
  /**
   * The wire-shape (zod) findings, one per zod issue with its path apart. `list` holds them as
   * one pre-written line per parse (the API's wording); `entries` leaves them out.
   */
  readonly shapeEntries: Issue[] = [];

  add(path: string, message: string): void {
    this.list.push(`${path}: ${message}`);
    this.entries.push({ path, message });
  }

  /** A failed parse of `input` (the params or the response) under `prefix`. */
  addParseError(error: z.ZodError, input: unknown, prefix: string): void {
    this.list.push(describeZodError(error, input, [prefix]));
    for (const issue of error.issues) {
      let path = prefix;
      for (const key of issue.path) path = at(path, typeof key === "number" ? key : String(key));
      // The API's wording: a field that is missing altogether "is required".
      const missing = (issue.code === "invalid_type" || issue.code === "invalid_union") && valueAt(input, issue.path) === undefined;
      this.shapeEntries.push({ path, message: missing ? "is required" : issue.message });
    }
  }

  get ok(): boolean {
    return this.list.length === 0;
  }
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let v: unknown = input;
  for (const part of path) {
    if (v === null || typeof v !== "object") return undefined;
    v = (v as Record<PropertyKey, unknown>)[part];
  }
  return v;
}

export function at(path: string, key: string | number): string {
  return typeof key === "number" ? `${path}[${key}]` : `${path}.${key}`;
}

/** Coordinates may sit on the image's edge; a hair of floating-point slack beyond it. */
const EPS = 1e-6;

/** The image's size in pixels (the server calls it Canvas). */
export interface ImageBounds {
  width: number;
  height: number;
}

export function insideCanvas(x: number, y: number, canvas: ImageBounds | null | undefined): boolean {
  if (!canvas) return true;
  return x >= -EPS && y >= -EPS && x <= canvas.width + EPS && y <= canvas.height + EPS;
}
