import { createContext, useContext } from "react";
import type { KindName } from "../scene/types";
import type { ToolMachine } from "./machine";
import type { SegmentationAnswer } from "./mask/useSegmentationAnswer";
import type { EditorParams, ToolDefinition } from "./types";

/** Per-editor objects that aren't state to render from: the params, the tools and their machine. */
export interface EditorRuntime {
  params: EditorParams;
  /** The document's vector kind; null for segmentation. */
  kind: KindName | null;
  tools: readonly ToolDefinition[];
  machine: ToolMachine;
  /** Segmentation: the answer the editor opened with, being decoded, decoded or unreadable. */
  answer: SegmentationAnswer;
}

export const EditorRuntimeContext = createContext<EditorRuntime | null>(null);

export function useEditorRuntime(): EditorRuntime {
  const r = useContext(EditorRuntimeContext);
  if (!r) throw new Error("editor components must be rendered inside <EditableCanvas>");
  return r;
}

export { useEditor, useEditorStoreApi, selectedObjects } from "./store";
