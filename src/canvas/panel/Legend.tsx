import { useMemo, type CSSProperties } from "react";
import { maskEntries } from "../../geometry";
import { kindRegistry } from "../kinds";
import { useCanvasRuntime } from "../runtime";
import { useCanvas, useCanvasStoreApi } from "../store";
import { labelColor } from "../style";

const section: CSSProperties = { display: "flex", flexDirection: "column", gap: 2, padding: "6px 8px" };
const row: CSSProperties = { display: "flex", alignItems: "center", gap: 6, cursor: "pointer" };
const swatch = (color: string): CSSProperties => ({ width: 10, height: 10, borderRadius: 2, background: color, flex: "none" });

/** Per-label and per-kind visibility, layers on/off, label text on/off and opacities. */
export function Legend() {
  const { index, scene } = useCanvasRuntime();
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
    return [...counts.entries()].sort(([a], [b]) => a.localeCompare(b));
  }, [index, scene]);
  const maskColors = useMemo(() => {
    const m = new Map<string, string>();
    if (scene.mask) for (const e of maskEntries(scene.mask.labelMapping)) if (!m.has(e.label)) m.set(e.label, e.color);
    return m;
  }, [scene]);
  const hasLayers = index.objects.some((o) => o.source === "layer");
  const s = store.getState();

  return (
    <div style={{ font: "12px system-ui, sans-serif" }} data-testid="canvas-legend">
      <div style={section}>
        <strong>Labels</strong>
        {labelCounts.map(([label, count]) => (
          <label key={label} style={row}>
            <input
              type="checkbox"
              checked={!hiddenLabels.has(label)}
              onChange={() => s.toggleLabel(label)}
              data-testid={`legend-label-${label}`}
            />
            <span style={swatch(maskColors.get(label) ?? labelColor(label))} />
            <span style={{ flex: 1 }}>{label || "(no label)"}</span>
            <span style={{ opacity: 0.6 }}>{count}</span>
          </label>
        ))}
      </div>
      <div style={section}>
        <strong>Kinds</strong>
        {index.kindsPresent().map((k) => (
          <label key={k} style={row}>
            <input type="checkbox" checked={!hiddenKinds.has(k)} onChange={() => s.toggleKind(k)} data-testid={`legend-kind-${k}`} />
            {kindRegistry[k].title}
          </label>
        ))}
        {scene.mask && (
          <label style={row}>
            <input type="checkbox" checked={!hiddenKinds.has("mask")} onChange={() => s.toggleKind("mask")} data-testid="legend-kind-mask" />
            Masks (M)
          </label>
        )}
        {hasLayers && (
          <label style={row}>
            <input
              type="checkbox"
              checked={!hiddenSources.has("layer")}
              onChange={() => s.toggleSource("layer")}
              data-testid="legend-source-layer"
            />
            Layers (read-only, dashed)
          </label>
        )}
        <label style={row}>
          <input type="checkbox" checked={showLabels} onChange={() => s.set({ showLabels: !showLabels })} data-testid="legend-show-labels" />
          Label text (L)
        </label>
      </div>
      <div style={section}>
        <label>
          Shapes opacity{" "}
          <input
            type="range"
            min={0}
            max={1}
            step={0.05}
            value={vectorOpacity}
            onChange={(e) => s.set({ vectorOpacity: Number(e.target.value) })}
            data-testid="legend-opacity"
          />
        </label>
        {scene.mask && (
          <label>
            Mask opacity{" "}
            <input
              type="range"
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
  );
}
