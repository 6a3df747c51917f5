import { useEffect, useMemo, useState } from "react";
import { ariaKeysOf, keyCapOf, titleOf } from "../../commands";
import { canvasCommand, type CanvasCommandContext } from "../commands";
import { useEditorRuntime } from "./context";
import { editCommand, toolCommands, type EditCommandContext } from "./editCommands";
import { CurrentLabel } from "./panel/LabelPicker";
import { EDIT_PANEL_ID } from "./EditSidePanel";
import { MESSAGE_MS, useEditor } from "./store";
import css from "./edit.module.css";

/**
 * The editor's toolbar: one button per tool with its key, undo/redo, the viewer's fit and zoom,
 * the current label (always visible), the `?` help, and the latest message.
 */
export function EditToolbar({
  commandContext,
  viewContext,
  onOpenPicker,
  panelOpen,
  onTogglePanel,
  problems,
}: {
  commandContext: EditCommandContext;
  viewContext: CanvasCommandContext;
  onOpenPicker(): void;
  /** The side panel as a drawer (narrow screens only: the button is hidden where the panel is always shown). */
  panelOpen: boolean;
  onTogglePanel(): void;
  /** The validation view's count, shown on the Panel button while the panel is hidden. */
  problems: number;
}) {
  const { tools, params } = useEditorRuntime();
  const tool = useEditor((s) => s.tool);
  const toolState = useEditor((s) => s.toolState);
  const currentLabel = useEditor((s) => s.currentLabel);
  const message = useEditor((s) => s.message);
  // Re-render on history changes so undo/redo enable and disable.
  useEditor((s) => s.history);
  const layersHidden = useEditor((s) => s.layersHidden);
  const hasLayers = Object.values(params.layers ?? {}).some((l) => Array.isArray(l) && l.length > 0);
  const [, tick] = useState(0);
  useEffect(() => {
    if (!message) return;
    const t = window.setTimeout(() => tick((n) => n + 1), MESSAGE_MS);
    return () => window.clearTimeout(t);
  }, [message]);
  const showMessage = message && Date.now() - message.at < MESSAGE_MS;
  const active = tools.find((t) => t.id === tool);
  const toolButtons = useMemo(() => toolCommands(tools), [tools]);
  const fit = canvasCommand("fit");
  const help = editCommand("help");
  const run = (id: string) => {
    const c = editCommand(id);
    if (c.canRun(commandContext)) c.run(commandContext);
  };

  return (
    <div className={css.toolbar} role="toolbar" aria-label="Editing tools">
      <div className={css.group} role="radiogroup" aria-label="Tool">
        {tools.map((t, i) => {
          const c = toolButtons[i];
          return (
            <button
              key={t.id}
              type="button"
              role="radio"
              aria-checked={t.id === tool}
              className={`${css.tool} ${t.id === tool ? css.toolActive : ""}`}
              title={titleOf(c)}
              aria-keyshortcuts={ariaKeysOf(c)}
              data-testid={`tool-${t.id}`}
              onClick={() => c.run(commandContext)}
            >
              {t.label} <kbd aria-hidden>{keyCapOf(c)}</kbd>
            </button>
          );
        })}
      </div>
      <div className={css.group}>
        {(["undo", "redo"] as const).map((id) => {
          const c = editCommand(id);
          return (
            <button
              key={id}
              type="button"
              className={css.tool}
              disabled={!c.canRun(commandContext)}
              title={titleOf(c)}
              aria-keyshortcuts={ariaKeysOf(c)}
              onClick={() => run(id)}
              data-testid={`cmd-${id}`}
            >
              {id === "undo" ? "Undo" : "Redo"} <kbd aria-hidden>{keyCapOf(c)}</kbd>
            </button>
          );
        })}
        <button type="button" className={css.tool} title={titleOf(fit)} aria-keyshortcuts={ariaKeysOf(fit)} onClick={() => fit.run(viewContext)}>
          Fit <kbd aria-hidden>{keyCapOf(fit)}</kbd>
        </button>
        {/* No key here: "1" picks the first label in edit mode. */}
        <button type="button" className={css.tool} title={canvasCommand("actualSize").label} onClick={() => canvasCommand("actualSize").run(viewContext)}>
          100%
        </button>
        {hasLayers && (
          <label className={css.check}>
            <input type="checkbox" checked={!layersHidden} onChange={() => run("layers")} aria-keyshortcuts={ariaKeysOf(editCommand("layers"))} /> Layers{" "}
            <kbd aria-hidden>{keyCapOf(editCommand("layers"))}</kbd>
          </label>
        )}
      </div>
      {params.leaves.length > 0 && (
        <div className={css.group} data-testid="current-label">
          <CurrentLabel labelTree={params.labelTree} current={currentLabel} onOpen={onOpenPicker} />
          {currentLabel && (
            <button type="button" className={css.linkButton} onClick={() => commandContext.editor.getState().setCurrentLabel(null)} title="Ask for a label for each new object">
              clear
            </button>
          )}
        </div>
      )}
      <button
        type="button"
        className={`${css.tool} ${css.panelToggle} ${panelOpen ? css.toolActive : ""}`}
        aria-expanded={panelOpen}
        aria-controls={EDIT_PANEL_ID}
        onClick={onTogglePanel}
        data-testid="edit-panel-toggle"
      >
        Panel{problems > 0 ? ` (${problems})` : ""}
      </button>
      <button type="button" className={css.tool} onClick={commandContext.toggleHelp} title={titleOf(help)} aria-keyshortcuts={ariaKeysOf(help)} data-testid="edit-shortcuts-button">
        Shortcuts <kbd aria-hidden>{keyCapOf(help)}</kbd>
      </button>
      <div className={css.status} aria-live="polite" data-testid="edit-status">
        {showMessage ? (
          <span className={message.tone === "error" ? css.error : undefined} data-testid="edit-message">
            {message.text}
          </span>
        ) : (
          <span className={css.hint} data-tool-state={toolState}>
            {active?.hint}
          </span>
        )}
      </div>
    </div>
  );
}
