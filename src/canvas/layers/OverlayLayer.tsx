import { useEffect, useRef } from "react";
import type Konva from "konva";
import { Layer, Line, Rect, Shape } from "react-konva";
import { kindOf, type OverlayShape } from "../kinds";
import { useCanvasRuntime } from "../runtime";
import { useCanvas, useCanvasStoreApi } from "../store";
import type { SceneObject } from "../scene/types";
import { POINT_RADIUS_PX } from "../style";

type Emphasis = "hovered" | "selected";

/**
 * The interactive layer: only the hovered and the selected object, as real Konva nodes drawn on
 * top of the static layer (which keeps drawing them too, so selecting never redraws it). Edit
 * handles will live here.
 */
export function OverlayLayer() {
  const { index, renderer } = useCanvasRuntime();
  const layerRef = useRef<Konva.Layer>(null);
  const hoveredId = useCanvas((s) => s.hoveredId);
  const selectedId = useCanvas((s) => s.selectedId);

  useEffect(() => {
    renderer.register("overlay", layerRef.current);
    return () => renderer.register("overlay", null);
  }, [renderer]);

  const hovered = hoveredId && hoveredId !== selectedId ? index.byId.get(hoveredId) : undefined;
  const selected = selectedId ? index.byId.get(selectedId) : undefined;
  return (
    <Layer ref={layerRef} listening={false}>
      {selected && <ObjectNodes object={selected} emphasis="selected" />}
      {hovered && <ObjectNodes object={hovered} emphasis="hovered" />}
    </Layer>
  );
}

function ObjectNodes({ object, emphasis }: { object: SceneObject; emphasis: Emphasis }) {
  const shapes = kindOf(object.kind).overlay(object);
  const color = useCanvasRuntime().colors.colorOf(object.label);
  const outlines = shapes.filter((s) => s.type !== "dot");
  const dots = shapes.filter((s): s is Extract<OverlayShape, { type: "dot" }> => s.type === "dot");
  const width = emphasis === "selected" ? 3 : 2.5;
  return (
    <>
      {outlines.map((s, i) => (
        <Outline key={`halo${i}`} shape={s} stroke="#ffffff" width={width + 3} opacity={0.85} />
      ))}
      {outlines.map((s, i) => (
        <Outline key={`line${i}`} shape={s} stroke={color} width={width} opacity={1} />
      ))}
      {dots.length > 0 && <Dots dots={dots} color={color} />}
    </>
  );
}

function Outline({ shape, stroke, width, opacity }: { shape: OverlayShape; stroke: string; width: number; opacity: number }) {
  // strokeScaleEnabled=false keeps strokes the same on-screen width at every zoom.
  const common = { stroke, strokeWidth: width, opacity, strokeScaleEnabled: false, listening: false, perfectDrawEnabled: false };
  if (shape.type === "rect") return <Rect x={shape.x} y={shape.y} width={shape.width} height={shape.height} {...common} />;
  if (shape.type === "path") {
    return <Line points={shape.points} closed={shape.closed} dash={shape.dashed ? [6, 4] : undefined} lineJoin="round" {...common} />;
  }
  return null;
}

/** Vertex dots (and cuboid vertex descriptions) at a constant screen size, read from the live view. */
function Dots({ dots, color }: { dots: Extract<OverlayShape, { type: "dot" }>[]; color: string }) {
  const store = useCanvasStoreApi();
  return (
    <Shape
      listening={false}
      sceneFunc={(konvaCtx) => {
        const ctx = konvaCtx._context;
        const scale = store.getState().view.scale;
        const r = POINT_RADIUS_PX / scale;
        ctx.save();
        ctx.lineWidth = 1.5 / scale;
        ctx.strokeStyle = "#ffffff";
        ctx.fillStyle = color;
        for (const d of dots) {
          ctx.beginPath();
          ctx.arc(d.x, d.y, r, 0, 2 * Math.PI);
          ctx.fill();
          ctx.stroke();
        }
        ctx.font = `${11 / scale}px system-ui, sans-serif`;
        ctx.lineWidth = 3 / scale;
        ctx.strokeStyle = "rgba(0,0,0,0.75)";
        ctx.fillStyle = "#ffffff";
        for (const d of dots) {
          if (!d.text) continue;
          ctx.strokeText(d.text, d.x + r * 1.5, d.y - r * 1.5);
          ctx.fillText(d.text, d.x + r * 1.5, d.y - r * 1.5);
        }
        ctx.restore();
      }}
    />
  );
}
