import { createContext, useContext, useRef, useState } from "react";
import { fitRect, nextUnlabeledRegion } from "../../../geometry";
import { useCanvasStoreApi } from "../../store";
import { useStore } from "zustand";
import { useEditorStoreApi } from "../store";
import { className, instancesOf, type MaskClass } from "./classes";
import type { UploadPng } from "./encode";
import { MAX_BRUSH, MIN_BRUSH, maskIssues, type MaskSession } from "./session";
import { fillAll } from "./tools/fillUnlabeled";
import { useEditorRuntime } from "../context";
import { useMaskSessionStatus } from "./useMaskSession";
import css from "../panel/editPanels.module.css";

/**
 * Where the page uploads mask files (`POST /v1/files` through src/client). The canvas may not
 * import the client, so the page provides it; without it the panel can't save.
 */
export const MaskUploadContext = createContext<UploadPng | null>(null);

/**
 * The segmentation side panel: the labels and instances to paint with (the active one is what
 * the brush, polygon fill and fill tools paint), "new instance", the brush size, the unlabeled
 * pixel count (an error when allow_unlabeled is false), and saving the masks.
 */
export function MaskPanel() {
  const { session, waiting, error } = useMaskSessionStatus();
  const { answer } = useEditorRuntime();
  if (error) {
    return (
      <div className={css.maskPanel} role="alert" data-testid="mask-answer-error">
        <p>{error}</p>
        <button type="button" className="btn btn-sm" onClick={answer.startEmpty}>
          Start from an empty mask instead
        </button>
      </div>
    );
  }
  if (!session) return <div className={css.maskPanel} data-testid="mask-waiting">{waiting}</div>;
  return <MaskPanelBody session={session} />;
}

function MaskPanelBody({ session }: { session: MaskSession }) {
  const editor = useEditorStoreApi();
  const canvasStore = useCanvasStoreApi();
  const upload = useContext(MaskUploadContext);
  // Where "show next unlabeled area" continues from (row-major pixel index).
  const walk = useRef(-1);
  const classes = useStore(session.store, (s) => s.classes);
  const active = useStore(session.store, (s) => s.active);
  const brushSize = useStore(session.store, (s) => s.brushSize);
  const unlabeled = useStore(session.store, (s) => s.unlabeled);
  const highlight = useStore(session.store, (s) => s.highlightUnlabeled);
  const save = useStore(session.store, (s) => s.save);
  const pixelsVersion = useStore(session.store, (s) => s.pixelsVersion);
  const [error, setError] = useState<string | null>(null);
  const issues = maskIssues(session);

  const showNextUnlabeled = () => {
    const region = nextUnlabeledRegion(session.raster, walk.current);
    if (!region) return;
    walk.current = region.end;
    const { x, y, width, height } = region.rect;
    const s = canvasStore.getState();
    const pad = Math.max(40, Math.min(s.viewport.width, s.viewport.height) / 4);
    s.setView(fitRect({ minX: x, minY: y, maxX: x + width, maxY: y + height }, s.viewport, pad, 8));
  };

  const pick = (c: MaskClass) => {
    session.setActive(c.index);
    if (editor.getState().currentLabel !== c.label) editor.getState().setCurrentLabel(c.label);
  };
  const newInstance = (label: string) => {
    const added = session.newInstance(label);
    if (!added) return setError("All 255 mask indices are in use: no more instances can be added.");
    setError(null);
    if (editor.getState().currentLabel !== label) editor.getState().setCurrentLabel(label);
  };
  const ctx = { execute: editor.getState().execute, notify: editor.getState().notify };
  const leafKey = (label: string) => {
    const i = session.params.labels.concat(session.params.instance_labels).indexOf(label);
    return i >= 0 && i < 9 ? i + 1 : null;
  };

  return (
    <section className={css.maskPanel} aria-label="Segmentation">
      <div className={css.sectionTitle}>Paint with</div>
      <ul className={css.classList}>
        {session.params.labels.map((label) => {
          const c = classes.list.find((x) => x.label === label && x.instance === null);
          if (!c) return null;
          return (
            <li key={label}>
              <ClassButton c={c} active={active === c.index} onPick={pick} shortcut={leafKey(label)} />
            </li>
          );
        })}
        {session.params.instance_labels.map((label) => {
          const instances = instancesOf(classes, label);
          return (
            <li key={label}>
              <div className={css.classRow} style={{ cursor: "default" }}>
                <span className={css.swatch} style={{ background: classes.baseColors.get(label) }} aria-hidden />
                <span style={{ flex: 1 }}>{label}</span>
                {leafKey(label) !== null && <kbd className={css.key}>{leafKey(label)}</kbd>}
                <button type="button" className={css.smallBtn} onClick={() => newInstance(label)} aria-label={`New ${label} instance`}>
                  + New instance
                </button>
              </div>
              {instances.length === 0 && <div className={`${css.muted} ${css.instanceRow}`}>No instances yet</div>}
              <ul className={css.classList}>
                {instances.map((c) => (
                  <li key={c.index} className={css.instanceRow}>
                    <ClassButton c={c} active={active === c.index} onPick={pick} shortcut={null} />
                  </li>
                ))}
              </ul>
            </li>
          );
        })}
      </ul>

      <label className={css.fieldLabel} htmlFor="mask-brush-size">
        Brush size <span className={css.muted}>[ and ]</span>
      </label>
      <div className={css.numberRow}>
        <input
          id="mask-brush-size"
          type="range"
          min={MIN_BRUSH}
          max={Math.min(MAX_BRUSH, 200)}
          value={Math.min(brushSize, 200)}
          onChange={(e) => session.setBrushSize(Number(e.target.value))}
          style={{ flex: 1 }}
        />
        <input
          className={css.number}
          type="number"
          min={MIN_BRUSH}
          max={MAX_BRUSH}
          value={brushSize}
          aria-label="Brush size in pixels"
          onChange={(e) => Number.isFinite(e.target.valueAsNumber) && session.setBrushSize(e.target.valueAsNumber)}
          onKeyDown={(e) => e.stopPropagation()}
          style={{ width: 64 }}
        />
        <span className={css.muted}>px</span>
      </div>

      <div className={css.sectionTitle}>Unlabeled pixels</div>
      <div data-testid="unlabeled-count">
        {unlabeled.toLocaleString("en-US")} of {(session.raster.width * session.raster.height).toLocaleString("en-US")}
        {session.params.allow_unlabeled && <span className={css.muted}> (allowed)</span>}
      </div>
      {issues.map((i) => (
        <div key={i.path} className={css.error} role="alert">
          {i.message}. Paint them or fill them.{" "}
          <button type="button" className={css.smallBtn} onClick={showNextUnlabeled}>
            Show next unlabeled area
          </button>
        </div>
      ))}
      <label className={css.numberRow}>
        <input type="checkbox" checked={highlight} onChange={(e) => session.setHighlightUnlabeled(e.target.checked)} />
        Highlight unlabeled pixels
      </label>
      <button type="button" className={css.smallBtn} aria-disabled={unlabeled === 0} onClick={() => fillAll(ctx, session)}>
        Fill all unlabeled with {session.activeClass() ? className(session.activeClass()!) : "…"}
      </button>

      {upload && (
        <>
          <div className={css.sectionTitle}>Masks</div>
          {/* aria-disabled, not disabled: a disabled button drops the keyboard focus, and the
              editor's shortcuts (undo) would stop reaching the canvas. */}
          <button
            type="button"
            className={css.smallBtn}
            aria-disabled={save.status === "saving"}
            onClick={() => save.status !== "saving" && void session.save(upload)}
          >
            {save.status === "saving" ? "Encoding and uploading…" : "Save masks (upload PNGs)"}
          </button>
          {save.status === "saved" && (
            <div className={css.muted} data-testid="mask-saved">
              Saved{save.pixelsVersion !== pixelsVersion ? " (edited since: save again)" : ""}.{" "}
              <a href={save.response.annotations.combined.indexedImage} target="_blank" rel="noreferrer">
                Indexed PNG
              </a>
              <details>
                <summary>Response JSON</summary>
                <pre className={css.json} data-testid="mask-response">
                  {JSON.stringify(save.response, null, 2)}
                </pre>
              </details>
            </div>
          )}
          {save.status === "error" && (
            <div className={css.error} role="alert">
              {save.message}
            </div>
          )}
        </>
      )}
      {error && (
        <div className={css.error} role="alert">
          {error}
        </div>
      )}
    </section>
  );
}

function ClassButton({ c, active, onPick, shortcut }: { c: MaskClass; active: boolean; onPick(c: MaskClass): void; shortcut: number | null }) {
  return (
    <button type="button" className={css.classRow} aria-pressed={active} onClick={() => onPick(c)} data-mask-index={c.index}>
      <span className={css.swatch} style={{ background: c.color }} aria-hidden />
      <span style={{ flex: 1 }}>{c.instance === null ? c.label : `#${c.instance + 1}`}</span>
      {shortcut !== null && <kbd className={css.key}>{shortcut}</kbd>}
    </button>
  );
}
