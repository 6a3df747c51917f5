import { useEffect, useRef } from "react";
import type Konva from "konva";
import { Image as KonvaImage, Layer } from "react-konva";
import { buildMipLevels } from "../raster/useImage";
import { useCanvasRuntime } from "../runtime";
import { useCanvas } from "../store";

/** The attachment, with brightness/contrast as a CSS filter on its own canvas (free to change). */
export function ImageLayer({ image }: { image: HTMLImageElement }) {
  const { renderer } = useCanvasRuntime();
  const layerRef = useRef<Konva.Layer>(null);
  const nodeRef = useRef<Konva.Image>(null);
  const brightness = useCanvas((s) => s.brightness);
  const contrast = useCanvas((s) => s.contrast);

  useEffect(() => {
    const layer = layerRef.current;
    const node = nodeRef.current;
    if (!layer || !node) return;
    renderer.register("image", layer);
    renderer.setImage({ node, full: image, levels: [] });
    let live = true;
    buildMipLevels(image)
      .then((levels) => {
        if (live) renderer.setImage({ node, full: image, levels });
        else levels.forEach((l) => l.close());
      })
      .catch(() => undefined);
    return () => {
      live = false;
      renderer.setImage(null);
      renderer.register("image", null);
    };
  }, [image, renderer]);

  useEffect(() => {
    const canvas = layerRef.current?.getNativeCanvasElement();
    if (canvas) canvas.style.filter = brightness === 1 && contrast === 1 ? "" : `brightness(${brightness}) contrast(${contrast})`;
  }, [brightness, contrast]);

  return (
    <Layer ref={layerRef} listening={false}>
      <KonvaImage ref={nodeRef} image={image} width={image.naturalWidth} height={image.naturalHeight} listening={false} />
    </Layer>
  );
}
