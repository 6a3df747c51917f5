import { useState, type ReactNode } from "react";
import styles from "../canvas.module.css";
import { ariaKeysOf, keyCapOf, titleOf } from "../../commands";
import { canvasCommand as commandById, type CanvasCommand, type CanvasCommandContext, type CanvasCommandId } from "../commands";
import { useCanvas, useCanvasStoreApi } from "../store";
import { FullscreenIcon, PanelIcon } from "./icons";

/** Brightness and contrast as the store starts them: the values "Reset" returns to. */
const NEUTRAL = { brightness: 1, contrast: 1 };

interface ToolbarProps {
  context: CanvasCommandContext;
  fullscreen: boolean;
  /** The side panel's state, or null when there is no panel to show (nothing to list). */
  panelOpen: boolean | null;
  onTogglePanel(): void;
  /** A narrow canvas: brightness and contrast fold behind an "Adjust" button. */
  compact: boolean;
  /** The view commands live on this canvas (their key caps): VIEW_COMMANDS unless the page takes some keys. */
  commands?: readonly CanvasCommand[];
}

/** A button's text with its key cap from the registry ("Fit F"); the cap is hidden from screen readers (aria-keyshortcuts says it). */
function withKey(text: string, command: CanvasCommand): ReactNode {
  // A key the page took (the workbench's 1–9) leaves the button without a cap.
  const cap = keyCapOf(command);
  if (!cap) return text;
  return (
    <>
      {text} <kbd className={styles.btnKey} aria-hidden>{cap}</kbd>
    </>
  );
}

/** Zoom controls and indicator, image adjustments, the side-panel and full-screen toggles. */
export function Toolbar({ context, fullscreen, panelOpen, onTogglePanel, compact, commands }: ToolbarProps) {
  const canvasCommand = (id: CanvasCommandId) => commandById(id, commands);
  const [adjustOpen, setAdjustOpen] = useState(false);
  const store = useCanvasStoreApi();
  const scale = useCanvas((s) => s.view.scale);
  const brightness = useCanvas((s) => s.brightness);
  const contrast = useCanvas((s) => s.contrast);
  const iconBtn = `${styles.btn} ${styles.iconBtn}`;
  const adjusted = brightness !== NEUTRAL.brightness || contrast !== NEUTRAL.contrast;
  const button = (command: CanvasCommand, children: ReactNode, className: string, extra: Record<string, string | boolean> = {}) => (
    <button
      type="button"
      className={className}
      onClick={() => command.run(context)}
      title={titleOf(command)}
      aria-label={command.label}
      aria-keyshortcuts={ariaKeysOf(command)}
      {...extra}
    >
      {children}
    </button>
  );
  const adjustControls = (
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
  );
  return (
    <div className={styles.toolbar} role="toolbar" aria-label="Canvas view">
      <div className={styles.group}>
        {button(canvasCommand("zoomOut"), "−", iconBtn)}
        <span data-testid="zoom-indicator" className={styles.zoom}>
          {Math.round(scale * 100)}%
        </span>
        {button(canvasCommand("zoomIn"), "+", iconBtn)}
      </div>
      <div className={styles.group}>
        {button(canvasCommand("fit"), withKey("Fit", canvasCommand("fit")), styles.btn, { "data-testid": "zoom-fit" })}
        {button(canvasCommand("actualSize"), withKey("100%", canvasCommand("actualSize")), styles.btn, { "data-testid": "zoom-100" })}
      </div>
      <div className={styles.toolbarEnd}>
        {compact ? (
          <button
            type="button"
            className={`${styles.btn} ${styles.small}`}
            aria-expanded={adjustOpen}
            onClick={() => setAdjustOpen(!adjustOpen)}
            data-testid="canvas-adjust-toggle"
          >
            Adjust
          </button>
        ) : (
          adjustControls
        )}
        {/* Phones have no keyboard to speak of: the list of keys would be noise there. */}
        {!compact && button(canvasCommand("help"), withKey("Keys", canvasCommand("help")), `${styles.btn} ${styles.small}`, { "data-testid": "canvas-keys", "aria-label": "Keyboard shortcuts" })}
        <div className={styles.group}>
          {panelOpen !== null && (
            <button
              type="button"
              className={iconBtn}
              onClick={onTogglePanel}
              aria-pressed={panelOpen}
              aria-label="Legend and objects"
              title={panelOpen ? "Hide the legend and object list" : "Show the legend and object list"}
              data-testid="canvas-panel-toggle"
            >
              <PanelIcon />
            </button>
          )}
          {button(canvasCommand("fullscreen"), <FullscreenIcon exit={fullscreen} />, iconBtn, {
            "data-testid": "canvas-fullscreen",
            "aria-pressed": fullscreen,
          })}
        </div>
      </div>
      {compact && adjustOpen && <div className={styles.adjustRow}>{adjustControls}</div>}
    </div>
  );
}
