import { editOf, kindOf } from "../kinds";
import type { KindName, SceneObject } from "../scene/types";
import type { AnnotationOfKind, EditDocument, EditObject, VectorAnnotation } from "./types";

// The document's objects and their two other forms: the scene object the renderer draws (cached
// per immutable annotation, so a commit only converts what changed) and the wire response.

let nextId = 1;

/** A fresh editor id; ids never repeat within a page, so undo can bring an object back under its id. */
export function newObjectId(): string {
  return `edit:${nextId++}`;
}

export function makeObject<K extends KindName>(kind: K, annotation: AnnotationOfKind<K>, id = newObjectId()): EditObject<K> {
  return { id, kind, annotation };
}

export const EMPTY_DOCUMENT: EditDocument = { objects: [] };

/**
 * A wire response's annotations as a document; entries the kind's schema rejects are dropped
 * and counted so the caller can say so.
 */
export function documentFromWire(kind: KindName, annotations: readonly unknown[]): { document: EditDocument; dropped: number } {
  const def = editOf(kind);
  const objects: EditObject[] = [];
  let dropped = 0;
  for (const raw of annotations) {
    const parsed = def.parse(raw);
    if (parsed) objects.push(makeObject(kind, parsed));
    else dropped++;
  }
  return { document: { objects }, dropped };
}

/** The response the editor emits: `{annotations: [...]}` in document order. */
export function toWireResponse(doc: EditDocument): { annotations: VectorAnnotation[] } {
  return { annotations: doc.objects.map((o) => o.annotation) };
}

const sceneCache = new WeakMap<object, { id: string; splines: boolean; scene: SceneObject }>();

/** The object as the renderer draws it; cached per annotation object (annotations are immutable). */
export function sceneObjectOf(o: EditObject, splines: boolean): SceneObject | null {
  const hit = sceneCache.get(o.annotation);
  if (hit && hit.id === o.id && hit.splines === splines) return hit.scene;
  const scene = kindOf(o.kind).fromResponse(o.annotation, { id: o.id, splines });
  if (scene) sceneCache.set(o.annotation, { id: o.id, splines, scene });
  return scene;
}

export function objectById(doc: EditDocument, id: string): EditObject | undefined {
  return doc.objects.find((o) => o.id === id);
}

/** Replaces objects by id (same position), leaving the others untouched. */
export function replaceObjects(doc: EditDocument, replacements: readonly EditObject[]): EditDocument {
  if (replacements.length === 0) return doc;
  const byId = new Map(replacements.map((o) => [o.id, o]));
  return { objects: doc.objects.map((o) => byId.get(o.id) ?? o) };
}
