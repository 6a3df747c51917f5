// params.layers: read-only shapes pre-drawn on the image. Drawn with the editing engine — one
// EditableCanvas of the kind's task type edits that kind while the other kinds are passed as its
// read-only layers — or pasted as JSON, or taken from a finished task's response.
import { useMemo, useRef, useState } from "react";
import { EditableCanvas } from "../../../canvas";
import { describeError, getTask } from "../../../client";
import { describeZodError, isHttpUrl, Layers, leafLabels, taskTypeRegistry, type LabelChoice } from "../../../schema";
import type { WidgetProps } from "../form/Field";
import { useCreateForm } from "../form/context";
import { countLayers, EDITOR_TYPE, entriesOf, KIND_LABEL, LAYER_KINDS, layerKindOfType, toLayerEntries, withKind, type LayerKind } from "./convert";
import css from "../create.module.css";

/** Labels offered while drawing layers: the task's own leaves when it has them (capped to what the editor's type takes). */
function layerLabels(body: Record<string, unknown>, kind: LayerKind): string[] {
  const raw = body.objects_to_annotate ?? body.labels ?? body.categories;
  const leaves = Array.isArray(raw) ? [...new Set(leafLabels(raw as LabelChoice[]))] : [];
  const max = kind === "lines" ? 3 : 6;
  return leaves.length ? leaves.slice(0, max) : ["layer"];
}

export function LayersField({ value, onChange, id, describedBy }: WidgetProps) {
  const { body, type } = useCreateForm();
  const [kind, setKind] = useState<LayerKind>("boxes");
  // A new editor session starts when the kind, the image or the labels change, or layers come from elsewhere.
  const [session, setSession] = useState(0);
  const valueRef = useRef(value);
  valueRef.current = value;
  const attachment = typeof body.attachment === "string" && isHttpUrl(body.attachment) ? body.attachment : null;
  const imageOnly = body.attachment_type === undefined || body.attachment_type === "image";
  const labels = layerLabels(body, kind);
  const labelsKey = labels.join("\u0001");

  const canvas = useMemo(() => {
    if (!attachment) return null;
    const current = valueRef.current;
    const others: Record<string, unknown> = {};
    for (const k of LAYER_KINDS) if (k !== kind && entriesOf(current, k).length) others[k] = entriesOf(current, k);
    return {
      key: `${kind}:${session}:${attachment}:${labelsKey}`,
      params: { attachment, objects_to_annotate: labelsKey.split("\u0001"), with_labels: true, ...(Object.keys(others).length ? { layers: others } : {}) },
      response: { annotations: entriesOf(current, kind) },
    };
  }, [attachment, kind, session, labelsKey]);

  const replace = (next: unknown) => {
    onChange(next);
    setSession((s) => s + 1);
  };

  if (!imageOnly) {
    return <p className="faint">Layers are drawn only on image attachments (attachment_type image).</p>;
  }
  return (
    <div className={css.layers}>
      <div className={css.tabs} role="radiogroup" aria-label="Layer kind to draw">
        {LAYER_KINDS.map((k) => (
          <label key={k} className={`${css.kindOption} ${k === kind ? css.tabOn : ""}`}>
            <input
              type="radio"
              name={`${id}-kind`}
              value={k}
              checked={k === kind}
              onChange={() => setKind(k)}
              aria-label={`${KIND_LABEL[k]} (${entriesOf(value, k).length}) layers.${k}`}
            />
            {KIND_LABEL[k]} ({entriesOf(value, k).length})
          </label>
        ))}
        <span className="faint" data-testid="layer-count">
          {countLayers(value)} layer objects
        </span>
      </div>
      {canvas ? (
        <div className={css.layerCanvas} data-testid="layers-canvas" aria-describedby={describedBy}>
          <EditableCanvas
            key={canvas.key}
            taskType={EDITOR_TYPE[kind]}
            params={canvas.params}
            response={canvas.response}
            height={420}
            onChange={(response) => onChange(withKind(valueRef.current, kind, toLayerEntries(kind, response.annotations)))}
          />
        </div>
      ) : (
        <p className="faint">Give an image URL in attachment to draw layers on it; pasting them as JSON works meanwhile.</p>
      )}
      <div className={css.layerTools}>
        <PasteLayers current={value} onApply={replace} />
        <TaskAsLayers current={value} onApply={replace} />
        {countLayers(value) > 0 && (
          <button type="button" className="btn btn-sm btn-ghost" onClick={() => replace(undefined)}>
            Remove all layers
          </button>
        )}
      </div>
      {type === "categorization" && <p className="faint">Categorization shows layers only when attachment_type is image.</p>}
    </div>
  );
}

function PasteLayers({ current, onApply }: { current: unknown; onApply(v: unknown): void }) {
  const [open, setOpen] = useState(false);
  const [text, setText] = useState("");
  const [problem, setProblem] = useState<string | null>(null);
  const apply = () => {
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch (e) {
      setProblem(`layers: not valid JSON (${(e as Error).message})`);
      return;
    }
    const result = Layers.safeParse(parsed);
    if (!result.success) {
      setProblem(describeZodError(result.error, parsed, ["layers"]));
      return;
    }
    setProblem(null);
    setOpen(false);
    onApply(Object.keys(parsed as object).length ? parsed : undefined);
  };
  if (!open) {
    return (
      <button
        type="button"
        className="btn btn-sm"
        onClick={() => {
          setText(JSON.stringify(current ?? { boxes: [] }, null, 2));
          setOpen(true);
        }}
      >
        Paste layers as JSON…
      </button>
    );
  }
  return (
    <div className={css.pastePanel}>
      <label className={css.subLabel} htmlFor="layers-json">
        Layers JSON <code>layers</code> (replaces the current layers)
      </label>
      <textarea id="layers-json" className={`textarea mono ${css.json}`} rows={6} spellCheck={false} value={text} onChange={(e) => setText(e.target.value)} />
      {problem && (
        <p role="alert" className={css.error} data-testid="layers-json-error">
          {problem}
        </p>
      )}
      <div className={css.row}>
        <button type="button" className="btn btn-sm btn-primary" onClick={apply}>
          Use these layers
        </button>
        <button type="button" className="btn btn-sm btn-ghost" onClick={() => setOpen(false)}>
          Cancel
        </button>
      </div>
    </div>
  );
}

/** The docs' chaining example: a finished box task's boxes become the next task's layers. */
function TaskAsLayers({ current, onApply }: { current: unknown; onApply(v: unknown): void }) {
  const [taskId, setTaskId] = useState("");
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ error: boolean; text: string } | null>(null);
  const take = async () => {
    setBusy(true);
    setMessage(null);
    try {
      const task = await getTask(taskId.trim());
      const kind = layerKindOfType(task.type);
      if (!kind) {
        const what = taskTypeRegistry[task.type].title.toLowerCase();
        throw new Error(`task ${task.task_id} is a ${task.type} task (${what}); layers hold boxes, lines, polygons and cuboids only`);
      }
      const annotations = (task.response as { annotations?: unknown } | undefined)?.annotations;
      if (task.status !== "completed" || !Array.isArray(annotations)) {
        throw new Error(`task ${task.task_id} is ${task.status} and has no response to take yet`);
      }
      const entries = toLayerEntries(kind, annotations);
      onApply(withKind(current, kind, [...entriesOf(current, kind), ...entries]));
      setMessage({ error: false, text: `Added ${entries.length} ${kind} from task ${task.task_id}.` });
    } catch (e) {
      setMessage({ error: true, text: describeError(e) });
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className={css.row}>
      <label className="visually-hidden" htmlFor="layers-task-id">
        Task id whose response becomes layers
      </label>
      <input id="layers-task-id" className={`input mono ${css.taskId}`} placeholder="task id" value={taskId} onChange={(e) => setTaskId(e.target.value)} />
      <button type="button" className="btn btn-sm" disabled={busy || !/^[0-9a-f]{24}$/i.test(taskId.trim())} onClick={() => void take()}>
        Take its response as layers
      </button>
      {message && (
        <span role={message.error ? "alert" : "status"} className={message.error ? css.error : "faint"}>
          {message.text}
        </span>
      )}
    </div>
  );
}
