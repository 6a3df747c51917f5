// The wire-name → widget overrides. Every other field is drawn by the generic control of its
// zod kind (FieldControl.tsx); these are the fields where a better editor than the kind's exists.
import { useProjects } from "../../../client";
import { useProjectHistory } from "./project";
import { ATTACHMENT_TYPES, leafLabels, type AttachmentType, type LabelChoice } from "../../../schema";
import { AttachmentInput } from "../attachment/AttachmentInput";
import { AttributesEditor } from "../attributes";
import { InstructionField } from "../instruction/InstructionField";
import { LabelTreeEditor } from "../labels";
import { LayersField } from "../layers/LayersField";
import { MetadataField } from "../metadata/MetadataField";
import { useCreateForm } from "./context";
import type { Widget, WidgetProps } from "./Field";
import css from "../create.module.css";

function attachmentTypeOf(body: Record<string, unknown>, fallback: AttachmentType): AttachmentType {
  const t = body.attachment_type;
  return typeof t === "string" && (ATTACHMENT_TYPES as readonly string[]).includes(t) ? (t as AttachmentType) : fallback;
}

function defaultAttachmentType(spec: WidgetProps["spec"]): AttachmentType {
  return typeof spec.defaultValue === "string" ? (spec.defaultValue as AttachmentType) : "image";
}

function AttachmentWidget({ value, onChange, id, describedBy, spec }: WidgetProps) {
  const { body, type } = useCreateForm();
  // Image-only types carry attachment_type as a literal default; the others choose it.
  const fallback = type === "audiotranscription" ? "audio" : type === "datacollection" ? "website" : defaultAttachmentType(spec);
  return <AttachmentInput id={id} label={`Attachment ${spec.name}`} describedBy={describedBy} type={attachmentTypeOf(body, fallback)} value={typeof value === "string" ? value : ""} onChange={onChange} />;
}

/** Comparison: two or more attachments side by side. */
function AttachmentsWidget({ value, onChange, id, describedBy }: WidgetProps) {
  const { body } = useCreateForm();
  const list = Array.isArray(value) ? value.map((v) => (typeof v === "string" ? v : "")) : [];
  const shown = list.length >= 2 ? list : [...list, ...Array(2 - list.length).fill("")];
  const emit = (next: string[]) => {
    const kept = next.filter((v) => v !== "");
    onChange(kept.length ? kept : undefined);
  };
  return (
    <div className={css.rows}>
      {shown.map((v, i) => (
        <div key={i} className={css.attachmentRow}>
          <AttachmentInput
            id={i === 0 ? id : `${id}-${i}`}
            label={`Attachment ${i + 1} attachments[${i}]`}
            describedBy={describedBy}
            type={attachmentTypeOf(body, "image")}
            value={v}
            onChange={(nv) => emit(shown.map((x, j) => (j === i ? (nv ?? "") : x)))}
          />
          {shown.length > 2 && (
            <button type="button" className="btn btn-sm btn-ghost" onClick={() => emit(shown.filter((_, j) => j !== i))} aria-label={`Remove attachments[${i}]`}>
              Remove
            </button>
          )}
        </div>
      ))}
      <button type="button" className="btn btn-sm" onClick={() => onChange([...shown.filter((x) => x !== ""), ""].length ? [...shown, ""] : undefined)}>
        Add attachment
      </button>
    </div>
  );
}

function LabelsWidget({ spec, value, onChange, error }: WidgetProps) {
  return (
    <LabelTreeEditor
      name={spec.name}
      value={Array.isArray(value) ? value : []}
      onChange={(v) => onChange(v.length ? v : undefined)}
      error={error}
      maxItems={spec.max}
      nested={spec.kind === "labelTree"}
    />
  );
}

LabelsWidget.ownErrors = true;

function CallbackWidget({ value, onChange, id, describedBy, label }: WidgetProps) {
  const { defaultCallbackUrl } = useCreateForm();
  return (
    <input
      id={id}
      aria-label={label}
      aria-describedby={describedBy}
      className="input"
      type="text"
      inputMode="url"
      placeholder={defaultCallbackUrl ? `${defaultCallbackUrl} (the account's default)` : "https://… or an e-mail address"}
      value={typeof value === "string" ? value : ""}
      onChange={(e) => onChange(e.target.value === "" ? undefined : e.target.value)}
    />
  );
}

function ProjectWidget({ value, onChange, id, describedBy, label }: WidgetProps) {
  const { type, setField } = useCreateForm();
  const projects = useProjects();
  const ofType = (projects.data ?? []).filter((p) => p.type === type);
  const current = typeof value === "string" ? value : "";
  const unknown = current !== "" && projects.data !== undefined && !ofType.some((p) => p.name === current);
  return (
    <>
      <select
        id={id}
        aria-label={label}
        aria-describedby={describedBy}
        className="select"
        value={current}
        onChange={(e) => {
          onChange(e.target.value === "" ? undefined : e.target.value);
          setField("project_param_version", undefined);
        }}
      >
        <option value="">No project</option>
        {unknown && <option value={current}>{current} (not a {type} project of this account)</option>}
        {ofType.map((p) => (
          <option key={p.name} value={p.name}>
            {p.name}
          </option>
        ))}
      </select>
      {projects.isError && <p className={css.warning}>Projects could not be loaded.</p>}
      {projects.data && ofType.length === 0 && <p className="faint">This account has no {type} projects yet.</p>}
    </>
  );
}

function VersionWidget({ value, onChange, id, describedBy, label }: WidgetProps) {
  const { body } = useCreateForm();
  const name = typeof body.project === "string" ? body.project : "";
  const history = useProjectHistory(name);
  return (
    <select
      id={id}
      aria-label={label}
      aria-describedby={describedBy}
      className="select"
      disabled={!name}
      value={typeof value === "number" ? String(value) : ""}
      onChange={(e) => onChange(e.target.value === "" ? undefined : Number(e.target.value))}
    >
      <option value="">{name ? `Latest (v${history.length ? history[history.length - 1].version : "…"})` : "Choose a project first"}</option>
      {history.map((h) => (
        <option key={h.version} value={h.version}>
          v{h.version} · {h.created_at.slice(0, 10)}
          {h.instruction ? "" : " · no instruction"}
        </option>
      ))}
      <option value="-1">-1 · inherit nothing</option>
    </select>
  );
}

function AttributesWidget({ value, onChange, error }: WidgetProps) {
  const { body } = useCreateForm();
  const labels = Array.isArray(body.objects_to_annotate) ? leafLabels(body.objects_to_annotate as LabelChoice[]) : [];
  return (
    <AttributesEditor
      value={value && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : {}}
      onChange={(v) => onChange(Object.keys(v).length ? v : undefined)}
      labels={labels}
      error={error}
    />
  );
}
AttributesWidget.ownErrors = true;

export const WIDGETS: Partial<Record<string, Widget>> = {
  attachment: AttachmentWidget,
  attachments: AttachmentsWidget,
  instruction: InstructionField,
  metadata: MetadataField,
  callback_url: CallbackWidget,
  project: ProjectWidget,
  project_param_version: VersionWidget,
  objects_to_annotate: LabelsWidget,
  labels: LabelsWidget,
  instance_labels: LabelsWidget,
  categories: LabelsWidget,
  choices: LabelsWidget,
  annotation_attributes: AttributesWidget,
  layers: LayersField,
};
