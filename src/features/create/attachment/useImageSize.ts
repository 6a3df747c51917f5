import { useEffect, useState } from "react";

export type ImageSize = { state: "loading" } | { state: "ok"; width: number; height: number } | { state: "error" };

/** The natural size of the image at `url` (what the labeler's canvas will be), or why it's unknown. */
export function useImageSize(url: string | null): ImageSize | null {
  const [size, setSize] = useState<{ url: string; size: ImageSize } | null>(null);
  useEffect(() => {
    if (!url) return;
    let live = true;
    const img = new Image();
    img.onload = () => live && setSize({ url, size: { state: "ok", width: img.naturalWidth, height: img.naturalHeight } });
    img.onerror = () => live && setSize({ url, size: { state: "error" } });
    img.src = url;
    return () => {
      live = false;
    };
  }, [url]);
  if (!url) return null;
  return size?.url === url ? size.size : { state: "loading" };
}
