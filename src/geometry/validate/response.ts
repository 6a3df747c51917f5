import { z } from "zod";
import {
  AnnotationParams,
  AnnotationResponse,
  CuboidannotationParams,
  CuboidannotationResponse,
  LineannotationParams,
  LineannotationResponse,
  PointannotationParams,
  PointannotationResponse,
  PolygonannotationParams,
  PolygonannotationResponse,
  type TaskType,
  type taskTypeRegistry,
} from "../../schema";
import type { ImageBounds, Issues } from "./issues";
import { checkBoxes, checkCuboids, checkPoints, checkPolylines } from "./vector";

/** Task types whose response is a list of vector annotations (boxes, points, lines, polygons, cuboids). */
export type VectorTaskType = {
  [T in TaskType]: (typeof taskTypeRegistry)[T]["geometry"] extends "box" | "point" | "line" | "polygon" | "cuboid" ? T : never;
}[TaskType];

export const VECTOR_TASK_TYPES: readonly VectorTaskType[] = ["annotation", "pointannotation", "lineannotation", "polygonannotation", "cuboidannotation"];

export function isVectorTaskType(type: string): type is VectorTaskType {
  return (VECTOR_TASK_TYPES as readonly string[]).includes(type);
}

export function parse<S extends z.ZodType>(schema: S, value: unknown, prefix: string, issues: Issues): z.infer<S> | null {
  const r = schema.safeParse(value);
  if (r.success) return r.data;
  issues.addParseError(r.error, value, prefix);
  return null;
}

/**
 * A vector task's response checked against its params: the type's zod schemas, then the rules
 * that depend on the params. Findings go into `issues`; returns the parsed response, or null
 * when it (or the params) didn't parse. The server's validateResponse and the canvas editor
 * both call this; `paramsParsed` says `rawParams` is already the params schema's output.
 */
export function checkVectorResponse(
  type: VectorTaskType,
  rawParams: unknown,
  rawResponse: unknown,
  canvas: ImageBounds | null,
  issues: Issues,
  options: { paramsParsed?: boolean } = {},
): Record<string, unknown> | null {
  const check = <P extends z.ZodType, R extends z.ZodType>(ps: P, rs: R, rules: (p: z.infer<P>, r: z.infer<R>) => void) => {
    // An editor parses the params once (they can hold thousands of layer objects), not per check.
    const p = options.paramsParsed ? (rawParams as z.infer<P>) : parse(ps, rawParams, "params", issues);
    const r = parse(rs, rawResponse, "response", issues);
    if (p !== null && r !== null) rules(p, r);
    return r as Record<string, unknown> | null;
  };
  switch (type) {
    case "annotation":
      return check(AnnotationParams, AnnotationResponse, (p, r) => checkBoxes(p, r, canvas, issues));
    case "pointannotation":
      return check(PointannotationParams, PointannotationResponse, (p, r) => checkPoints(p, r, canvas, issues));
    case "lineannotation":
      return check(LineannotationParams, LineannotationResponse, (p, r) => checkPolylines(p, r, canvas, issues));
    case "polygonannotation":
      return check(PolygonannotationParams, PolygonannotationResponse, (p, r) => checkPolylines(p, r, canvas, issues));
    case "cuboidannotation":
      return check(CuboidannotationParams, CuboidannotationResponse, (p, r) => checkCuboids(p, r, canvas, issues));
  }
}
