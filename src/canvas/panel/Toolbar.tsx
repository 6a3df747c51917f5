import type { CSSProperties } from "react";
import { actualSize, fitImage, zoomAt } from "../../geometry";
import { FIT_PADDING_PX } from "../interaction/useViewportGestures";
import { useCanvas, useCanvasStoreApi } from "../store";

const bar: CSSProperties = {
  display: "flex",
  gap: 8,
  alignItems: "center",
  flexWrap: "wrap",
  padding: "4px 8px",
  font: "12px system-ui, sans-serif",
  borderBottom: "1px solid rgba(127,127,127,0.3)",
};

/** Zoom controls, the zoom indicator and the image adjustments. */
export function Toolbar() {
  const store = useCanvasStoreApi();
  const scale = useCanvas((s) => s.view.scale);
  const brightness = useCanvas((s) => s.brightness);
  const contrast = useCanvas((s) => s.contrast);
  const zoomBy = (f: number) => {
    const s = store.getState();
    s.setView(zoomAt(s.view, f, s.viewport.width / 2, s.viewport.height / 2));
  };
  const fit = () => {
    const s = store.getState();
    if (s.imageSize) s.setView(fitImage(s.imageSize, s.viewport, FIT_PADDING_PX));
  };
  const hundred = () => {
    const s = store.getState();
    s.setView(actualSize(s.view, s.viewport));
  };
  return (
    <div style={bar} role="toolbar" aria-label="Canvas view">
      <button type="button" onClick={() => zoomBy(1 / 1.25)} title="Zoom out (-)" aria-label="Zoom out">
        −
      </button>
      <span data-testid="zoom-indicator" style={{ minWidth: 48, textAlign: "center" }}>
        {Math.round(scale * 100)}%
      </span>
      <button type="button" onClick={() => zoomBy(1.25)} title="Zoom in (+)" aria-label="Zoom in">
        +
      </button>
      <button type="button" onClick={fit} title="Fit to screen (F)" data-testid="zoom-fit">
        Fit
      </button>
      <button type="button" onClick={hundred} title="Actual size (1)" data-testid="zoom-100">
        100%
      </button>
      <label>
        Brightness{" "}
        <input
          type="range"
          min={0.2}
          max={3}
          step={0.05}
          value={brightness}
          onChange={(e) => store.getState().set({ brightness: Number(e.target.value) })}
          data-testid="brightness"
        />
      </label>
      <label>
        Contrast{" "}
        <input
          type="range"
          min={0.2}
          max={3}
          step={0.05}
          value={contrast}
          onChange={(e) => store.getState().set({ contrast: Number(e.target.value) })}
          data-testid="contrast"
        />
      </label>
    </div>
  );
}
