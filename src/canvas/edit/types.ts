// The edit mode's contracts: the document, commands, tools (explicit state trees), the context a
// tool gets, and how editing hangs off the kind registry. Implementations live beside this file;
// README.md in this folder explains how the parts fit. Everything wire-shaped is derived from
// src/schema, never written twice.
import type { StoreApi } from "zustand";
import type {
  AnnotationAttributes,
  LabelChoice,
  Layers,
  TaskParamsOf,
  TaskResponseOf,
  TaskType,
  taskTypeRegistry,
} from "../../schema";
import type { View } from "../../geometry";
import type { KindName } from "../scene/types";

// ── The document ────────────────────────────────────────────────────────────────────────────

/** Task types whose response is a list of vector annotations of one kind (shared with the validator). */
export type { VectorTaskType } from "../../geometry/validate";
import type { VectorTaskType } from "../../geometry/validate";

/** Task types the editor opens: the vector ones and segmentation (h6's raster tools). */
export type EditableTaskType = VectorTaskType | "segmentannotation";

/** One wire annotation of a vector task type, exactly as the response schema parses it. */
export type AnnotationOf<T extends VectorTaskType> = TaskResponseOf<T>["annotations"][number];

/** The task type whose response holds kind K (box → annotation, …). */
export type TaskTypeOfKind<K extends KindName> = {
  [T in VectorTaskType]: (typeof taskTypeRegistry)[T]["geometry"] extends K ? T : never;
}[VectorTaskType];

/** One wire annotation of kind K. */
export type AnnotationOfKind<K extends KindName> = AnnotationOf<TaskTypeOfKind<K>>;

/** Any vector wire annotation. */
export type VectorAnnotation = AnnotationOf<VectorTaskType>;

/**
 * One object of the document: the wire annotation plus an id that stays the same while the
 * object is edited, moved in the list or undone (wire positions change, ids don't). Objects are
 * immutable: a command replaces an object with a new one, so unchanged objects keep their
 * identity and their cached scene form.
 */
export interface EditObject<K extends KindName = KindName> {
  id: string;
  kind: K;
  annotation: AnnotationOfKind<K>;
}

/** The vector document: the user's objects in wire order. Masks are h6's raster (see README). */
export interface EditDocument {
  objects: readonly EditObject[];
}

/** What the editor emits: the task type's response (`{annotations: [...]}`) for vector types. */
export type WireResponseOf<T extends VectorTaskType> = TaskResponseOf<T>;

// ── Params the editor enforces ──────────────────────────────────────────────────────────────

/** The parts of the task's params the tools and panels read, parsed by the type's schema. */
export interface EditorParams {
  taskType: EditableTaskType;
  /** The parsed params (defaults applied); `null` never: the editor refuses invalid params. */
  raw: TaskParamsOf<EditableTaskType>;
  /** `objects_to_annotate` (or segmentation `labels` + `instance_labels`) as the task gives it. */
  labelTree: readonly LabelChoice[];
  /** The leaves of labelTree in order: what a response may carry; keys 1–9 pick the first nine. */
  leaves: readonly string[];
  /** `with_labels`: an object without a label is an error (new objects always get one when leaves exist). */
  withLabels: boolean;
  attributes: AnnotationAttributes | undefined;
  limits: EditLimits;
  /** lineannotation `splines: true`: lines are shown as the cardinal spline view mode draws. */
  splines: boolean;
  layers: Layers | undefined;
  /** Image size when known: geometry is kept inside it and the validator checks it. */
  image: { width: number; height: number } | null;
}

/** Geometry limits from params; 0 / null mean "no limit". */
export interface EditLimits {
  minWidth: number;
  minHeight: number;
  minVertices: number;
  maxVertices: number | null;
}

// ── Commands and history ────────────────────────────────────────────────────────────────────

/**
 * What a command may touch. Vector commands replace the document; raster commands (h6) keep a
 * reference to their own raster and call `invalidate("mask")` after writing pixels.
 */
export interface CommandTarget {
  getDocument(): EditDocument;
  setDocument(doc: EditDocument): void;
  /** Ids to select after the command ran (or was undone); omit to keep the selection. */
  select(ids: readonly string[]): void;
  invalidate(what: "objects" | "mask"): void;
}

/**
 * An edit as do/undo. Every change to the document goes through one of these (never an ad-hoc
 * store `set`), so undo, redo, the change callback and the validation view all see it.
 */
export interface Command {
  /** For the history list and undo tooltips: "Create box", "Move 3 objects". */
  readonly label: string;
  /**
   * Whether the command enters history. A gesture's previews are not commands at all (they are
   * the store's `draft`); `false` is for changes that must not be undoable (e.g. loading).
   */
  readonly record: boolean;
  /**
   * Consecutive recorded commands with the same key merge into one history entry (arrow-key
   * nudges of the same selection; h6's brush dabs of one stroke if it records per dab).
   */
  readonly mergeKey?: string;
  do(target: CommandTarget): void;
  undo(target: CommandTarget): void;
  /** Combines `this` (earlier) with `next` (same mergeKey) into one command; null = keep apart. */
  merge?(next: Command): Command | null;
}

export interface HistoryState {
  past: readonly Command[];
  future: readonly Command[];
}

// ── Tools as explicit state trees ───────────────────────────────────────────────────────────

/** A pointer event as a tool sees it: image pixels (from the viewport transform) and modifiers. */
export interface ToolPointerEvent {
  /** Image pixels. */
  x: number;
  y: number;
  /** CSS pixels relative to the stage's top-left corner. */
  sx: number;
  sy: number;
  button: number;
  shift: boolean;
  alt: boolean;
  /** Ctrl or Cmd. */
  mod: boolean;
  /** Click count from the browser (2 on the second click of a double click). */
  detail: number;
}

export interface ToolKeyEvent {
  /** `KeyboardEvent.key`. */
  key: string;
  shift: boolean;
  alt: boolean;
  mod: boolean;
}

/**
 * One state of a tool (Idle, Pointing, Creating, Resizing, …). Handlers run with the tool's
 * context; a state changes state only through `ctx.transition(id)`. Gesture data lives in the
 * closure of the tool factory that made the states, so it is typed and private to one editor.
 */
export interface ToolState {
  readonly id: string;
  enter?(ctx: ToolContext): void;
  exit?(ctx: ToolContext): void;
  pointerDown?(ctx: ToolContext, e: ToolPointerEvent): void;
  pointerMove?(ctx: ToolContext, e: ToolPointerEvent): void;
  pointerUp?(ctx: ToolContext, e: ToolPointerEvent): void;
  doubleClick?(ctx: ToolContext, e: ToolPointerEvent): void;
  /** Returns true when the key was used (it is then not passed on to commands). */
  key?(ctx: ToolContext, e: ToolKeyEvent): boolean;
  /** Esc, or undo in the middle of a gesture: drop whatever is being drawn, back to idle. */
  cancel?(ctx: ToolContext): void;
  /** Enter: finish what is being drawn (a line, a polygon). */
  complete?(ctx: ToolContext): void;
}

/** Which tool: the select tool, one create tool per vector kind, and h6's mask tools. */
export type ToolId = "select" | "box" | "point" | "line" | "polygon" | "cuboid" | "brush" | "eraser" | "polygon-fill" | "fill-unlabeled";

/** A tool: its button, its key, and a factory for its states (fresh per editor). */
export interface ToolDefinition {
  id: ToolId;
  label: string;
  /** `KeyboardEvent.key`, lower case for letters; shown on the tool's button and in `?`. */
  shortcut: string;
  /** One-line hint shown while the tool is active. */
  hint: string;
  create(): ToolInstance;
}

export interface ToolInstance {
  readonly states: Readonly<Record<string, ToolState>>;
  readonly initial: string;
}

/** What a tool may use. Created once per editor by the machine (edit/machine.ts). */
export interface ToolContext {
  readonly editor: EditorStore;
  readonly params: EditorParams;
  /** The document's vector kind, or null for segmentation. */
  readonly kind: KindName | null;
  /** The current view; screen ↔ image goes through geometry/viewport only. */
  view(): View;
  /** A screen distance (CSS px) in image pixels at the current zoom: handle and hit radii. */
  toImage(px: number): number;
  /** The user's object under an image point (layers never answer), smallest first. */
  pick(x: number, y: number): EditObject | null;
  /** The edit handle under an image point among the selected objects' handles. */
  pickHandle(x: number, y: number): HandleHit | null;
  /** Switches the active tool's state (exit → enter). */
  transition(stateId: string): void;
  /** Runs a command and records it (one history entry per call, merged by mergeKey). */
  execute(command: Command): void;
  /** Shows a short message under the toolbar ("Too small: 12×8, minimum 20×20"). */
  notify(text: string, tone?: "info" | "error"): void;
  /**
   * The label for a new object: the current label when one is set, otherwise asks the user with
   * the label picker (h6's LabelPicker behind this hook). Resolves null when they cancel; a task
   * without labels resolves undefined (the object is created without one).
   */
  requestLabel(): Promise<string | null | undefined>;
}

// ── Handles (select tool, shared by the create tools) ───────────────────────────────────────

/** Box resize handles by compass direction. */
export type ResizeDir = "nw" | "n" | "ne" | "e" | "se" | "s" | "sw" | "w";

export type Handle =
  | { type: "resize"; dir: ResizeDir }
  /** A wire vertex by index (lines, polygons; cuboids by their `vertices` index). */
  | { type: "vertex"; index: number }
  /** The midpoint of the edge from vertex `index` to the next: dragging it inserts a vertex. */
  | { type: "midpoint"; index: number };

export interface HandleAt {
  handle: Handle;
  x: number;
  y: number;
}

export interface HandleHit extends HandleAt {
  objectId: string;
}

// ── Editing beside each kind (kinds/<kind>.edit.ts, listed in kinds/index.ts editRegistry) ──

/**
 * The edit operations of one geometry kind on its wire annotation. Pure: they return a new
 * annotation (or null when the edit isn't allowed, e.g. deleting below the minimum vertices).
 */
export interface KindEditing<K extends KindName> {
  kind: K;
  /** The create tool for this kind (the tool itself is listed in edit/tools/index.ts). */
  toolId: ToolId;
  /** A wire annotation of this kind, parsed by the response schema; null when invalid. */
  parse(raw: unknown): AnnotationOfKind<K> | null;
  /** The handles shown on a selected object. */
  handles(a: AnnotationOfKind<K>, limits: EditLimits): HandleAt[];
  /** The annotation after `handle` was dragged to (x, y), starting from `start`. */
  dragHandle(start: AnnotationOfKind<K>, handle: Handle, x: number, y: number, limits: EditLimits, mods: { shift: boolean }): AnnotationOfKind<K>;
  translate(a: AnnotationOfKind<K>, dx: number, dy: number): AnnotationOfKind<K>;
  /** Removes vertex `index`; null when the kind has no removable vertices or it would go below the minimum. */
  deleteVertex(a: AnnotationOfKind<K>, index: number, limits: EditLimits): AnnotationOfKind<K> | null;
  /** The label written on the wire object (all kinds carry an optional label and attributes). */
  withLabel(a: AnnotationOfKind<K>, label: string | undefined): AnnotationOfKind<K>;
  withAttributes(a: AnnotationOfKind<K>, attributes: Record<string, string | number> | undefined): AnnotationOfKind<K>;
}

// ── The editor store ────────────────────────────────────────────────────────────────────────

/** A gesture's live preview: drawn by the overlay, never in history until committed. */
export interface Draft {
  /** "create": objects that don't exist yet; "edit": new versions of existing objects. */
  mode: "create" | "edit";
  objects: readonly EditObject[];
  /** Shown with the draft (e.g. "12×8 — minimum 20×20"). */
  note?: string;
  /** The draft breaks a limit: drawn in the error style; committing it is refused. */
  invalid?: boolean;
  /** Marquee selection rectangle, image pixels. */
  marquee?: { x: number; y: number; width: number; height: number };
  /** The pointer while drawing a polyline: the rubber-band segment's end. */
  cursor?: { x: number; y: number };
}

export interface EditorState {
  document: EditDocument;
  history: HistoryState;
  selection: readonly string[];
  /** A selected vertex (Delete removes it): object id and wire vertex index. */
  selectedVertex: { id: string; index: number } | null;
  tool: ToolId;
  /** The active tool's state id, for the toolbar, the `?` overlay and tests. */
  toolState: string;
  draft: Draft | null;
  /** New objects get this label without asking; null asks (requestLabel). */
  currentLabel: string | null;
  message: { text: string; tone: "info" | "error"; at: number } | null;
  /** Read-only `params.layers` hidden (they never take clicks either way). */
  layersHidden: boolean;
  /** Incremented by every document change; the wire output and the validator follow it. */
  revision: number;
}

export interface EditorActions {
  /** Runs and records a command (the only way the document changes). */
  execute(command: Command): void;
  undo(): boolean;
  redo(): boolean;
  canUndo(): boolean;
  canRedo(): boolean;
  setDraft(draft: Draft | null): void;
  select(ids: readonly string[], vertex?: { id: string; index: number } | null): void;
  setTool(tool: ToolId): void;
  setToolState(id: string): void;
  setCurrentLabel(label: string | null): void;
  notify(text: string, tone?: "info" | "error"): void;
  setLayersHidden(hidden: boolean): void;
}

export type EditorStore = StoreApi<EditorState & EditorActions>;

// ── Panels (h6's LabelPicker and AttributesPanel render with these props) ──────────────────

/** The searchable label picker: `requestLabel()` opens it; it reports one leaf or cancels. */
export interface LabelPickerProps {
  labelTree: readonly LabelChoice[];
  /** Highlighted as the current choice. */
  current: string | null;
  onPick(leaf: string): void;
  onCancel(): void;
}

/** The attributes of the selected objects; `onChange` runs one setAttributes command. */
export interface AttributesPanelProps {
  attributes: AnnotationAttributes;
  /** The selected objects (one or more; values shown when they agree). */
  objects: readonly EditObject[];
  onChange(values: Record<string, string | number | undefined>): void;
}

/**
 * Segmentation plugs in here (h6, `src/canvas/edit/mask/index.ts`): its tools, the Konva layer
 * that draws the raster in place of view mode's mask layer, its side panel (instances, brush
 * size), and how the document becomes the wire response (encoding and uploading the PNG).
 */
export interface SegmentationPlugin {
  tools: readonly ToolDefinition[];
  Layer: import("react").ComponentType;
  Panel: import("react").ComponentType;
}
