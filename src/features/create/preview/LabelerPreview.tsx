// "What the labeler sees", live: the instruction as it will read (with the project's appended),
// the attachment with its layers, and the tools and choices the task will offer. Image types get
// the editing canvas itself with the task's params — the most honest preview there is.
import { useEffect, useState } from "react";
import { EditableCanvas, MaskUploadContext, type EditableTaskType, type UploadPng } from "../../../canvas";
import { isHttpUrl, taskTypeRegistry, type AttachmentType, type TaskType } from "../../../schema";
import { AttachmentPreview, Instruction } from "../../tasks";
import type { Body } from "../form/body";
import type { InheritedVersion } from "../form/context";
import { splitBody, templateParams } from "../form/validate";
import css from "../create.module.css";

const CANVAS_TYPES: readonly TaskType[] = ["annotation", "pointannotation", "lineannotation", "polygonannotation", "cuboidannotation", "segmentannotation"];

/** The preview never saves anything: painting a mask there uploads nothing. */
const noUpload: UploadPng = () => Promise.reject(new Error("This is a preview; masks are saved in the workbench."));

function useDebounced<T>(value: T, ms: number): T {
  const [v, setV] = useState(value);
  useEffect(() => {
    const t = setTimeout(() => setV(value), ms);
    return () => clearTimeout(t);
  }, [value, ms]);
  return v;
}

export function LabelerPreview({ type, body, inherited }: { type: TaskType; body: Body; inherited: InheritedVersion | null }) {
  const settled = useDebounced(body, 350);
  const { own, params: given } = splitBody(settled);
  const params = { ...templateParams(inherited?.params), ...given };
  const parsed = taskTypeRegistry[type].params.safeParse(params);
  const own_instruction = typeof own.instruction === "string" ? own.instruction : "";
  const instruction = inherited?.instruction ? (own_instruction ? `${own_instruction}\n\n${inherited.instruction}` : inherited.instruction) : own_instruction;
  const p = (parsed.success ? parsed.data : params) as Record<string, unknown>;

  return (
    <div className={css.preview} data-testid="labeler-preview">
      <h2 className={css.previewTitle}>What the labeler sees</h2>
      <section aria-label="Instruction as the labeler reads it">
        <Instruction markdown={instruction} />
      </section>
      {CANVAS_TYPES.includes(type) ? (
        parsed.success && typeof p.attachment === "string" && isHttpUrl(p.attachment) ? (
          <MaskUploadContext.Provider value={noUpload}>
            <EditableCanvas key={JSON.stringify(p)} taskType={type as EditableTaskType} params={p} height={460} />
          </MaskUploadContext.Provider>
        ) : (
          <p className={css.previewEmpty}>The labeler's canvas appears here once the attachment and the params are valid.</p>
        )
      ) : (
        <NonImagePreview type={type} p={p} />
      )}
    </div>
  );
}

function str(v: unknown): string {
  return typeof v === "string" ? v : "";
}
function strings(v: unknown): string[] {
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : [];
}
function entries(v: unknown): [string, unknown][] {
  return v && typeof v === "object" && !Array.isArray(v) ? Object.entries(v) : [];
}

function Attachment({ type, value }: { type: string; value: string }) {
  if (!value || (type !== "text" && !isHttpUrl(value))) return <p className={css.previewEmpty}>No attachment yet.</p>;
  return <AttachmentPreview attachment={{ type: type as AttachmentType, value }} />;
}

function NonImagePreview({ type, p }: { type: TaskType; p: Record<string, unknown> }) {
  const attachmentType = str(p.attachment_type) || (type === "audiotranscription" ? "audio" : type === "datacollection" ? "website" : "image");
  switch (type) {
    case "categorization": {
      const multiple = p.allow_multiple === true;
      return (
        <>
          <Attachment type={attachmentType} value={str(p.attachment)} />
          <fieldset className={css.previewChoices}>
            <legend>{multiple ? "Pick every category that applies" : "Pick one category"}</legend>
            {strings(p.categories).map((c) => (
              <label key={c} className={css.inline}>
                <input type={multiple ? "checkbox" : "radio"} name="preview-category" /> {c}
              </label>
            ))}
          </fieldset>
        </>
      );
    }
    case "comparison":
      return (
        <>
          <div className={css.previewGrid}>
            {strings(p.attachments).map((a, i) => (
              <Attachment key={i} type={attachmentType} value={a} />
            ))}
          </div>
          {strings(p.choices).length > 0 && (
            <fieldset className={css.previewChoices}>
              <legend>Choose</legend>
              {strings(p.choices).map((c) => (
                <label key={c} className={css.inline}>
                  <input type="radio" name="preview-choice" /> {c}
                </label>
              ))}
            </fieldset>
          )}
          <PreviewFields fields={p.fields} />
        </>
      );
    case "transcription":
      return (
        <>
          <Attachment type={attachmentType} value={str(p.attachment)} />
          <PreviewFields fields={p.fields} />
          {entries(p.repeatable_fields).length > 0 && (
            <div className={css.previewTableWrap}>
              <table className={`table ${css.previewTable}`}>
                <caption>Repeated rows (the labeler adds one per item)</caption>
                <thead>
                  <tr>
                    {entries(p.repeatable_fields).map(([k, v]) => (
                      <th key={k} scope="col">
                        {k}
                        <div className="faint">{typeof v === "string" ? v : str((v as { description?: unknown }).description)}</div>
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  <tr>
                    {entries(p.repeatable_fields).map(([k, v]) => {
                      const choices = typeof v === "object" && v ? strings((v as { choices?: unknown }).choices) : [];
                      return (
                        <td key={k}>
                          {choices.length ? (
                            <select className="select" aria-label={`${k} (preview)`}>
                              {choices.map((c) => (
                                <option key={c}>{c}</option>
                              ))}
                            </select>
                          ) : (
                            <input className="input" aria-label={`${k} (preview)`} />
                          )}
                        </td>
                      );
                    })}
                  </tr>
                </tbody>
              </table>
            </div>
          )}
        </>
      );
    case "audiotranscription":
      return (
        <>
          <Attachment type="audio" value={str(p.attachment)} />
          <label className={css.previewField}>
            Transcript ({p.verbatim === true ? "verbatim: keep fillers and false starts" : "clean"})
            <textarea className="textarea" rows={4} />
          </label>
          {strings(p.phrases).length > 0 && <p className="faint">Expect these words: {strings(p.phrases).join(", ")}</p>}
        </>
      );
    case "datacollection":
      return (
        <>
          <Attachment type="website" value={str(p.attachment)} />
          <PreviewFields fields={p.fields} />
        </>
      );
    default:
      return null;
  }
}

function PreviewFields({ fields }: { fields: unknown }) {
  const list = entries(fields);
  if (!list.length) return null;
  return (
    <div className={css.previewFieldList}>
      {list.map(([k, v]) => (
        <label key={k} className={css.previewField}>
          {typeof v === "string" ? v : k} <span className="faint mono">{k}</span>
          <input className="input" />
        </label>
      ))}
    </div>
  );
}
