import { useMemo } from "react";
import { maskEntries } from "../../geometry";
import { keyCapOf } from "../../commands";
import styles from "../canvas.module.css";
import { canvasCommand } from "../commands";
import { kindRegistry } from "../kinds";
import { useCanvasRuntime } from "../runtime";
import { useCanvas, useCanvasStoreApi } from "../store";

/** Whether the legend has anything to act on: no objects and no mask (e.g. a transcription) means no panel. */
export function legendHasContent(runtime: Pick<ReturnType<typeof useCanvasRuntime>, "index" | "scene">): boolean {
  return runtime.index.objects.length > 0 || runtime.scene.mask !== null;
}

/**
 * Per-label and per-kind visibility, layers on/off, label text on/off and opacities. Sections
 * appear only when they have something to act on.
 */
export function Legend() {
  const { index, scene, colors } = useCanvasRuntime();
  const store = useCanvasStoreApi();
  const hiddenLabels = useCanvas((s) => s.hiddenLabels);
  const hiddenKinds = useCanvas((s) => s.hiddenKinds);
  const hiddenSources = useCanvas((s) => s.hiddenSources);
  const showLabels = useCanvas((s) => s.showLabels);
  const vectorOpacity = useCanvas((s) => s.vectorOpacity);
  const maskOpacity = useCanvas((s) => s.maskOpacity);

  const labelCounts = useMemo(() => {
    const counts = new Map<string, number>();
    for (const o of index.objects) counts.set(o.label, (counts.get(o.label) ?? 0) + 1);
    // Mask labels are listed too, with their mapping colour; their count is the number of instances.
    if (scene.mask) for (const e of maskEntries(scene.mask.labelMapping)) counts.set(e.label, (counts.get(e.label) ?? 0) + 1);
    // In the order labels took their colours (the task's label list first), unlabeled last.
    const rank = (l: string) => (l === "" ? Infinity : colors.labels.indexOf(l));
    return [...counts.entries()].sort(([a], [b]) => rank(a) - rank(b));
  }, [index, scene, colors]);
  const maskColors = useMemo(() => {
    const m = new Map<string, string>();
    if (scene.mask) for (const e of maskEntries(scene.mask.labelMapping)) if (!m.has(e.label)) m.set(e.label, e.color);
    return m;
  }, [scene]);
  const hasObjects = index.objects.length > 0;
  const hasLabelText = index.objects.some((o) => o.label !== "");
  const hasLayers = index.objects.some((o) => o.source === "layer");
  const s = store.getState();
  if (!hasObjects && !scene.mask) return null;

  return (
    <div data-testid="canvas-legend">
      {labelCounts.length > 0 && (
        <div className={styles.section}>
          <div className={styles.heading}>Labels</div>
          {labelCounts.map(([label, count]) => (
            <label key={label} className={styles.row}>
              <input
                type="checkbox"
                checked={!hiddenLabels.has(label)}
                onChange={() => s.toggleLabel(label)}
                data-testid={`legend-label-${label}`}
              />
              <span className={styles.swatch} style={{ background: maskColors.get(label) ?? colors.colorOf(label) }} />
              <span className={styles.rowLabel} title={label || undefined}>
                {label || "(no label)"}
              </span>
              <span className={styles.count}>{count}</span>
            </label>
          ))}
        </div>
      )}
      <div className={styles.section}>
        <div className={styles.heading}>Show</div>
        {index.kindsPresent().map((k) => (
          <label key={k} className={styles.row}>
            <input type="checkbox" checked={!hiddenKinds.has(k)} onChange={() => s.toggleKind(k)} data-testid={`legend-kind-${k}`} />
            <span className={styles.rowLabel}>{kindRegistry[k].title}</span>
          </label>
        ))}
        {scene.mask && (
          <label className={styles.row}>
            <input type="checkbox" checked={!hiddenKinds.has("mask")} onChange={() => s.toggleKind("mask")} data-testid="legend-kind-mask" />
            <span className={styles.rowLabel}>Masks</span>
            <kbd className={styles.key}>{keyCapOf(canvasCommand("masks"))}</kbd>
          </label>
        )}
        {hasLayers && (
          <label className={styles.row}>
            <input
              type="checkbox"
              checked={!hiddenSources.has("layer")}
              onChange={() => s.toggleSource("layer")}
              data-testid="legend-source-layer"
            />
            <span className={styles.rowLabel}>Layers (read-only, dashed)</span>
          </label>
        )}
        {hasLabelText && (
          <label className={styles.row}>
            <input type="checkbox" checked={showLabels} onChange={() => s.set({ showLabels: !showLabels })} data-testid="legend-show-labels" />
            <span className={styles.rowLabel}>Label text</span>
            <kbd className={styles.key}>{keyCapOf(canvasCommand("labels"))}</kbd>
          </label>
        )}
      </div>
      <div className={styles.section}>
        <div className={styles.heading}>Opacity</div>
        <div className={styles.sliders}>
          {hasObjects && (
            <label>
              <span className={styles.sliderLabel}>Shapes</span>
              <input
                type="range"
                className={styles.range}
                min={0}
                max={1}
                step={0.05}
                value={vectorOpacity}
                onChange={(e) => s.set({ vectorOpacity: Number(e.target.value) })}
                data-testid="legend-opacity"
              />
            </label>
          )}
          {scene.mask && (
            <label>
              <span className={styles.sliderLabel}>Mask</span>
              <input
                type="range"
                className={styles.range}
                min={0}
                max={1}
                step={0.05}
                value={maskOpacity}
                onChange={(e) => s.set({ maskOpacity: Number(e.target.value) })}
                data-testid="legend-mask-opacity"
              />
            </label>
          )}
        </div>
      </div>
    </div>
  );
}
