import { useEffect, type RefObject } from "react";
import { panBy, screenToImage, wheelZoomFactor, zoomAt } from "../../geometry";
import { maskEntryAt, maskLabelAt } from "../raster/mask";
import { useCanvasRuntime } from "../runtime";
import { isShown, maskEntryId, useCanvasStoreApi } from "../store";
import { HIT_TOLERANCE_PX } from "../style";
import { pinchView, type ScreenPoint } from "./pinch";

/** A wheel gesture counts as settled (and the vectors are redrawn sharp) after this pause. */
const WHEEL_SETTLE_MS = 140;
/** A press that moves less than this is a click (select), not a pan. */
const CLICK_SLOP_PX = 4;

export const FIT_PADDING_PX = 16;

/**
 * Edit mode's pointer handling: it gets every plain press (left button, no space held, not a
 * pinch) and every move, in stage CSS pixels. Wheel zoom, space-drag, middle-drag and pinch stay
 * the viewport's in every mode.
 */
export interface PointerDelegate {
  down(e: PointerEvent, p: ScreenPoint): void;
  move(e: PointerEvent, p: ScreenPoint): void;
  up(e: PointerEvent, p: ScreenPoint): void;
}

/**
 * Read-only viewing interaction on the stage container: wheel zoom at the cursor, drag or
 * space-drag pan, two-finger pinch zoom and pan on touch screens, hover and click picking through
 * the spatial index. The keyboard shortcuts are commands (../commands.ts, useCanvasShortcuts).
 * Editing tools will add their own modes beside this one; space-drag stays the pan in all.
 */
export function useViewportGestures(
  containerRef: RefObject<HTMLDivElement | null>,
  delegate?: RefObject<PointerDelegate | null>,
): void {
  const store = useCanvasStoreApi();
  const { index, mask } = useCanvasRuntime();

  useEffect(() => {
    const el = containerRef.current;
    if (!el) return;
    let settleTimer = 0;
    let spaceDown = false;
    let press: { id: number; x: number; y: number; moved: boolean; lastX: number; lastY: number } | null = null;
    // The pointer whose press the edit delegate took.
    let delegated: number | null = null;
    // Touch points on the stage; with two of them, the gesture is a pinch (zoom + pan).
    const touches = new Map<number, ScreenPoint>();
    let pinch: [number, number] | null = null;

    const local = (e: MouseEvent) => {
      const r = el.getBoundingClientRect();
      return { x: e.clientX - r.left, y: e.clientY - r.top };
    };
    const settleSoon = () => {
      window.clearTimeout(settleTimer);
      settleTimer = window.setTimeout(() => store.getState().setGesture(false), WHEEL_SETTLE_MS);
    };
    const pickAt = (sx: number, sy: number) => {
      const s = store.getState();
      const p = screenToImage(s.view, sx, sy);
      return index.pick(p.x, p.y, HIT_TOLERANCE_PX / s.view.scale, (o) => isShown(s, o));
    };

    const onWheel = (e: WheelEvent) => {
      e.preventDefault();
      const s = store.getState();
      const p = local(e);
      // Horizontal-only wheels (trackpad sideways swipes) pan; everything else zooms at the cursor.
      if (e.ctrlKey || Math.abs(e.deltaY) >= Math.abs(e.deltaX)) {
        s.setView(zoomAt(s.view, wheelZoomFactor(e.deltaY, e.deltaMode), p.x, p.y));
      } else {
        s.setView(panBy(s.view, -e.deltaX, 0));
      }
      s.setGesture(true);
      settleSoon();
    };

    const onPointerDown = (e: PointerEvent) => {
      if (e.button !== 0 && e.button !== 1) return;
      el.focus({ preventScroll: true });
      const p = local(e);
      if (e.pointerType === "touch") {
        touches.set(e.pointerId, p);
        if (touches.size === 2) {
          // A second finger turns the one-finger pan (or tap) into a pinch.
          pinch = [...touches.keys()] as [number, number];
          press = null;
          store.getState().setGesture(true);
          try {
            el.setPointerCapture(e.pointerId);
          } catch {
            // See below.
          }
          return;
        }
        if (touches.size > 2) return;
      }
      if (delegate?.current && e.button === 0 && !spaceDown) {
        delegated = e.pointerId;
        try {
          el.setPointerCapture(e.pointerId);
        } catch {
          // See below.
        }
        delegate.current.down(e, p);
        return;
      }
      press = { id: e.pointerId, x: p.x, y: p.y, lastX: p.x, lastY: p.y, moved: spaceDown || e.button === 1 };
      try {
        el.setPointerCapture(e.pointerId);
      } catch {
        // Synthetic pointers (tests, benchmarks) have no capture target; panning works without it.
      }
      if (press.moved) el.style.cursor = "grabbing";
    };

    const onPointerMove = (e: PointerEvent) => {
      const s = store.getState();
      const p = local(e);
      if (e.pointerType === "touch" && touches.has(e.pointerId)) {
        const before = touches.get(e.pointerId)!;
        touches.set(e.pointerId, p);
        if (pinch && pinch.includes(e.pointerId)) {
          const other = touches.get(pinch[0] === e.pointerId ? pinch[1] : pinch[0]);
          if (other) s.setView(pinchView(s.view, [before, other], [p, other]));
          return;
        }
      }
      if (delegate?.current && (delegated === e.pointerId || !press)) {
        delegate.current.move(e, p);
        if (delegated === e.pointerId) return;
      }
      if (press && press.id === e.pointerId) {
        if (!press.moved && Math.hypot(p.x - press.x, p.y - press.y) >= CLICK_SLOP_PX) press.moved = true;
        if (press.moved) {
          s.setView(panBy(s.view, p.x - press.lastX, p.y - press.lastY));
          s.setGesture(true);
          el.style.cursor = "grabbing";
        }
        press.lastX = p.x;
        press.lastY = p.y;
        return;
      }
      const hit = pickAt(p.x, p.y);
      s.hover(hit ? hit.id : null);
      const ip = screenToImage(s.view, p.x, p.y);
      s.setPointer(p, mask.current ? maskLabelAt(mask.current, ip.x, ip.y) : null);
      if (!delegate?.current) el.style.cursor = spaceDown ? "grab" : hit ? "pointer" : "default";
      else if (spaceDown) el.style.cursor = "grab";
    };

    const onPointerUp = (e: PointerEvent) => {
      touches.delete(e.pointerId);
      if (pinch) {
        // The pinch ends when a finger lifts; the other one doesn't start a pan mid-gesture.
        if (pinch.includes(e.pointerId)) {
          pinch = null;
          store.getState().setGesture(false);
        }
        return;
      }
      if (delegated === e.pointerId) {
        delegated = null;
        delegate?.current?.up(e, local(e));
        return;
      }
      if (!press || press.id !== e.pointerId) return;
      const s = store.getState();
      if (press.moved) {
        s.setGesture(false);
      } else {
        const hit = pickAt(press.x, press.y);
        // No vector there: a click on a mask selects that label (or instance), as its list row does.
        const ip = screenToImage(s.view, press.x, press.y);
        const entry = !hit && mask.current && !s.hiddenKinds.has("mask") ? maskEntryAt(mask.current, ip.x, ip.y) : null;
        s.select(hit ? hit.id : entry && !s.hiddenLabels.has(entry.label) ? maskEntryId(entry.index) : null);
      }
      press = null;
      el.style.cursor = spaceDown ? "grab" : "default";
    };

    const onPointerLeave = () => {
      if (press) return;
      const s = store.getState();
      s.hover(null);
      s.setPointer(null, null);
    };

    // Space held turns a plain drag into a pan in every mode; the other keys are commands.
    const onKeyDown = (e: KeyboardEvent) => {
      if (e.target !== el || e.key !== " ") return;
      spaceDown = true;
      el.style.cursor = "grab";
      e.preventDefault();
    };
    const onKeyUp = (e: KeyboardEvent) => {
      if (e.key === " ") {
        spaceDown = false;
        el.style.cursor = "default";
      }
    };

    el.addEventListener("wheel", onWheel, { passive: false });
    el.addEventListener("pointerdown", onPointerDown);
    el.addEventListener("pointermove", onPointerMove);
    el.addEventListener("pointerup", onPointerUp);
    el.addEventListener("pointercancel", onPointerUp);
    el.addEventListener("pointerleave", onPointerLeave);
    el.addEventListener("keydown", onKeyDown);
    el.addEventListener("keyup", onKeyUp);
    return () => {
      window.clearTimeout(settleTimer);
      el.removeEventListener("wheel", onWheel);
      el.removeEventListener("pointerdown", onPointerDown);
      el.removeEventListener("pointermove", onPointerMove);
      el.removeEventListener("pointerup", onPointerUp);
      el.removeEventListener("pointercancel", onPointerUp);
      el.removeEventListener("pointerleave", onPointerLeave);
      el.removeEventListener("keydown", onKeyDown);
      el.removeEventListener("keyup", onKeyUp);
    };
  }, [containerRef, store, index, mask, delegate]);
}
