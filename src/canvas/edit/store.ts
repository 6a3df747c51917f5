import { createContext, useContext } from "react";
import { createStore, useStore } from "zustand";
import { EMPTY_DOCUMENT } from "./document";
import { EMPTY_HISTORY, redoCommand, runCommand, undoCommand } from "./history";
import type { CommandTarget, EditDocument, EditorActions, EditorState, EditorStore, ToolId } from "./types";

/** How long a toolbar message stays up. */
export const MESSAGE_MS = 4000;

/**
 * The editor's store, one per open canvas: the document and its history, selection, tool and
 * the gesture's draft. The document changes only through `execute` (commands), `undo`, `redo`.
 */
export function createEditorStore(initial: { document?: EditDocument; tool?: ToolId; currentLabel?: string | null } = {}): EditorStore {
  return createStore<EditorState & EditorActions>()((set, get) => {
    // Commands write through this target; selection changes ride along in the same `set`.
    const apply = (run: (target: CommandTarget) => void) => {
      let document = get().document;
      let selection: readonly string[] | null = null;
      let touched = false;
      const target: CommandTarget = {
        getDocument: () => document,
        setDocument: (doc) => {
          document = doc;
          touched = true;
        },
        select: (ids) => {
          selection = ids;
        },
        invalidate: () => {
          touched = true;
        },
      };
      run(target);
      const patch: Partial<EditorState> = {};
      if (touched) {
        patch.document = document;
        patch.revision = get().revision + 1;
      }
      if (selection) {
        patch.selection = selection;
        patch.selectedVertex = null;
      }
      return patch;
    };
    return {
      document: initial.document ?? EMPTY_DOCUMENT,
      history: EMPTY_HISTORY,
      selection: [],
      selectedVertex: null,
      tool: initial.tool ?? "select",
      toolState: "idle",
      draft: null,
      currentLabel: initial.currentLabel ?? null,
      message: null,
      layersHidden: false,
      revision: 0,

      execute(command) {
        let history = get().history;
        const patch = apply((t) => {
          history = runCommand(history, command, t);
        });
        set({ ...patch, history, draft: null });
      },
      undo() {
        let history = null as ReturnType<typeof undoCommand>;
        const patch = apply((t) => {
          history = undoCommand(get().history, t);
        });
        if (!history) return false;
        set({ ...patch, history });
        return true;
      },
      redo() {
        let history = null as ReturnType<typeof redoCommand>;
        const patch = apply((t) => {
          history = redoCommand(get().history, t);
        });
        if (!history) return false;
        set({ ...patch, history });
        return true;
      },
      canUndo: () => get().history.past.length > 0,
      canRedo: () => get().history.future.length > 0,
      setDraft: (draft) => set({ draft }),
      select: (ids, vertex = null) => set({ selection: ids, selectedVertex: vertex }),
      setTool: (tool) => {
        if (get().tool !== tool) set({ tool, draft: null });
      },
      setToolState: (toolState) => {
        if (get().toolState !== toolState) set({ toolState });
      },
      setCurrentLabel: (currentLabel) => set({ currentLabel }),
      notify: (text, tone = "info") => set({ message: { text, tone, at: Date.now() } }),
      setLayersHidden: (layersHidden) => set({ layersHidden }),
    };
  });
}

export const EditorStoreContext = createContext<EditorStore | null>(null);

export function useEditorStoreApi(): EditorStore {
  const store = useContext(EditorStoreContext);
  if (!store) throw new Error("editor components must be rendered inside <EditableCanvas>");
  return store;
}

/** Reads the editor's state in a component (re-renders when the selected part changes). */
export function useEditor<T>(selector: (s: EditorState & EditorActions) => T): T {
  return useStore(useEditorStoreApi(), selector);
}

/** The selected objects, in document order. */
export function selectedObjects(s: Pick<EditorState, "document" | "selection">) {
  if (s.selection.length === 0) return [];
  const ids = new Set(s.selection);
  return s.document.objects.filter((o) => ids.has(o.id));
}
