import { setAttributes } from "./commands";
import { useEditorRuntime } from "./context";
import { AttributesPanel } from "./panel/AttributesPanel";
import { segmentationPlugin } from "./plugins";
import { selectedObjects, useEditor, useEditorStoreApi } from "./store";
import type { EditorValidation } from "./validation";
import css from "./edit.module.css";

/** The panel's element id, for the toolbar's toggle (aria-controls). */
export const EDIT_PANEL_ID = "edit-side-panel";

/**
 * Beside the stage (on a phone: a drawer over it): the selection's attributes (h6's panel), segmentation's own panel, and the
 * validation view — every finding of the shared validator, each zooming to its object.
 */
export function EditSidePanel({
  validation,
  onZoomTo,
  open,
  onClose,
}: {
  validation: EditorValidation;
  onZoomTo(id: string): void;
  /** On a narrow screen the panel is a drawer over the stage, shown while `open` (the toolbar's Panel button). */
  open: boolean;
  onClose(): void;
}) {
  const { params, kind } = useEditorRuntime();
  const editor = useEditorStoreApi();
  const selection = useEditor((s) => s.selection);
  const document = useEditor((s) => s.document);
  const selected = selection.length > 0 ? selectedObjects({ document, selection }) : [];
  const Panel = kind === null ? segmentationPlugin?.Panel : undefined;
  const index = new Map(document.objects.map((o, i) => [o.id, i]));

  return (
    <aside id={EDIT_PANEL_ID} className={`${css.side} ${open ? css.sideOpen : ""}`} aria-label="Editing panel" data-testid="edit-panel">
      <div className={css.sideHead}>
        <strong>Panel</strong>
        <button type="button" className={css.linkButton} onClick={onClose} data-testid="edit-panel-close">
          Close
        </button>
      </div>
      {Panel && <Panel />}
      {kind !== null && (
        <section className={css.section}>
          <h3>
            {document.objects.length} {document.objects.length === 1 ? "object" : "objects"}
            {selected.length > 0 && <span className={css.muted}> · {selected.length} selected</span>}
          </h3>
          {params.attributes && selected.length > 0 && (
            <AttributesPanel attributes={params.attributes} objects={selected} onChange={(values) => editor.getState().execute(setAttributes(selected, values))} />
          )}
        </section>
      )}
      {kind !== null && (
        <section className={css.section} data-testid="validation">
          <h3>
            {validation.ok ? "No problems" : `${validation.issues.length} ${validation.issues.length === 1 ? "problem" : "problems"}`}
          </h3>
          {!validation.ok && (
            <ul className={css.issues}>
              {validation.issues.slice(0, 200).map((issue, i) => (
                <li key={i}>
                  {issue.objectId ? (
                    <button type="button" className={css.issue} onClick={() => onZoomTo(issue.objectId!)}>
                      <strong>#{(index.get(issue.objectId) ?? 0) + 1}</strong> {issue.path.replace(/^response\.annotations\[\d+\]\.?/, "")} {issue.message}
                    </button>
                  ) : (
                    <span className={css.issue}>{issue.path ? `${issue.path}: ` : ""}{issue.message}</span>
                  )}
                </li>
              ))}
            </ul>
          )}
        </section>
      )}
    </aside>
  );
}
