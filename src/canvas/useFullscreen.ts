import { useCallback, useEffect, useState, type RefObject } from "react";

export interface Fullscreen {
  active: boolean;
  toggle(): void;
  exit(): void;
}

/**
 * Full screen for one element: the browser's Fullscreen API when it allows it, otherwise a
 * fallback that makes the element fill the viewport (fixed, above the page). Esc leaves either
 * (before anything else on the page sees it: it doesn't also clear the selection).
 */
export function useFullscreen(ref: RefObject<HTMLElement | null>): Fullscreen {
  const [fallback, setFallback] = useState(false);
  const [native, setNative] = useState(false);

  useEffect(() => {
    const sync = () => setNative(document.fullscreenElement !== null && document.fullscreenElement === ref.current);
    document.addEventListener("fullscreenchange", sync);
    return () => document.removeEventListener("fullscreenchange", sync);
  }, [ref]);

  const exit = useCallback(() => {
    setFallback(false);
    if (document.fullscreenElement && document.fullscreenElement === ref.current) void document.exitFullscreen().catch(() => undefined);
  }, [ref]);

  const active = native || fallback;
  useEffect(() => {
    if (!active) return;
    // The browser leaves its own full screen on Esc; a page-dispatched Esc (and the fallback) needs this.
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== "Escape") return;
      e.preventDefault();
      e.stopPropagation();
      exit();
    };
    // Capture: Esc leaves full screen before anything else (selection, dialogs) sees it.
    document.addEventListener("keydown", onKey, true);
    return () => document.removeEventListener("keydown", onKey, true);
  }, [active, exit]);

  const toggle = useCallback(() => {
    const el = ref.current;
    if (!el) return;
    if (fallback || (document.fullscreenElement !== null && document.fullscreenElement === el)) {
      exit();
      return;
    }
    if (typeof el.requestFullscreen === "function" && document.fullscreenEnabled) {
      el.requestFullscreen({ navigationUI: "hide" }).catch(() => setFallback(true));
    } else {
      setFallback(true);
    }
  }, [ref, fallback, exit]);

  return { active, toggle, exit };
}
