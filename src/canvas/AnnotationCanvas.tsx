import { useEffect, useMemo, useRef, useState, type RefObject } from "react";
import styles from "./canvas.module.css";
import { CanvasStage } from "./CanvasStage";
import { VIEW_COMMANDS, viewShortcutRows, type CanvasCommand, type CanvasCommandContext } from "./commands";
import { useCanvasShortcuts } from "./interaction/useCanvasShortcuts";
import { ShortcutOverlay, yieldKeys, type Command } from "../commands";
import { Legend, legendHasContent } from "./panel/Legend";
import { ObjectList } from "./panel/ObjectList";
import { Toolbar } from "./panel/Toolbar";
import { useImage } from "./raster/useImage";
import { CanvasRenderer, type FrameStats } from "./render/renderer";
import { CanvasRuntimeContext, type CanvasRuntime } from "./runtime";
import { imageUrlOfTask, sceneFromTask, type CanvasTask } from "./scene/fromTask";
import { SceneIndex } from "./scene/sceneIndex";
import type { Scene, SceneObject } from "./scene/types";
import { CanvasStoreContext, createCanvasStore } from "./store";
import { labelPalette } from "./style";
import { useFullscreen } from "./useFullscreen";

export interface AnnotationCanvasProps {
  /** The wire task object (type, params with attachment and layers, response). */
  task?: CanvasTask;
  /** Or an already normalised scene (takes precedence over `task`). */
  scene?: Scene;
  /** The image to draw; defaults to the task's image attachment. */
  imageUrl?: string | null;
  /** Height of the whole component (CSS); the width follows the parent. Default 600. Full screen ignores it. */
  height?: number | string;
  /**
   * Offer the built-in legend and object list beside the canvas (collapsible from the toolbar,
   * open by default when the canvas is at least 720 px wide). Default true. A scene with nothing
   * to list (no objects, no mask) never shows it.
   */
  sidePanel?: boolean;
  /** Controlled selection by object id (e.g. from the URL); omit to leave selection to the canvas. */
  selectedId?: string | null;
  onSelect?: (object: SceneObject | null) => void;
  onHover?: (object: SceneObject | null) => void;
  /** Instrumentation: called after every drawn frame with what was redrawn and how long it took. */
  onFrame?: (stats: FrameStats) => void;
  /**
   * The page has its own `?` overlay that lists the canvas's keys too (the audit queue): the
   * canvas's `?` key and Keys button open that one instead of the canvas's own.
   */
  onShortcutHelp?: () => void;
  /**
   * Commands of the page that win over the canvas's keys (the workbench's answer keys 1–9 and
   * Submit/Skip…): the canvas leaves their keys alone, and its buttons and overlay stop showing them.
   */
  pageCommands?: readonly Pick<Command<unknown>, "keys">[];
}

const EMPTY_SCENE: Scene = { objects: [], mask: null };
/** Below this width the side panel starts closed and opens over the stage rather than beside it. */
const NARROW_PX = 720;

/** Whether an element is narrower than `px`, followed as it resizes. */
function useNarrow(ref: RefObject<HTMLElement | null>, px: number): boolean {
  const [narrow, setNarrow] = useState(false);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const measure = () => setNarrow(el.getBoundingClientRect().width < px);
    measure();
    const ro = new ResizeObserver(measure);
    ro.observe(el);
    return () => ro.disconnect();
  }, [ref, px]);
  return narrow;
}

/**
 * Read-only annotation viewer: image, masks, responses and layers, with a toolbar, a collapsible
 * legend and object list, and a full-screen mode.
 */
export function AnnotationCanvas(props: AnnotationCanvasProps) {
  const { task, scene: sceneProp, height = 600, sidePanel = true, selectedId } = props;
  const [store] = useState(createCanvasStore);
  const [renderer] = useState(() => new CanvasRenderer(store));
  const scene = useMemo(() => sceneProp ?? (task ? sceneFromTask(task) : EMPTY_SCENE), [sceneProp, task]);
  const index = useMemo(() => new SceneIndex(scene.objects), [scene]);
  const colors = useMemo(() => labelPalette(scene.labels ?? scene.objects.map((o) => o.label)), [scene]);
  const maskRef = useRef<CanvasRuntime["mask"]["current"]>(null);
  const runtime = useMemo<CanvasRuntime>(() => ({ scene, index, colors, renderer, mask: maskRef }), [scene, index, colors, renderer]);
  const rootRef = useRef<HTMLDivElement>(null);
  const stageRef = useRef<HTMLDivElement>(null);
  const fullscreen = useFullscreen(rootRef);
  const narrow = useNarrow(rootRef, NARROW_PX);
  const [panelChoice, setPanelChoice] = useState<boolean | null>(null);
  const hasPanel = sidePanel && legendHasContent(runtime);
  const panelOpen = hasPanel ? (panelChoice ?? !narrow) : null;
  const [helpOpen, setHelpOpen] = useState(false);
  const pageHelp = props.onShortcutHelp;
  const commandContext = useMemo<CanvasCommandContext>(
    () => ({ store, toggleFullscreen: fullscreen.toggle, toggleHelp: () => (pageHelp ? pageHelp() : setHelpOpen((o) => !o)) }),
    [store, fullscreen.toggle, pageHelp],
  );
  const { pageCommands } = props;
  const viewCommands = useMemo(() => (pageCommands ? (yieldKeys(VIEW_COMMANDS, pageCommands) as readonly CanvasCommand[]) : VIEW_COMMANDS), [pageCommands]);
  useCanvasShortcuts(rootRef, stageRef, commandContext, viewCommands);
  const imageUrl = props.imageUrl !== undefined ? props.imageUrl : task ? imageUrlOfTask(task) : null;
  const image = useImage(imageUrl);

  const callbacks = useRef(props);
  callbacks.current = props;
  useEffect(() => {
    renderer.onFrame = (stats) => callbacks.current.onFrame?.(stats);
    renderer.start();
    return () => renderer.stop();
  }, [renderer]);

  useEffect(
    () =>
      store.subscribe((s, prev) => {
        if (s.hoveredId !== prev.hoveredId) callbacks.current.onHover?.(s.hoveredId ? (index.byId.get(s.hoveredId) ?? null) : null);
        if (s.selectedId !== prev.selectedId) callbacks.current.onSelect?.(s.selectedId ? (index.byId.get(s.selectedId) ?? null) : null);
      }),
    [store, index],
  );

  useEffect(() => {
    if (selectedId !== undefined && store.getState().selectedId !== selectedId) store.getState().select(selectedId);
  }, [selectedId, store]);

  // A new scene invalidates ids that no longer exist, and everything drawn.
  useEffect(() => {
    const s = store.getState();
    if (s.selectedId && !index.byId.has(s.selectedId)) s.select(null);
    if (s.hoveredId && !index.byId.has(s.hoveredId)) s.hover(null);
    renderer.invalidate("static");
    renderer.invalidate("overlay");
  }, [index, store, renderer]);

  return (
    <CanvasStoreContext.Provider value={store}>
      <CanvasRuntimeContext.Provider value={runtime}>
        <div
          ref={rootRef}
          className={`${styles.root} ${fullscreen.active ? styles.fullscreen : ""}`}
          style={fullscreen.active ? undefined : { height }}
          data-testid="annotation-canvas-root"
          data-fullscreen={fullscreen.active || undefined}
        >
          <Toolbar
            context={commandContext}
            fullscreen={fullscreen.active}
            panelOpen={panelOpen}
            onTogglePanel={() => setPanelChoice(!panelOpen)}
            compact={narrow}
            commands={viewCommands}
          />
          <div className={styles.body}>
            <CanvasStage image={image} stageRef={stageRef} />
            {panelOpen && (
              <aside className={`${styles.panel} ${narrow ? styles.panelOver : ""}`} aria-label="Legend and objects" data-testid="canvas-panel">
                <div className={styles.legend}>
                  <Legend />
                </div>
                <ObjectList />
              </aside>
            )}
          </div>
          <ShortcutOverlay
            open={helpOpen}
            onClose={() => setHelpOpen(false)}
            title="Canvas shortcuts"
            note="While the pointer is over the image or focus is in the canvas."
            rows={viewShortcutRows("View", viewCommands)}
          />
        </div>
      </CanvasRuntimeContext.Provider>
    </CanvasStoreContext.Provider>
  );
}
