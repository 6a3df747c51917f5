import { useCallback, useEffect, useMemo, useRef } from "react";
import type Konva from "konva";
import { Circle, Layer, Line, Shape } from "react-konva";
import { useCanvasRuntime } from "../../runtime";
import { useCanvasStoreApi } from "../../store";
import { useEditorStoreApi } from "../store";
import { MaskView } from "./maskView";
import { MaskPainter } from "./painter";
import { useMaskSession } from "./useMaskSession";
import type { MaskSession } from "./session";

/**
 * The segmentation being edited, drawn as ONE image (the painter's offscreen canvas) on the
 * renderer's "mask" layer, plus a tiny layer of its own for the brush circle and the polygon
 * fill's outline, so moving the pointer never redraws the mask. A dab recolours only its dirty
 * rectangle, and the layer redraws only that rectangle of the screen (MaskView); the whole image
 * is drawn when the view changes.
 */
export function MaskEditLayer() {
  const session = useMaskSession();
  if (!session) return null;
  return (
    <>
      <FollowCurrentLabel session={session} />
      <RasterLayer session={session} />
      <CursorLayer session={session} />
    </>
  );
}

/**
 * The editor's current label (label picker, keys 1–9) chooses what is painted. Lives here, not
 * in the panel, because the layer is mounted whenever the canvas is, even with the panel closed.
 */
function FollowCurrentLabel({ session }: { session: MaskSession }) {
  const editor = useEditorStoreApi();
  useEffect(() => {
    const follow = (label: string | null) => {
      if (label === null || session.activeClass()?.label === label) return;
      if (!session.selectLabel(label)) editor.getState().notify(`"${label}" is not one of this task's labels`, "error");
    };
    // No current label yet: the class the session paints is it (the toolbar shows it).
    const current = editor.getState().currentLabel;
    if (current === null) {
      const active = session.activeClass();
      if (active) editor.getState().setCurrentLabel(active.label);
    } else follow(current);
    return editor.subscribe((s, prev) => {
      if (s.currentLabel !== prev.currentLabel) follow(s.currentLabel);
    });
  }, [editor, session]);
  return null;
}

function RasterLayer({ session }: { session: MaskSession }) {
  const runtime = useCanvasRuntime();
  const canvasStore = useCanvasStoreApi();
  const layerRef = useRef<Konva.Layer>(null);
  const painter = useMemo(() => new MaskPainter(session.raster), [session]);
  const maskView = useMemo(() => new MaskView(painter), [painter]);

  useEffect(() => {
    runtime.renderer.register("mask", layerRef.current);
    return () => runtime.renderer.register("mask", null);
  }, [runtime, painter]);

  useEffect(() => {
    const palette = () => {
      const { classes, highlightUnlabeled } = session.state;
      const hidden = canvasStore.getState().hiddenLabels;
      painter.setPalette(classes, highlightUnlabeled, (label) => !hidden.has(label));
    };
    palette();
    painter.paint(null);
    maskView.changedAll();
    runtime.renderer.invalidate("mask");
    const offPixels = session.onPixels((rects) => {
      if (rects === null) {
        palette(); // new instance, highlight toggled: colours changed
        painter.paint(null);
        maskView.changedAll();
      } else {
        for (const r of rects) {
          painter.paint(r);
          maskView.changed(r);
        }
      }
      runtime.renderer.invalidate("mask");
    });
    const offLabels = canvasStore.subscribe((s, prev) => {
      // Recolouring costs a pass over every pixel: only when the hidden labels really change.
      if (s.hiddenLabels === prev.hiddenLabels || sameSet(s.hiddenLabels, prev.hiddenLabels)) return;
      palette();
      painter.paint(null);
      maskView.changedAll();
      runtime.renderer.invalidate("mask");
    });
    return () => {
      offPixels();
      offLabels();
    };
  }, [session, painter, maskView, canvasStore, runtime]);

  // Konva never clears this layer (the view clears what it redraws); a stable draw function, so
  // react-konva doesn't redraw the layer on its own.
  const sceneFunc = useCallback(
    (ctx: Konva.Context) => {
      const canvas = layerRef.current?.getCanvas();
      if (!canvas) return;
      const native = ctx._context;
      maskView.draw(native, { view: canvasStore.getState().view, width: native.canvas.width, height: native.canvas.height, pixelRatio: canvas.getPixelRatio() });
    },
    [maskView, canvasStore],
  );

  // Show/hide and opacity are CSS on this layer's canvas, as in view mode: no redraw.
  useEffect(() => {
    const apply = () => {
      const canvas = layerRef.current?.getNativeCanvasElement();
      if (!canvas) return;
      const s = canvasStore.getState();
      canvas.style.display = s.hiddenKinds.has("mask") ? "none" : "";
      canvas.style.opacity = String(s.maskOpacity);
    };
    apply();
    return canvasStore.subscribe((s, prev) => {
      if (s.hiddenKinds !== prev.hiddenKinds || s.maskOpacity !== prev.maskOpacity) apply();
    });
  }, [canvasStore, painter]);

  return (
    <Layer ref={layerRef} listening={false} clearBeforeDraw={false}>
      <Shape listening={false} perfectDrawEnabled={false} sceneFunc={sceneFunc} />
    </Layer>
  );
}

function sameSet<T>(a: ReadonlySet<T>, b: ReadonlySet<T>): boolean {
  if (a.size !== b.size) return false;
  for (const v of a) if (!b.has(v)) return false;
  return true;
}

const BRUSH_TOOLS = new Set(["brush", "eraser"]);

function CursorLayer({ session }: { session: MaskSession }) {
  const editor = useEditorStoreApi();
  const canvasStore = useCanvasStoreApi();
  const layerRef = useRef<Konva.Layer>(null);
  const circleRef = useRef<Konva.Circle>(null);
  const outlineRef = useRef<Konva.Line>(null);

  // Drawn straight from the stores (no React render per pointer move): a circle and a line.
  useEffect(() => {
    const draw = () => {
      const layer = layerRef.current;
      const circle = circleRef.current;
      const outline = outlineRef.current;
      if (!layer || !circle || !outline) return;
      const { view } = canvasStore.getState();
      layer.setAttrs({ x: view.x, y: view.y, scaleX: view.scale, scaleY: view.scale });
      const s = session.state;
      const tool = editor.getState().tool;
      const brush = BRUSH_TOOLS.has(tool) && s.cursor !== null;
      circle.visible(brush);
      if (brush && s.cursor) circle.setAttrs({ x: s.cursor.x, y: s.cursor.y, radius: s.brushSize / 2, dash: tool === "eraser" ? [4, 3] : undefined });
      const poly = tool === "polygon-fill" && s.polygon !== null;
      outline.visible(poly);
      if (poly && s.polygon) outline.points(s.cursor ? [...s.polygon, s.cursor.x, s.cursor.y] : [...s.polygon]);
      layer.batchDraw();
    };
    draw();
    const offSession = session.store.subscribe((s, prev) => {
      if (s.cursor !== prev.cursor || s.brushSize !== prev.brushSize || s.polygon !== prev.polygon) draw();
    });
    const offView = canvasStore.subscribe((s, prev) => s.view !== prev.view && draw());
    const offTool = editor.subscribe((s, prev) => s.tool !== prev.tool && draw());
    return () => {
      offSession();
      offView();
      offTool();
    };
  }, [session, editor, canvasStore]);

  return (
    <Layer ref={layerRef} listening={false}>
      <Circle ref={circleRef} stroke="#ffffff" strokeWidth={1.5} shadowColor="#000000" shadowBlur={2} shadowOpacity={0.9} strokeScaleEnabled={false} visible={false} listening={false} />
      <Line ref={outlineRef} stroke="#ffffff" strokeWidth={1.5} dash={[6, 4]} shadowColor="#000000" shadowBlur={2} shadowOpacity={0.9} strokeScaleEnabled={false} visible={false} listening={false} />
    </Layer>
  );
}
