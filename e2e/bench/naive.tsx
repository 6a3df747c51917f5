import { Image as KonvaImage, Layer, Line, Rect, Stage } from "react-konva";
import type Konva from "konva";
import type { Ref } from "react";
import { labelPalette, type SceneObject } from "../../src/canvas";

/**
 * The naive renderer the benchmark compares against: one react-konva node per object, the way
 * a first version usually looks. Same objects, same image, same stroke widths.
 */
export function NaiveCanvas({
  objects,
  image,
  width,
  height,
  stageRef,
}: {
  objects: SceneObject[];
  image: HTMLImageElement;
  width: number;
  height: number;
  stageRef: Ref<Konva.Stage>;
}) {
  const colors = labelPalette(objects.map((o) => o.label));
  return (
    <Stage ref={stageRef} width={width} height={height}>
      <Layer listening={false}>
        <KonvaImage image={image} />
      </Layer>
      <Layer>
        {objects.map((o) => {
          const color = colors.colorOf(o.label);
          if (o.kind === "box") {
            return (
              <Rect
                key={o.id}
                x={o.box.left}
                y={o.box.top}
                width={o.box.width}
                height={o.box.height}
                stroke={color}
                strokeWidth={2}
                strokeScaleEnabled={false}
              />
            );
          }
          if (o.kind === "polygon") {
            return (
              <Line key={o.id} points={o.points} closed stroke={color} fill={`${color}1f`} strokeWidth={2} strokeScaleEnabled={false} />
            );
          }
          return null;
        })}
      </Layer>
    </Stage>
  );
}
