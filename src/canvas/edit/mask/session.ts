import { createStore, type StoreApi } from "zustand";
import {
  countUnlabeled,
  createRaster,
  maskEntries,
  type IndexRaster,
  type LabelMapping,
  type PixelRect,
  unlabeledBounds,
} from "../../../geometry";
import type { SegmentannotationParams, SegmentannotationResponse } from "../../../schema";
import type { EditorStore } from "../types";
import { addInstance, classByIndex, initialClasses, instancesOf, type MaskClass, type MaskClasses } from "./classes";
import { saveSegmentation, type UploadPng } from "./encode";

// One segmentation being edited: the label raster (one byte per pixel for the whole task), the
// classes its indices mean, the brush settings, and the running unlabeled count. One session
// per editor store (a WeakMap, so it goes when the editor goes); pixels are NOT zustand state —
// they change in place and listeners get the dirty rectangle.

export const MIN_BRUSH = 1;
export const MAX_BRUSH = 400;

export interface MaskSessionState {
  classes: MaskClasses;
  /** The class the brush, polygon fill and fill tools paint. */
  active: number;
  /** Brush (and eraser) diameter in image pixels. */
  brushSize: number;
  unlabeled: number;
  /** Unlabeled pixels drawn in a warning colour (on by default when allow_unlabeled is false). */
  highlightUnlabeled: boolean;
  /** Bumped on every pixel change, for panels that show counts. */
  pixelsVersion: number;
  /** The pointer in image pixels while over the canvas (brush cursor), or null. */
  cursor: { x: number; y: number } | null;
  /** The polygon-fill tool's vertices so far (flat x, y), drawn as a preview. */
  polygon: readonly number[] | null;
  /** Saving: encoding and uploading the masks, then the response they make (or why not). */
  save:
    | { status: "idle" }
    | { status: "saving" }
    | { status: "saved"; response: SegmentannotationResponse; pixelsVersion: number }
    | { status: "error"; message: string };
}

/** Rectangles to repaint, or null for "everything" (the palette changed). */
export type PixelListener = (rects: readonly PixelRect[] | null) => void;

export type SegmentationSettings = Pick<SegmentannotationParams, "labels" | "instance_labels" | "allow_unlabeled">;

export class MaskSession {
  readonly store: StoreApi<MaskSessionState>;
  private readonly listeners = new Set<PixelListener>();

  constructor(
    readonly raster: IndexRaster,
    readonly params: SegmentationSettings,
    classes: MaskClasses = initialClasses(params),
  ) {
    this.store = createStore<MaskSessionState>(() => ({
      classes,
      active: classes.list[0]?.index ?? 0,
      brushSize: Math.max(4, Math.round(Math.min(raster.width, raster.height) / 60)),
      unlabeled: countUnlabeled(raster),
      highlightUnlabeled: !params.allow_unlabeled,
      pixelsVersion: 0,
      cursor: null,
      polygon: null,
      save: { status: "idle" },
    }));
  }

  get state(): MaskSessionState {
    return this.store.getState();
  }

  /** Listens for pixel changes: rectangles to repaint, or null for "everything". */
  onPixels(listener: PixelListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * Pixels in `rects` changed (during a stroke: repaint only). `unlabeledDelta`, once known at
   * the end of a gesture or on undo/redo, keeps the unlabeled count without a full scan.
   */
  pixelsChanged(rects: readonly PixelRect[], unlabeledDelta?: number): void {
    if (rects.length) for (const l of this.listeners) l(rects);
    if (unlabeledDelta !== undefined) {
      this.store.setState((s) => ({ unlabeled: s.unlabeled + unlabeledDelta, pixelsVersion: s.pixelsVersion + 1 }));
    }
  }

  /** Recounts from the pixels (after a load, or a cancelled stroke). */
  recount(): void {
    this.store.setState((s) => ({ unlabeled: countUnlabeled(this.raster), pixelsVersion: s.pixelsVersion + 1 }));
  }

  activeClass(): MaskClass | null {
    return classByIndex(this.state.classes, this.state.active);
  }

  setActive(index: number): void {
    if (classByIndex(this.state.classes, index)) this.store.setState({ active: index });
  }

  setBrushSize(size: number): void {
    this.store.setState({ brushSize: Math.max(MIN_BRUSH, Math.min(MAX_BRUSH, Math.round(size))) });
  }

  /** `[` and `]`: steps that feel even at every size (about 15% each, at least 1 px). */
  stepBrush(direction: 1 | -1): void {
    const s = this.state.brushSize;
    this.setBrushSize(s + direction * Math.max(1, Math.round(s * 0.15)));
  }

  /**
   * Makes `label` the one painted. An instance label continues its latest instance, or starts
   * the first one; `newInstance()` starts the next. Returns false for an unknown label.
   */
  selectLabel(label: string): boolean {
    const { classes } = this.state;
    if (classes.instanceLabels.has(label)) {
      const existing = instancesOf(classes, label).at(-1);
      if (existing) {
        this.store.setState({ active: existing.index });
        return true;
      }
      return this.newInstance(label) !== null;
    }
    const c = classes.list.find((x) => x.label === label && x.instance === null);
    if (!c) return false;
    this.store.setState({ active: c.index });
    return true;
  }

  /** Starts the next instance of an instance label and makes it active; null when indices ran out. */
  newInstance(label: string): MaskClass | null {
    const r = addInstance(this.state.classes, label);
    if (!r) return null;
    this.store.setState({ classes: r.classes, active: r.added.index });
    for (const l of this.listeners) l(null); // the palette grew
    return r.added;
  }

  /**
   * Encodes the masks (indexed PNG, colour image, one mask per label and instance), uploads them
   * and resolves the wire response. Refuses unlabeled pixels when the task doesn't allow them.
   */
  async save(upload: UploadPng): Promise<SegmentannotationResponse | null> {
    const version = this.state.pixelsVersion;
    this.store.setState({ save: { status: "saving" } });
    try {
      const response = await saveSegmentation(this.raster, this.state.classes, this.params, upload);
      this.store.setState({ save: { status: "saved", response, pixelsVersion: version } });
      return response;
    } catch (e) {
      this.store.setState({ save: { status: "error", message: e instanceof Error ? e.message : String(e) } });
      return null;
    }
  }

  setHighlightUnlabeled(on: boolean): void {
    this.store.setState({ highlightUnlabeled: on });
    for (const l of this.listeners) l(null);
  }
}

const sessions = new WeakMap<EditorStore, MaskSession>();

export function maskSessionOf(editor: EditorStore): MaskSession | null {
  return sessions.get(editor) ?? null;
}

/**
 * The editor's segmentation session, created for an image of this size on first use. An existing
 * answer (its indexed image's indices and labelMapping) seeds the raster and the classes.
 */
export function ensureMaskSession(
  editor: EditorStore,
  params: SegmentationSettings,
  size: { width: number; height: number },
  initial?: { indices: Uint8Array; labelMapping: LabelMapping },
): MaskSession {
  const existing = sessions.get(editor);
  if (existing && existing.raster.width === size.width && existing.raster.height === size.height) return existing;
  const raster = createRaster(size.width, size.height);
  let classes: MaskClasses | undefined;
  if (initial && initial.indices.length === raster.data.length) {
    raster.data.set(initial.indices);
    classes = classesFromMapping(params, initial.labelMapping);
    // Pixels whose index the answer's mapping doesn't list would be refused on save: make them
    // unlabeled (before a label missing from the answer takes a free index, which may be theirs).
    const wanted = new Set([...params.labels, ...params.instance_labels]);
    const known = new Set(maskEntries(initial.labelMapping).filter((e) => wanted.has(e.label)).map((e) => e.index));
    for (let i = 0; i < raster.data.length; i++) if (raster.data[i] !== 0 && !known.has(raster.data[i])) raster.data[i] = 0;
  }
  const session = new MaskSession(raster, params, classes);
  sessions.set(editor, session);
  return session;
}

/** Classes of an existing answer: its indices and colours kept, missing semantic labels added. */
export function classesFromMapping(params: SegmentationSettings, mapping: LabelMapping): MaskClasses {
  const base = initialClasses(params);
  const wanted = new Set([...params.labels, ...params.instance_labels]);
  const list: MaskClass[] = maskEntries(mapping)
    .filter((e) => wanted.has(e.label) && e.index > 0)
    .map((e) => ({ index: e.index, label: e.label, instance: e.instance, color: e.color.toLowerCase() }));
  const used = new Set(list.map((c) => c.index));
  const colors = new Set(list.map((c) => c.color));
  for (const label of params.labels) {
    if (list.some((c) => c.label === label)) continue;
    const c = base.list.find((x) => x.label === label);
    if (!c) continue;
    let index = 1;
    while (used.has(index)) index++;
    used.add(index);
    list.push({ ...c, index, color: colors.has(c.color) ? c.color.replace(/.$/, (d) => (d === "0" ? "1" : "0")) : c.color });
  }
  return { ...base, list: list.sort((a, b) => a.index - b.index) };
}

/** A finding of the validation view, with where to zoom to. */
export interface MaskIssue {
  path: string;
  message: string;
  /** Image pixels to show (x, y, width, height), or null for the whole image. */
  bounds: PixelRect | null;
}

/**
 * What the segmentation would be refused for: unlabeled pixels when allow_unlabeled is false
 * (the server's validator says the same of the uploaded indexed image).
 */
export function maskIssues(session: MaskSession): MaskIssue[] {
  const { unlabeled } = session.state;
  if (session.params.allow_unlabeled || unlabeled === 0) return [];
  return [
    {
      path: "response.annotations.combined.indexedImage",
      message: `${unlabeled.toLocaleString("en-US")} ${unlabeled === 1 ? "pixel is" : "pixels are"} unlabeled but allow_unlabeled is false`,
      bounds: unlabeledBounds(session.raster),
    },
  ];
}
