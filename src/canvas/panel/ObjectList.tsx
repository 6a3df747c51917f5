import { memo, useCallback, useEffect, useId, useMemo, useRef, useState, type CSSProperties, type KeyboardEvent } from "react";
import { useVirtualizer } from "@tanstack/react-virtual";
import { expandRect, fitRect, maskEntries, type LabelMappingEntry, type Rect } from "../../geometry";
import styles from "../canvas.module.css";
import { kindOf } from "../kinds";
import { maskEntryName } from "../raster/mask";
import { useCanvasRuntime } from "../runtime";
import { isShown, maskEntryId, useCanvas, useCanvasStoreApi } from "../store";
import type { SceneObject } from "../scene/types";

const ROW_PX = 36;
/** Selecting from the list zooms to the object, but never closer than this. */
const MAX_ZOOM_TO_OBJECT = 4;
const PAGE_ROWS = 8;

/** A row: a response object, or one label (or instance) of a segmentation mask. */
type ListRow = { id: string; kind: "object"; object: SceneObject } | { id: string; kind: "mask"; entry: LabelMappingEntry };

/**
 * The response objects and mask labels, virtualised (ten thousand rows must not cost a first
 * draw), synced both ways with the canvas: hovering a row highlights the object, clicking selects
 * it and zooms to it, and a selection made on the canvas scrolls its row into view. From the
 * keyboard it is one listbox: Tab in, Up/Down/Home/End/Page keys move the highlight, Enter selects.
 */
export function ObjectList() {
  const { index, scene } = useCanvasRuntime();
  const store = useCanvasStoreApi();
  const selectedId = useCanvas((s) => s.selectedId);
  const hiddenLabels = useCanvas((s) => s.hiddenLabels);
  const hiddenKinds = useCanvas((s) => s.hiddenKinds);
  const hiddenSources = useCanvas((s) => s.hiddenSources);
  const regions = useCanvas((s) => s.maskRegions);
  const responseCount = useMemo(() => index.objects.filter((o) => o.source === "response").length, [index]);
  const entries = useMemo(() => (scene.mask ? maskEntries(scene.mask.labelMapping) : []), [scene]);
  const rows = useMemo<ListRow[]>(() => {
    const out: ListRow[] = [];
    for (const o of index.objects) {
      if (o.source === "response" && isShown({ hiddenLabels, hiddenKinds, hiddenSources }, o)) out.push({ id: o.id, kind: "object", object: o });
    }
    if (!hiddenKinds.has("mask")) {
      for (const e of entries) if (!hiddenLabels.has(e.label)) out.push({ id: maskEntryId(e.index), kind: "mask", entry: e });
    }
    return out;
  }, [index, entries, hiddenLabels, hiddenKinds, hiddenSources]);
  const scrollRef = useRef<HTMLDivElement>(null);
  const listId = useId();
  const [active, setActive] = useState<number | null>(null);
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_PX,
    overscan: 8,
  });

  useEffect(() => {
    if (!selectedId) return;
    const i = rows.findIndex((r) => r.id === selectedId);
    if (i >= 0) virtualizer.scrollToIndex(i, { align: "auto" });
  }, [selectedId, rows, virtualizer]);
  // Rows come and go with the legend: keep the highlight on a row that exists.
  const activeRow = active !== null && active < rows.length ? active : null;

  const boundsOf = useCallback(
    (row: ListRow): Rect | null => (row.kind === "object" ? row.object.bounds : (regions?.get(row.entry.index)?.bounds ?? null)),
    [regions],
  );
  const choose = useCallback(
    (row: ListRow) => {
      const s = store.getState();
      s.select(row.id);
      const bounds = boundsOf(row);
      if (!bounds) return;
      const pad = 8 / s.view.scale;
      s.setView(fitRect(expandRect(bounds, pad), s.viewport, 48, Math.max(MAX_ZOOM_TO_OBJECT, s.view.scale)));
    },
    [store, boundsOf],
  );
  const moveTo = (i: number) => {
    if (rows.length === 0) return;
    const next = Math.max(0, Math.min(rows.length - 1, i));
    setActive(next);
    virtualizer.scrollToIndex(next, { align: "auto" });
    store.getState().hover(rows[next].id);
  };
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const at = activeRow ?? -1;
    const moves: Record<string, number> = {
      ArrowDown: at + 1,
      ArrowUp: at < 0 ? rows.length - 1 : at - 1,
      Home: 0,
      End: rows.length - 1,
      PageDown: at + PAGE_ROWS,
      PageUp: Math.max(0, at - PAGE_ROWS),
    };
    if (e.key in moves) {
      e.preventDefault();
      moveTo(moves[e.key]);
    } else if ((e.key === "Enter" || e.key === " ") && activeRow !== null) {
      e.preventDefault();
      choose(rows[activeRow]);
    }
  };

  const empty =
    rows.length > 0
      ? null
      : scene.responded === false
        ? "No response yet: layers are drawn, objects come with the response."
        : responseCount === 0 && entries.length === 0
          ? "The response has no objects to list."
          : "All hidden by the legend.";
  return (
    <div className={styles.objects}>
      <div className={styles.heading} id={`${listId}-label`}>
        <span>{entries.length > 0 && responseCount === 0 ? "Mask labels" : "Objects"}</span>
        <span className={styles.count}>{rows.length}</span>
      </div>
      {empty && <div className={styles.empty}>{empty}</div>}
      <div
        ref={scrollRef}
        className={styles.objectScroll}
        data-testid="canvas-object-list"
        role="listbox"
        tabIndex={rows.length > 0 ? 0 : -1}
        aria-labelledby={`${listId}-label`}
        aria-activedescendant={activeRow !== null ? `${listId}-${activeRow}` : undefined}
        onKeyDown={onKeyDown}
        onFocus={(e) => {
          if (e.target !== e.currentTarget || rows.length === 0) return;
          const selected = rows.findIndex((r) => r.id === selectedId);
          moveTo(activeRow ?? (selected >= 0 ? selected : 0));
        }}
        onBlur={(e) => {
          if (!e.currentTarget.contains(e.relatedTarget as Node | null)) store.getState().hover(null);
        }}
      >
        <div style={{ height: virtualizer.getTotalSize(), position: "relative" }}>
          {virtualizer.getVirtualItems().map((item) => (
            <Row
              key={rows[item.index].id}
              domId={`${listId}-${item.index}`}
              row={rows[item.index]}
              active={item.index === activeRow}
              top={item.start}
              onChoose={choose}
              onFocusRow={() => setActive(item.index)}
            />
          ))}
        </div>
      </div>
    </div>
  );
}

interface RowProps {
  domId: string;
  row: ListRow;
  active: boolean;
  top: number;
  onChoose: (row: ListRow) => void;
  onFocusRow: () => void;
}

/** Each row subscribes to its own hover/selection flag, so hovering re-renders two rows, not the list. */
const Row = memo(function Row({ domId, row, active, top, onChoose, onFocusRow }: RowProps) {
  const store = useCanvasStoreApi();
  const { colors } = useCanvasRuntime();
  const hovered = useCanvas((s) => s.hoveredId === row.id);
  const selected = useCanvas((s) => s.selectedId === row.id);
  // Once the mask is read, an entry missing from its regions has no pixels at all.
  const pixels = useCanvas((s) => (row.kind === "mask" && s.maskRegions ? (s.maskRegions.get(row.entry.index)?.pixels ?? 0) : undefined));
  const total = useCanvas((s) => (s.imageSize ? s.imageSize.width * s.imageSize.height : 0));
  const style: CSSProperties = {
    position: "absolute",
    top: 0,
    left: 0,
    right: 0,
    height: ROW_PX,
    transform: `translateY(${top}px)`,
  };
  let label: string;
  let kind: string;
  let summary: string;
  let color: string;
  if (row.kind === "object") {
    label = row.object.label || "(no label)";
    kind = row.object.kind;
    summary = kindOf(row.object.kind).summary(row.object);
    color = colors.colorOf(row.object.label);
  } else {
    label = maskEntryName(row.entry);
    kind = row.entry.instance === null ? "mask" : "instance";
    summary = maskSummary(row.entry, pixels, total);
    color = row.entry.color;
  }
  return (
    <div
      id={domId}
      className={styles.object}
      style={style}
      data-testid="canvas-object"
      data-object-id={row.id}
      data-hovered={hovered || undefined}
      data-active={active || undefined}
      data-empty={pixels === 0 || undefined}
      aria-selected={selected}
      role="option"
      tabIndex={-1}
      onMouseEnter={() => store.getState().hover(row.id)}
      onMouseLeave={() => store.getState().hover(null)}
      onFocus={() => {
        onFocusRow();
        store.getState().hover(row.id);
      }}
      onClick={() => onChoose(row)}
    >
      <span className={styles.colorBar} style={{ background: color }} />
      <div className={styles.objectText}>
        <div className={styles.objectTitle}>
          <span className={styles.objectLabel}>{label}</span> <span className={styles.objectKind}>{kind}</span>
        </div>
        <div className={styles.objectSummary}>{summary}</div>
      </div>
    </div>
  );
});

function maskSummary(e: LabelMappingEntry, pixels: number | undefined, total: number): string {
  const where = `index ${e.index} · ${e.color}`;
  if (pixels === undefined) return where;
  if (pixels === 0) return `${where} · no pixels`;
  const share = total > 0 ? ` (${((100 * pixels) / total).toFixed(pixels / total < 0.01 ? 2 : 1)}%)` : "";
  return `${pixels.toLocaleString("en-US")} px${share} · index ${e.index}`;
}
