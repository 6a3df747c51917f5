import { createContext, useContext } from "react";
import { createStore, useStore, type StoreApi } from "zustand";
import type { Size, View } from "../geometry";
import type { MaskRegion } from "./raster/mask";
import type { KindName, ObjectSource } from "./scene/types";

/** Anything the legend can hide: a vector kind, or the mask layer. */
export type Toggleable = KindName | "mask";

/**
 * State of one open canvas: view transform, pointer interaction, visibility and display
 * settings. Created when an AnnotationCanvas mounts and dropped with it; never global.
 */
export interface CanvasState {
  view: View;
  viewport: Size;
  imageSize: Size | null;
  /** True while a pan/zoom gesture runs; the static layer then moves as a bitmap. */
  gesture: boolean;
  hoveredId: string | null;
  selectedId: string | null;
  /** Screen position of the pointer over the stage, or null when it is outside. */
  pointer: { x: number; y: number } | null;
  /** The mask label under the pointer, read from the indexed image. */
  maskLabelAtPointer: string | null;
  /** Per mask index, its pixel count and extent, once the mask has loaded. */
  maskRegions: ReadonlyMap<number, MaskRegion> | null;
  hiddenLabels: ReadonlySet<string>;
  hiddenKinds: ReadonlySet<Toggleable>;
  hiddenSources: ReadonlySet<ObjectSource>;
  /**
   * Objects drawn by an edit overlay instead of the static layer while a gesture edits them
   * (edit mode): they leave the static batch for the gesture and return when it ends.
   */
  detachedIds: ReadonlySet<string>;
  showLabels: boolean;
  vectorOpacity: number;
  maskOpacity: number;
  brightness: number;
  contrast: number;
}

export interface CanvasActions {
  setView(view: View): void;
  setViewport(size: Size): void;
  setImageSize(size: Size | null): void;
  setGesture(active: boolean): void;
  hover(id: string | null): void;
  select(id: string | null): void;
  setPointer(p: { x: number; y: number } | null, maskLabel: string | null): void;
  setMaskRegions(regions: ReadonlyMap<number, MaskRegion> | null): void;
  toggleLabel(label: string): void;
  toggleKind(kind: Toggleable): void;
  toggleSource(source: ObjectSource): void;
  setDetached(ids: ReadonlySet<string>): void;
  set(patch: Partial<Pick<CanvasState, "showLabels" | "vectorOpacity" | "maskOpacity" | "brightness" | "contrast">>): void;
}

export type CanvasStore = StoreApi<CanvasState & CanvasActions>;

function toggled<T>(set: ReadonlySet<T>, value: T): ReadonlySet<T> {
  const next = new Set(set);
  if (next.has(value)) next.delete(value);
  else next.add(value);
  return next;
}

export function createCanvasStore(): CanvasStore {
  return createStore<CanvasState & CanvasActions>()((set, get) => ({
    view: { scale: 1, x: 0, y: 0 },
    viewport: { width: 0, height: 0 },
    imageSize: null,
    gesture: false,
    hoveredId: null,
    selectedId: null,
    pointer: null,
    maskLabelAtPointer: null,
    maskRegions: null,
    hiddenLabels: new Set(),
    hiddenKinds: new Set(),
    hiddenSources: new Set(),
    detachedIds: new Set(),
    showLabels: true,
    vectorOpacity: 1,
    maskOpacity: 0.5,
    brightness: 1,
    contrast: 1,
    setView: (view) => set({ view }),
    setViewport: (viewport) => set({ viewport }),
    setImageSize: (imageSize) => set({ imageSize }),
    setGesture: (gesture) => {
      if (get().gesture !== gesture) set({ gesture });
    },
    hover: (hoveredId) => {
      if (get().hoveredId !== hoveredId) set({ hoveredId });
    },
    select: (selectedId) => set({ selectedId }),
    setPointer: (pointer, maskLabelAtPointer) => set({ pointer, maskLabelAtPointer }),
    setMaskRegions: (maskRegions) => set({ maskRegions }),
    toggleLabel: (label) => set({ hiddenLabels: toggled(get().hiddenLabels, label) }),
    toggleKind: (kind) => set({ hiddenKinds: toggled(get().hiddenKinds, kind) }),
    toggleSource: (source) => set({ hiddenSources: toggled(get().hiddenSources, source) }),
    setDetached: (detachedIds) => set({ detachedIds }),
    set: (patch) => set(patch),
  }));
}

export const CanvasStoreContext = createContext<CanvasStore | null>(null);

export function useCanvasStoreApi(): CanvasStore {
  const store = useContext(CanvasStoreContext);
  if (!store) throw new Error("canvas components must be rendered inside <AnnotationCanvas> or <CanvasProvider>");
  return store;
}

/** Selection and hover ids of mask entries in the object list: `mask:<index>`. */
export const maskEntryId = (index: number) => `mask:${index}`;

/** The mask index an id names, or null for a vector object's id. */
export function maskIndexOfId(id: string | null): number | null {
  if (!id || !id.startsWith("mask:")) return null;
  const n = Number(id.slice(5));
  return Number.isInteger(n) ? n : null;
}

export function useCanvas<T>(selector: (s: CanvasState & CanvasActions) => T): T {
  return useStore(useCanvasStoreApi(), selector);
}

/** Whether an object is shown under the current legend toggles. */
export function isShown(
  s: Pick<CanvasState, "hiddenLabels" | "hiddenKinds" | "hiddenSources">,
  o: { label: string; kind: KindName; source: ObjectSource },
): boolean {
  return !s.hiddenLabels.has(o.label) && !s.hiddenKinds.has(o.kind) && !s.hiddenSources.has(o.source);
}
