// Drives an editor without a browser: a store, a tool machine and a pointer/keyboard that speak
// in image pixels at a chosen zoom. Used by the tools' unit tests.
import { kindOf } from "../../kinds";
import { sceneObjectOf, toWireResponse } from "../document";
import { ToolMachine } from "../machine";
import { editorParams } from "../params";
import { createEditorStore } from "../store";
import { toolsFor } from ".";
import type { EditableTaskType, EditObject, ToolId, ToolPointerEvent, VectorTaskType, WireResponseOf } from "../types";
import { isVectorTaskType } from "../../../geometry/validate";
import { taskTypeRegistry } from "../../../schema";
import type { KindName } from "../../scene/types";

export interface TestEditorOptions {
  params?: Record<string, unknown>;
  scale?: number;
  /** What the label picker answers (a leaf, or null for cancel). Default: the first leaf. */
  label?: string | null;
}

export function createTestEditor<T extends EditableTaskType>(taskType: T, options: TestEditorOptions = {}) {
  const parsed = editorParams(taskType, { attachment: "https://example.test/a.png", objects_to_annotate: ["car", "person"], ...options.params });
  if (!parsed.ok) throw new Error(parsed.error);
  const params = parsed.params;
  const store = createEditorStore();
  const view = { scale: options.scale ?? 1, x: 0, y: 0 };
  const kind = isVectorTaskType(taskType) ? (taskTypeRegistry[taskType].geometry as KindName) : null;
  let pickerAnswer: string | null | undefined = options.label === undefined ? params.leaves[0] : options.label;
  let labelRequests = 0;
  const machine = new ToolMachine(
    {
      editor: store,
      params,
      kind,
      view: () => view,
      pick(x, y) {
        const objects = store.getState().document.objects;
        for (let i = objects.length - 1; i >= 0; i--) {
          const o = objects[i];
          const scene = sceneObjectOf(o, params.splines);
          if (scene && kindOf(o.kind).hitTest(scene, x, y, 5 / view.scale)) return o;
        }
        return null;
      },
      requestLabel: async () => {
        labelRequests++;
        const current = store.getState().currentLabel;
        return current ?? pickerAnswer;
      },
    },
    toolsFor(taskType),
  );

  const event = (x: number, y: number, mods: Partial<ToolPointerEvent> = {}): ToolPointerEvent => ({
    x,
    y,
    sx: x * view.scale + view.x,
    sy: y * view.scale + view.y,
    button: 0,
    shift: false,
    alt: false,
    mod: false,
    detail: 1,
    ...mods,
  });
  const pointer = {
    down: (x: number, y: number, mods?: Partial<ToolPointerEvent>) => machine.pointerDown(event(x, y, mods)),
    move: (x: number, y: number, mods?: Partial<ToolPointerEvent>) => machine.pointerMove(event(x, y, mods)),
    up: (x: number, y: number, mods?: Partial<ToolPointerEvent>) => machine.pointerUp(event(x, y, mods)),
    click(x: number, y: number, mods?: Partial<ToolPointerEvent>) {
      this.down(x, y, mods);
      this.up(x, y, mods);
    },
    /** Press at the first point, move through the others in steps, release at the last. */
    drag(x0: number, y0: number, x1: number, y1: number, mods?: Partial<ToolPointerEvent>) {
      this.down(x0, y0, mods);
      for (let i = 1; i <= 5; i++) this.move(x0 + ((x1 - x0) * i) / 5, y0 + ((y1 - y0) * i) / 5, mods);
      this.up(x1, y1, mods);
    },
  };
  const keyboard = {
    press: (key: string, mods: { shift?: boolean; alt?: boolean; mod?: boolean } = {}) =>
      machine.key({ key, shift: mods.shift ?? false, alt: mods.alt ?? false, mod: mods.mod ?? false }),
  };

  return {
    store,
    machine,
    params,
    pointer,
    keyboard,
    setTool: (id: ToolId) => machine.setTool(id),
    answerPicker: (label: string | null) => {
      pickerAnswer = label;
    },
    get labelRequests() {
      return labelRequests;
    },
    objects: (): readonly EditObject[] => store.getState().document.objects,
    wire: () => toWireResponse(store.getState().document) as T extends VectorTaskType ? WireResponseOf<T> : never,
    /** Lets the label picker's promise settle. */
    settle: () => new Promise<void>((r) => setTimeout(r, 0)),
  };
}
