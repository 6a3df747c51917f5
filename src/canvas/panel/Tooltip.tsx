import styles from "../canvas.module.css";
import { kindOf } from "../kinds";
import { useCanvasRuntime } from "../runtime";
import { useCanvas } from "../store";

/** Label, kind, geometry summary and attributes of the hovered object, and the mask label under the cursor. */
export function Tooltip() {
  const { index } = useCanvasRuntime();
  const hoveredId = useCanvas((s) => s.hoveredId);
  const pointer = useCanvas((s) => s.pointer);
  const maskLabel = useCanvas((s) => s.maskLabelAtPointer);
  const gesture = useCanvas((s) => s.gesture);
  const hovered = hoveredId ? index.byId.get(hoveredId) : undefined;
  if (!pointer || gesture || (!hovered && !maskLabel)) return null;
  return (
    <div className={styles.tooltip} style={{ left: pointer.x + 14, top: pointer.y + 14 }} data-testid="canvas-tooltip" role="tooltip">
      {hovered && (
        <>
          <div data-testid="canvas-tooltip-label">
            <strong>{hovered.label || "(no label)"}</strong> <span className={styles.tooltipMuted}>· {hovered.kind}</span>
          </div>
          <div className={styles.tooltipSummary}>{kindOf(hovered.kind).summary(hovered)}</div>
          {Object.entries(hovered.attributes).map(([k, v]) => (
            <div key={k}>
              {k}: {String(v)}
            </div>
          ))}
        </>
      )}
      {maskLabel && <div data-testid="canvas-tooltip-mask">mask: {maskLabel}</div>}
    </div>
  );
}
