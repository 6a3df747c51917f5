import { editOf } from "../kinds";
import type { AnnotationAttributes, AttributeValues } from "../../schema";
import { pruneAttributes } from "./panel/attributes";
import { replaceObjects } from "./document";
import type { Command, CommandTarget, EditObject } from "./types";

// The document's commands. Each keeps exactly what undo needs (the objects before, their
// positions) and nothing else; the target does the swapping, so a command holds no store.

function plural(n: number, one: string): string {
  return n === 1 ? `1 ${one}` : `${n} ${one}${one.endsWith("x") ? "es" : "s"}`;
}

function kindNoun(objects: readonly EditObject[]): string {
  const kinds = new Set(objects.map((o) => o.kind));
  return kinds.size === 1 ? [...kinds][0] : "object";
}

/** Adds objects at the end (or at given positions, for undoing a removal). */
export function addObjects(objects: readonly EditObject[], label?: string): Command {
  return {
    label: label ?? `Create ${plural(objects.length, kindNoun(objects))}`,
    record: true,
    do(t) {
      const doc = t.getDocument();
      t.setDocument({ objects: [...doc.objects, ...objects] });
      t.select(objects.map((o) => o.id));
    },
    undo(t) {
      const ids = new Set(objects.map((o) => o.id));
      t.setDocument({ objects: t.getDocument().objects.filter((o) => !ids.has(o.id)) });
      t.select([]);
    },
  };
}

export function removeObjects(ids: readonly string[]): Command {
  let removed: { index: number; object: EditObject }[] = [];
  return {
    label: `Delete ${plural(ids.length, "object")}`,
    record: true,
    do(t) {
      const wanted = new Set(ids);
      const objects = t.getDocument().objects;
      removed = [];
      objects.forEach((object, index) => {
        if (wanted.has(object.id)) removed.push({ index, object });
      });
      t.setDocument({ objects: objects.filter((o) => !wanted.has(o.id)) });
      t.select([]);
    },
    undo(t) {
      const objects = t.getDocument().objects.slice();
      // Back in their old positions, lowest first so later indices stay right.
      for (const { index, object } of removed) objects.splice(index, 0, object);
      t.setDocument({ objects });
      t.select(removed.map((r) => r.object.id));
    },
  };
}

/**
 * Objects before → after (same ids): every geometry edit (move, resize, vertex drag, insert,
 * delete vertex) and every label or attribute change. `mergeKey` lets nudges coalesce.
 */
export function updateObjects(before: readonly EditObject[], after: readonly EditObject[], label: string, mergeKey?: string): Command {
  const command: Command = {
    label,
    record: true,
    mergeKey,
    do(t: CommandTarget) {
      t.setDocument(replaceObjects(t.getDocument(), after));
    },
    undo(t: CommandTarget) {
      t.setDocument(replaceObjects(t.getDocument(), before));
    },
    merge(next) {
      if (!next.mergeKey || next.mergeKey !== mergeKey || !isUpdate(next)) return null;
      return updateObjects(before, next.after, label, mergeKey);
    },
  };
  return Object.assign(command, { before, after, kindOfCommand: "update" as const });
}

function isUpdate(c: Command): c is Command & { before: readonly EditObject[]; after: readonly EditObject[] } {
  return (c as { kindOfCommand?: string }).kindOfCommand === "update";
}

export function setLabel(objects: readonly EditObject[], label: string | undefined, attributes?: AnnotationAttributes): Command {
  const after = objects.map((o) => {
    const edit = editOf(o.kind);
    const relabelled = edit.withLabel(o.annotation, label);
    if (!attributes || !relabelled.attributes) return { ...o, annotation: relabelled };
    // A label condition may switch attributes off: their values go in the same history entry.
    const kept = pruneAttributes(attributes, label, relabelled.attributes);
    return { ...o, annotation: edit.withAttributes(relabelled, Object.keys(kept).length ? kept : undefined) };
  });
  return updateObjects(objects, after, `Label ${plural(objects.length, "object")} ${label ?? "(none)"}`);
}

/** Sets (or with `undefined`, clears) attribute values on the objects, keeping their other values. */
export function setAttributes(objects: readonly EditObject[], values: Record<string, string | number | undefined>): Command {
  const after = objects.map((o) => {
    const next: AttributeValues = { ...(o.annotation.attributes ?? {}) };
    for (const [k, v] of Object.entries(values)) {
      if (v === undefined) delete next[k];
      else next[k] = v;
    }
    return { ...o, annotation: editOf(o.kind).withAttributes(o.annotation, next) };
  });
  return updateObjects(objects, after, `Set attributes of ${plural(objects.length, "object")}`);
}

export function translateObjects(objects: readonly EditObject[], dx: number, dy: number, mergeKey?: string): Command {
  const after = objects.map((o) => ({ ...o, annotation: editOf(o.kind).translate(o.annotation, dx, dy) }));
  return updateObjects(objects, after, `Move ${plural(objects.length, "object")}`, mergeKey);
}
