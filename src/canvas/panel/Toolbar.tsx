import { actualSize, fitImage, zoomAt } from "../../geometry";
import styles from "../canvas.module.css";
import { FIT_PADDING_PX } from "../interaction/useViewportGestures";
import { useCanvas, useCanvasStoreApi } from "../store";

/** Brightness and contrast as the store starts them: the values "Reset" returns to. */
const NEUTRAL = { brightness: 1, contrast: 1 };

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
  const iconBtn = `${styles.btn} ${styles.iconBtn}`;
  const adjusted = brightness !== NEUTRAL.brightness || contrast !== NEUTRAL.contrast;
  return (
    <div className={styles.toolbar} role="toolbar" aria-label="Canvas view">
      <div className={styles.group}>
        <button type="button" className={iconBtn} onClick={() => zoomBy(1 / 1.25)} title="Zoom out (-)" aria-label="Zoom out">
          −
        </button>
        <span data-testid="zoom-indicator" className={styles.zoom}>
          {Math.round(scale * 100)}%
        </span>
        <button type="button" className={iconBtn} onClick={() => zoomBy(1.25)} title="Zoom in (+)" aria-label="Zoom in">
          +
        </button>
      </div>
      <div className={styles.group}>
        <button type="button" className={styles.btn} onClick={fit} title="Fit to screen (F)" data-testid="zoom-fit">
          Fit
        </button>
        <button type="button" className={styles.btn} onClick={hundred} title="Actual size (1)" data-testid="zoom-100">
          100%
        </button>
      </div>
      <div className={styles.adjust}>
        <label className={styles.slider}>
          Brightness
          <input
            type="range"
            className={styles.range}
            min={0.2}
            max={3}
            step={0.05}
            value={brightness}
            onChange={(e) => store.getState().set({ brightness: Number(e.target.value) })}
            data-testid="brightness"
          />
        </label>
        <label className={styles.slider}>
          Contrast
          <input
            type="range"
            className={styles.range}
            min={0.2}
            max={3}
            step={0.05}
            value={contrast}
            onChange={(e) => store.getState().set({ contrast: Number(e.target.value) })}
            data-testid="contrast"
          />
        </label>
        <button
          type="button"
          className={`${styles.btn} ${styles.small}`}
          onClick={() => store.getState().set(NEUTRAL)}
          disabled={!adjusted}
          title="Reset brightness and contrast"
        >
          Reset
        </button>
      </div>
    </div>
  );
}
