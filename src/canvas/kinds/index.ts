import type { KindName } from "../scene/types";
import { boxKind } from "./box";
import { cuboidKind } from "./cuboid";
import { lineKind } from "./line";
import { pointKind } from "./point";
import { polygonKind } from "./polygon";
import type { AnyKindDefinition, KindDefinition } from "./types";
import type { KindEditing } from "../edit/types";
import { boxEditing } from "./box.edit";
import { cuboidEditing } from "./cuboid.edit";
import { pointEditing } from "./point.edit";
import { lineEditing, polygonEditing } from "./polyline.edit";

/**
 * The one list of geometry kinds, in drawing order (bottom to top): big filled shapes first so
 * lines and points stay visible on top of them.
 */
export const kindRegistry: { readonly [K in KindName]: KindDefinition<K> } = {
  polygon: polygonKind,
  cuboid: cuboidKind,
  box: boxKind,
  line: lineKind,
  point: pointKind,
};

export const KIND_ORDER: readonly KindName[] = ["polygon", "cuboid", "box", "line", "point"];

export const kinds: readonly AnyKindDefinition[] = KIND_ORDER.map((k) => kindRegistry[k]);

/**
 * The registry's definition for an object's kind, typed for any object. TypeScript can't
 * correlate `kindRegistry[o.kind]` with `o`, so this is the one place that widens it.
 */
export function kindOf(kind: KindName): KindDefinition<KindName> {
  return kindRegistry[kind] as unknown as KindDefinition<KindName>;
}

/**
 * Editing beside each kind: the pure edit operations on its wire annotation (handles, drag a
 * handle, translate, delete a vertex, label) and which create tool draws it.
 */
export const editRegistry: { readonly [K in KindName]: KindEditing<K> } = {
  polygon: polygonEditing,
  cuboid: cuboidEditing,
  box: boxEditing,
  line: lineEditing,
  point: pointEditing,
};

/** The editing of an object's kind, typed for any object (see kindOf). */
export function editOf(kind: KindName): KindEditing<KindName> {
  return editRegistry[kind] as unknown as KindEditing<KindName>;
}

export type { AnyKindDefinition, DrawStyle, KindDefinition, OverlayShape, WireContext } from "./types";
