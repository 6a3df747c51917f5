import { memo, useEffect, useMemo, useRef, type CSSProperties } from "react";
import { useVirtualizer } from "@tanstack/react-virtual";
import { expandRect, fitRect } from "../../geometry";
import styles from "../canvas.module.css";
import { kindOf } from "../kinds";
import { useCanvasRuntime } from "../runtime";
import { isShown, useCanvas, useCanvasStoreApi } from "../store";
import type { SceneObject } from "../scene/types";
import { labelColor } from "../style";

const ROW_PX = 36;
/** Selecting from the list zooms to the object, but never closer than this. */
const MAX_ZOOM_TO_OBJECT = 4;

/**
 * The response objects, virtualised (ten thousand rows must not cost a first draw), synced both
 * ways with the canvas: hovering a row highlights the object, clicking selects it and zooms to
 * it, and a selection made on the canvas scrolls its row into view.
 */
export function ObjectList() {
  const { index } = useCanvasRuntime();
  const store = useCanvasStoreApi();
  const selectedId = useCanvas((s) => s.selectedId);
  const hiddenLabels = useCanvas((s) => s.hiddenLabels);
  const hiddenKinds = useCanvas((s) => s.hiddenKinds);
  const hiddenSources = useCanvas((s) => s.hiddenSources);
  const rows = useMemo(
    () => index.objects.filter((o) => o.source === "response" && isShown({ hiddenLabels, hiddenKinds, hiddenSources }, o)),
    [index, hiddenLabels, hiddenKinds, hiddenSources],
  );
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_PX,
    overscan: 8,
  });

  useEffect(() => {
    if (!selectedId) return;
    const i = rows.findIndex((o) => o.id === selectedId);
    if (i >= 0) virtualizer.scrollToIndex(i, { align: "auto" });
  }, [selectedId, rows, virtualizer]);

  const choose = useMemo(
    () => (o: SceneObject) => {
      const s = store.getState();
      s.select(o.id);
      const pad = 8 / s.view.scale;
      s.setView(fitRect(expandRect(o.bounds, pad), s.viewport, 48, Math.max(MAX_ZOOM_TO_OBJECT, s.view.scale)));
    },
    [store],
  );

  return (
    <div className={styles.objects}>
      <div className={styles.heading}>
        <span>Objects</span>
        <span className={styles.count}>{rows.length}</span>
      </div>
      {rows.length === 0 && <div className={styles.empty}>None shown</div>}
      <div ref={scrollRef} className={styles.objectScroll} data-testid="canvas-object-list" role="listbox">
        <div style={{ height: virtualizer.getTotalSize(), position: "relative" }}>
          {virtualizer.getVirtualItems().map((item) => (
            <Row key={rows[item.index].id} object={rows[item.index]} top={item.start} onChoose={choose} />
          ))}
        </div>
      </div>
    </div>
  );
}

/** Each row subscribes to its own hover/selection flag, so hovering re-renders two rows, not the list. */
const Row = memo(function Row({ object: o, top, onChoose }: { object: SceneObject; top: number; onChoose: (o: SceneObject) => void }) {
  const store = useCanvasStoreApi();
  const hovered = useCanvas((s) => s.hoveredId === o.id);
  const selected = useCanvas((s) => s.selectedId === o.id);
  const style: CSSProperties = {
    position: "absolute",
    top: 0,
    left: 0,
    right: 0,
    height: ROW_PX,
    transform: `translateY(${top}px)`,
  };
  return (
    <div
      className={styles.object}
      style={style}
      data-testid="canvas-object"
      data-object-id={o.id}
      data-hovered={hovered || undefined}
      aria-selected={selected}
      role="option"
      tabIndex={0}
      onMouseEnter={() => store.getState().hover(o.id)}
      onMouseLeave={() => store.getState().hover(null)}
      // Keyboard users reach the same things: focus highlights the object, Enter zooms to it.
      onFocus={() => store.getState().hover(o.id)}
      onBlur={() => store.getState().hover(null)}
      onKeyDown={(e) => {
        if (e.key === "Enter" || e.key === " ") {
          e.preventDefault();
          onChoose(o);
        }
      }}
      onClick={() => onChoose(o)}
    >
      <span className={styles.colorBar} style={{ background: labelColor(o.label) }} />
      <div className={styles.objectText}>
        <div className={styles.objectTitle}>
          <span className={styles.objectLabel}>{o.label || "(no label)"}</span>{" "}
          <span className={styles.objectKind}>{o.kind}</span>
        </div>
        <div className={styles.objectSummary}>{kindOf(o.kind).summary(o)}</div>
      </div>
    </div>
  );
});
