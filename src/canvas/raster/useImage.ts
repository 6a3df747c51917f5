import { useEffect, useState } from "react";

export type ImageState =
  | { status: "idle" }
  | { status: "loading"; url: string }
  | { status: "loaded"; url: string; image: HTMLImageElement; width: number; height: number }
  | { status: "error"; url: string; message: string };

/** Loads the attachment; a failure is a state to show, not an exception. */
export function useImage(url: string | null): ImageState {
  const [state, setState] = useState<ImageState>(url ? { status: "loading", url } : { status: "idle" });
  useEffect(() => {
    if (!url) {
      setState({ status: "idle" });
      return;
    }
    let live = true;
    setState({ status: "loading", url });
    const img = new Image();
    img.decoding = "async";
    img.onload = () => {
      if (live) setState({ status: "loaded", url, image: img, width: img.naturalWidth, height: img.naturalHeight });
    };
    img.onerror = () => {
      if (live) setState({ status: "error", url, message: `The image could not be loaded: ${url}` });
    };
    img.src = url;
    return () => {
      live = false;
      img.onload = null;
      img.onerror = null;
    };
  }, [url]);
  return state;
}

/**
 * Half, quarter, ... resolution copies of the image. Zoomed out, drawing a 12-megapixel image
 * every frame costs more than the whole vector scene; a level near the screen size does not.
 */
export async function buildMipLevels(image: CanvasImageSource & { width: number; height: number }, minSide = 512): Promise<ImageBitmap[]> {
  const levels: ImageBitmap[] = [];
  let w = Math.floor(image.width / 2);
  let h = Math.floor(image.height / 2);
  let source: CanvasImageSource = image;
  while (Math.min(w, h) >= minSide / 2 && levels.length < 5) {
    const level = await createImageBitmap(source, { resizeWidth: w, resizeHeight: h, resizeQuality: "medium" });
    levels.push(level);
    source = level;
    w = Math.floor(w / 2);
    h = Math.floor(h / 2);
  }
  return levels;
}

/** The smallest level that still has at least one source pixel per device pixel. */
export function pickMipLevel<T>(full: T, levels: readonly T[], scale: number, pixelRatio: number): T {
  const need = scale * pixelRatio;
  let chosen = full;
  let factor = 1;
  for (const level of levels) {
    factor /= 2;
    if (factor >= need) chosen = level;
    else break;
  }
  return chosen;
}
