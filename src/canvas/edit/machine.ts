import type { View } from "../../geometry";
import { editOf } from "../kinds";
import type { KindName } from "../scene/types";
import type {
  EditObject,
  EditorParams,
  EditorStore,
  HandleHit,
  ToolContext,
  ToolDefinition,
  ToolId,
  ToolInstance,
  ToolKeyEvent,
  ToolPointerEvent,
  ToolState,
} from "./types";

/** Handles are grabbed within this many CSS pixels. */
export const HANDLE_RADIUS_PX = 7;
/** Past this many selected objects, handles aren't offered (moving still works). */
const MAX_HANDLE_OBJECTS = 50;

export interface ToolContextDeps {
  editor: EditorStore;
  params: EditorParams;
  kind: KindName | null;
  view(): View;
  pick(x: number, y: number): EditObject | null;
  requestLabel(): Promise<string | null | undefined>;
}

/**
 * Runs the active tool's state tree: routes events to the current state, performs transitions
 * (exit, then enter) and keeps the store's `tool`/`toolState` in step for the UI. One per editor.
 */
export class ToolMachine {
  readonly ctx: ToolContext;
  private readonly tools = new Map<ToolId, { def: ToolDefinition; instance: ToolInstance }>();
  private current: { def: ToolDefinition; instance: ToolInstance } | null = null;
  private state: ToolState | null = null;

  constructor(deps: ToolContextDeps, tools: readonly ToolDefinition[]) {
    for (const def of tools) this.tools.set(def.id, { def, instance: def.create() });
    this.ctx = createToolContext(deps, (id) => this.transition(id));
    const initial = deps.editor.getState().tool;
    this.setTool(this.tools.has(initial) ? initial : (tools[0]?.id ?? "select"));
  }

  get toolIds(): ToolId[] {
    return [...this.tools.keys()];
  }

  /** The key that switches to a tool (its definition's shortcut). */
  toolKey(id: ToolId): string | undefined {
    return this.tools.get(id)?.def.shortcut;
  }

  get definitions(): ToolDefinition[] {
    return [...this.tools.values()].map((t) => t.def);
  }

  get stateId(): string {
    return this.state?.id ?? "idle";
  }

  /** A gesture or a drawing is under way (not in the tool's initial state). */
  get busy(): boolean {
    return this.current !== null && this.state !== null && this.state.id !== this.current.instance.initial;
  }

  setTool(id: ToolId): void {
    const next = this.tools.get(id);
    if (!next) return;
    if (this.busy) this.cancel();
    this.state?.exit?.(this.ctx);
    this.current = next;
    this.ctx.editor.getState().setTool(id);
    this.enter(next.instance.initial);
  }

  transition(id: string): void {
    if (!this.current) return;
    this.state?.exit?.(this.ctx);
    this.enter(id);
  }

  private enter(id: string): void {
    if (!this.current) return;
    const state = this.current.instance.states[id];
    if (!state) throw new Error(`tool ${this.current.def.id} has no state ${id}`);
    this.state = state;
    this.ctx.editor.getState().setToolState(id);
    state.enter?.(this.ctx);
  }

  pointerDown(e: ToolPointerEvent): void {
    this.state?.pointerDown?.(this.ctx, e);
  }
  pointerMove(e: ToolPointerEvent): void {
    this.state?.pointerMove?.(this.ctx, e);
  }
  pointerUp(e: ToolPointerEvent): void {
    this.state?.pointerUp?.(this.ctx, e);
  }
  doubleClick(e: ToolPointerEvent): void {
    this.state?.doubleClick?.(this.ctx, e);
  }
  key(e: ToolKeyEvent): boolean {
    return this.state?.key?.(this.ctx, e) ?? false;
  }

  /** Esc or undo mid-gesture: the state drops its work; back to the tool's initial state. */
  cancel(): void {
    if (!this.current) return;
    this.state?.cancel?.(this.ctx);
    this.ctx.editor.getState().setDraft(null);
    if (this.state?.id !== this.current.instance.initial) this.transition(this.current.instance.initial);
  }

  /** Enter: finish what is being drawn. Returns false when nothing was under way. */
  complete(): boolean {
    if (!this.state?.complete) return false;
    this.state.complete(this.ctx);
    return true;
  }
}

export function createToolContext(deps: ToolContextDeps, transition: (id: string) => void): ToolContext {
  const { editor, params } = deps;
  return {
    editor,
    params,
    kind: deps.kind,
    view: deps.view,
    toImage: (px) => px / deps.view().scale,
    pick: deps.pick,
    pickHandle(x, y) {
      const s = editor.getState();
      if (s.selection.length === 0 || s.selection.length > MAX_HANDLE_OBJECTS) return null;
      const radius = HANDLE_RADIUS_PX / deps.view().scale;
      let best: HandleHit | null = null;
      let bestD = radius * radius;
      const ids = new Set(s.selection);
      for (const o of s.document.objects) {
        if (!ids.has(o.id)) continue;
        for (const h of editOf(o.kind).handles(o.annotation, params.limits)) {
          const d = (h.x - x) ** 2 + (h.y - y) ** 2;
          // Vertices win over edge midpoints at the same distance.
          if (d < bestD || (d === bestD && best?.handle.type === "midpoint" && h.handle.type !== "midpoint")) {
            best = { ...h, objectId: o.id };
            bestD = d;
          }
        }
      }
      return best;
    },
    transition,
    execute: (command) => editor.getState().execute(command),
    notify: (text, tone) => editor.getState().notify(text, tone),
    requestLabel: deps.requestLabel,
  };
}
