import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { useStore } from "zustand";
import { fitRect } from "../../geometry";
import { isVectorTaskType } from "../../geometry/validate";
import { taskTypeRegistry } from "../../schema";
import { CanvasStage } from "../CanvasStage";
import styles from "../canvas.module.css";
import type { CanvasCommandContext } from "../commands";
import { useCanvasShortcuts } from "../interaction/useCanvasShortcuts";
import { useImage } from "../raster/useImage";
import { CanvasRenderer, type FrameStats } from "../render/renderer";
import { CanvasRuntimeContext, type CanvasRuntime } from "../runtime";
import { sceneFromTask } from "../scene/fromTask";
import { SceneIndex } from "../scene/sceneIndex";
import type { KindName, SceneObject } from "../scene/types";
import { CanvasStoreContext, createCanvasStore, isShown } from "../store";
import { HIT_TOLERANCE_PX, labelPalette } from "../style";
import { useFullscreen } from "../useFullscreen";
import { EditorRuntimeContext, type EditorRuntime } from "./context";
import { documentFromWire, sceneObjectOf, toWireResponse } from "./document";
import { EditOverlay } from "./EditOverlay";
import type { EditCommandContext } from "./editCommands";
import { EditSidePanel } from "./EditSidePanel";
import { EditToolbar } from "./EditToolbar";
import css from "./edit.module.css";
import { ToolMachine } from "./machine";
import { LabelRequest } from "./LabelRequest";
import { editorParams } from "./params";
import { segmentationPlugin } from "./plugins";
import { maskSessionOf, type MaskSession } from "./mask/session";
import { useSegmentationAnswer } from "./mask/useSegmentationAnswer";
import type { FetchBytes } from "./mask/decode";
import { EditShortcutHelp } from "./EditShortcutHelp";
import { createEditorStore, EditorStoreContext } from "./store";
import { toolsFor } from "./tools";
import type { EditableTaskType, EditorParams, EditorStore, EditObject, VectorAnnotation } from "./types";
import { useEditorInput } from "./useEditorInput";
import { validateDocument, type EditorValidation } from "./validation";

export interface EditableCanvasProps {
  taskType: EditableTaskType;
  /** The task's params as on the wire (labels, limits, attributes, layers, attachment). */
  params: unknown;
  /** An existing response to start from (its `annotations`); omit for an empty document. */
  response?: unknown;
  /** The image; defaults to `params.attachment`. */
  imageUrl?: string | null;
  height?: number | string;
  /** Every document change, as the wire response, with the shared validator's verdict. */
  onChange?: (response: { annotations: VectorAnnotation[] }, validation: EditorValidation) => void;
  onFrame?: (stats: FrameStats) => void;
  /**
   * Segmentation: the mask changed (a stroke, fill, undo or redo). The session holds the raster
   * and classes to encode; pages debounce and upload (the workbench saves drafts this way).
   */
  onMaskChange?: (session: MaskSession) => void;
  /**
   * Segmentation: reads the bytes of `response`'s mask URLs (default: fetched through the
   * console). The workbench serves painting kept in the browser this way, before it is uploaded.
   */
  fetchMaskBytes?: FetchBytes;
  /** Zooms to and selects the annotation at this wire index, each time a new object is passed. */
  focusAnnotation?: { index: number } | null;
  /**
   * The page has its own `?` overlay listing the editor's keys too (the workbench): the editor's
   * `?` opens that one instead of its own.
   */
  onShortcutHelp?: () => void;
}

/** Documents up to this many objects are validated on every change; bigger ones after a pause. */
const SYNC_VALIDATION_MAX = 300;
const DEFERRED_VALIDATION_MS = 250;

/** The canvas in edit mode: parses the params (refusing invalid ones, as the API would), then edits. */
export function EditableCanvas(props: EditableCanvasProps) {
  const parsed = useMemo(() => editorParams(props.taskType, props.params), [props.taskType, props.params]);
  if (!parsed.ok) {
    return (
      <div className={css.paramsError} role="alert" data-testid="edit-params-error">
        <strong>These params can't be edited:</strong> {parsed.error}
      </div>
    );
  }
  return <Editor key={`${props.taskType}`} {...props} editorParams={parsed.params} />;
}

function kindOfTaskType(type: EditableTaskType): KindName | null {
  return isVectorTaskType(type) ? (taskTypeRegistry[type].geometry as KindName) : null;
}

function Editor(props: EditableCanvasProps & { editorParams: EditorParams }) {
  const { editorParams: params, height = 640 } = props;
  const kind = kindOfTaskType(params.taskType);
  const tools = useMemo(() => toolsFor(params.taskType), [params.taskType]);
  const [store] = useState(createCanvasStore);
  const [renderer] = useState(() => new CanvasRenderer(store));
  const [editor] = useState<EditorStore>(() => {
    const annotations = (props.response as { annotations?: unknown } | undefined)?.annotations;
    const document = kind && Array.isArray(annotations) ? documentFromWire(kind, annotations).document : undefined;
    // Vector types start with their create tool (after select); segmentation with its first tool, the brush.
    const first = kind === null ? tools[0] : (tools[1] ?? tools[0]);
    return createEditorStore({ document, tool: first?.id ?? "select" });
  });
  const document = useEditorValue(editor, (s) => s.document);
  const layersHidden = useEditorValue(editor, (s) => s.layersHidden);

  // Layers never change while editing; the document's objects are converted once per annotation.
  const layerObjects = useMemo(
    () => sceneFromTask({ type: params.taskType, params: params.raw as Record<string, unknown>, response: undefined }).objects,
    [params],
  );
  const scene = useMemo(() => {
    const objects: SceneObject[] = [...layerObjects];
    for (const o of document.objects) {
      const so = sceneObjectOf(o, params.splines);
      if (so) objects.push(so);
    }
    return { objects, mask: null, labels: [...params.leaves] };
  }, [layerObjects, document, params]);
  const index = useMemo(() => new SceneIndex(scene.objects), [scene]);
  const colors = useMemo(() => labelPalette(params.leaves), [params.leaves]);
  const maskRef = useRef<CanvasRuntime["mask"]["current"]>(null);
  const runtime = useMemo<CanvasRuntime>(() => ({ scene, index, colors, renderer, mask: maskRef }), [scene, index, colors, renderer]);
  const indexRef = useRef(index);
  indexRef.current = index;
  const docRef = useRef(new Map<string, EditObject>());
  docRef.current = useMemo(() => new Map(document.objects.map((o) => [o.id, o])), [document]);

  // The label picker: a tool's requestLabel() resolves when the user picks or cancels.
  const [labelAsk, setLabelAsk] = useState<{ resolve: (label: string | null) => void } | null>(null);
  const requestLabel = useCallback((): Promise<string | null | undefined> => {
    if (params.leaves.length === 0) return Promise.resolve(undefined);
    const current = editor.getState().currentLabel;
    if (current) return Promise.resolve(current);
    return new Promise((resolve) => setLabelAsk({ resolve }));
  }, [editor, params.leaves]);

  const [machine] = useState(
    () =>
      new ToolMachine(
        {
          editor,
          params,
          kind,
          view: () => store.getState().view,
          pick(x, y) {
            const s = store.getState();
            const hit = indexRef.current.pick(x, y, HIT_TOLERANCE_PX / s.view.scale, (o) => isShown(s, o));
            return hit ? (docRef.current.get(hit.id) ?? null) : null;
          },
          requestLabel: () => requestLabelRef.current(),
        },
        tools,
      ),
  );
  const requestLabelRef = useRef(requestLabel);
  requestLabelRef.current = requestLabel;

  const rootRef = useRef<HTMLDivElement>(null);
  const stageRef = useRef<HTMLDivElement>(null);
  const fullscreen = useFullscreen(rootRef);
  const [helpOpen, setHelpOpen] = useState(false);
  const [pickerOpen, setPickerOpen] = useState(false);
  const [panelOpen, setPanelOpen] = useState(false);
  const viewContext = useMemo<CanvasCommandContext>(() => ({ store, toggleFullscreen: fullscreen.toggle }), [store, fullscreen.toggle]);
  useCanvasShortcuts(rootRef, stageRef, viewContext);
  const pageHelp = props.onShortcutHelp;
  const commandContext = useMemo<EditCommandContext>(
    () => ({ editor, machine, params, kind, toggleHelp: () => (pageHelp ? pageHelp() : setHelpOpen((o) => !o)), openLabelPicker: () => setPickerOpen(true) }),
    [editor, machine, params, kind, pageHelp],
  );
  const pointerDelegate = useEditorInput(rootRef, stageRef, store, machine, commandContext);
  const image = useImage(props.imageUrl !== undefined ? props.imageUrl : typeof (params.raw as { attachment?: unknown }).attachment === "string" ? (params.raw as { attachment: string }).attachment : null);

  const callbacks = useRef(props);
  callbacks.current = props;
  // Mask edits are commands like vector ones: a history change with a session is a mask change.
  useEffect(
    () =>
      editor.subscribe((s, prev) => {
        if (s.history === prev.history) return;
        const session = maskSessionOf(editor);
        if (session) callbacks.current.onMaskChange?.(session);
      }),
    [editor],
  );
  useEffect(() => {
    renderer.onFrame = (stats) => callbacks.current.onFrame?.(stats);
    renderer.start();
    return () => renderer.stop();
  }, [renderer]);

  // The draft's objects leave the static layer for the gesture (set on press, not on the first
  // move, so a drag never redraws the static layer); they come back when the draft ends.
  useEffect(
    () =>
      editor.subscribe((s, prev) => {
        if (s.draft === prev.draft) return;
        // A commit changes the document too: the objects return to the static layer with the
        // new scene (the effect below), in one static redraw rather than two.
        if (s.draft === null && s.document !== prev.document) return;
        const ids = s.draft?.mode === "edit" ? s.draft.objects.map((o) => o.id) : [];
        const current = store.getState().detachedIds;
        if (ids.length === current.size && ids.every((id) => current.has(id))) return;
        store.getState().setDetached(new Set(ids));
      }),
    [editor, store],
  );
  // The view transform on the root element, so tests and tools outside React can map image
  // pixels to the screen the same way the canvas does.
  useEffect(() => {
    const write = () => {
      const v = store.getState().view;
      if (rootRef.current) rootRef.current.dataset.view = `${v.scale},${v.x},${v.y}`;
    };
    write();
    return store.subscribe((s, prev) => {
      if (s.view !== prev.view) write();
    });
  }, [store]);
  useEffect(() => {
    const hidden = store.getState().hiddenSources.has("layer");
    if (hidden !== layersHidden) store.getState().toggleSource("layer");
  }, [layersHidden, store]);
  useEffect(() => {
    if (store.getState().detachedIds.size > 0 && !editor.getState().draft) store.getState().setDetached(new Set());
    renderer.invalidate("static");
    renderer.invalidate("overlay");
  }, [index, renderer, store, editor]);

  // The image size, once known, bounds the geometry for the validator too.
  const imageSize = image.status === "loaded" ? { width: image.width, height: image.height } : null;
  const validationParams = useMemo(() => ({ ...params, image: imageSize }), [params, imageSize?.width, imageSize?.height]); // eslint-disable-line react-hooks/exhaustive-deps
  // Validating thousands of objects takes tens of milliseconds: small documents are checked at
  // once, big ones once the edits pause, so the frame that ends a gesture stays short.
  const [validation, setValidation] = useState<EditorValidation>(() => validateDocument(validationParams, document));
  useEffect(() => {
    const run = () => {
      const v = validateDocument(validationParams, document);
      setValidation(v);
      // Segmentation's response is the saved masks (its panel's Save), not a vector document.
      if (kind !== null) callbacks.current.onChange?.(toWireResponse(document), v);
    };
    if (document.objects.length <= SYNC_VALIDATION_MAX) {
      run();
      return;
    }
    const t = window.setTimeout(run, DEFERRED_VALIDATION_MS);
    return () => window.clearTimeout(t);
  }, [validationParams, document, kind]);

  const zoomTo = useCallback(
    (id: string) => {
      const o = index.byId.get(id);
      if (!o) return;
      const s = store.getState();
      const pad = Math.max(40, Math.min(s.viewport.width, s.viewport.height) / 4);
      s.setView(fitRect(o.bounds, s.viewport, pad, 4));
      editor.getState().select([id]);
    },
    [index, store, editor],
  );

  // A segmentation answer (or saved draft) is decoded into the mask raster; read once, like the document.
  const [initialResponse] = useState(() => props.response);
  const answer = useSegmentationAnswer(params.taskType, initialResponse, props.fetchMaskBytes);
  const focusAnnotation = props.focusAnnotation;
  useEffect(() => {
    const id = focusAnnotation ? editor.getState().document.objects[focusAnnotation.index]?.id : undefined;
    if (id) zoomTo(id);
  }, [focusAnnotation]); // eslint-disable-line react-hooks/exhaustive-deps -- only a new request zooms
  const editorRuntime = useMemo<EditorRuntime>(() => ({ params, kind, tools, machine, answer }), [params, kind, tools, machine, answer]);
  const MaskLayer = kind === null ? segmentationPlugin?.Layer : undefined;
  return (
    <CanvasStoreContext.Provider value={store}>
      <CanvasRuntimeContext.Provider value={runtime}>
        <EditorStoreContext.Provider value={editor}>
          <EditorRuntimeContext.Provider value={editorRuntime}>
            <div
              ref={rootRef}
              className={`${styles.root} ${fullscreen.active ? styles.fullscreen : ""}`}
              style={fullscreen.active ? undefined : { height }}
              data-testid="editable-canvas"
              data-fullscreen={fullscreen.active || undefined}
            >
              <EditToolbar
                commandContext={commandContext}
                viewContext={viewContext}
                onOpenPicker={() => setPickerOpen(true)}
                panelOpen={panelOpen}
                onTogglePanel={() => setPanelOpen((o) => !o)}
                problems={validation.issues.length}
              />
              <div className={styles.body}>
                <CanvasStage
                  image={image}
                  stageRef={stageRef}
                  pointerDelegate={pointerDelegate}
                  overlay={<EditOverlay errorIds={validation.objectIds} />}
                  maskLayer={MaskLayer ? <MaskLayer /> : undefined}
                  refitOnSceneChange={false}
                />
                {/* On a phone the panel is a drawer: zooming to a finding closes it, so the object shows. */}
                <EditSidePanel
                  validation={validation}
                  onZoomTo={(id) => {
                    zoomTo(id);
                    setPanelOpen(false);
                  }}
                  open={panelOpen}
                  onClose={() => setPanelOpen(false)}
                />
              </div>
              <LabelRequest
                open={labelAsk !== null || pickerOpen}
                labelTree={params.labelTree}
                onPick={(leaf) => {
                  editor.getState().setCurrentLabel(pickerOpen ? leaf : editor.getState().currentLabel);
                  labelAsk?.resolve(leaf);
                  setLabelAsk(null);
                  setPickerOpen(false);
                  stageRef.current?.focus({ preventScroll: true });
                }}
                onCancel={() => {
                  labelAsk?.resolve(null);
                  setLabelAsk(null);
                  setPickerOpen(false);
                  stageRef.current?.focus({ preventScroll: true });
                }}
              />
              <EditShortcutHelp open={helpOpen} onClose={() => setHelpOpen(false)} />
            </div>
          </EditorRuntimeContext.Provider>
        </EditorStoreContext.Provider>
      </CanvasRuntimeContext.Provider>
    </CanvasStoreContext.Provider>
  );
}

/** Subscribes to part of the editor store outside its context (the provider is rendered below). */
function useEditorValue<T>(editor: EditorStore, selector: (s: ReturnType<EditorStore["getState"]>) => T): T {
  return useStore(editor, selector);
}
