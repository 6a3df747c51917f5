// The response, readable per type. Each type's response is checked against its schema from
// the registry; if it doesn't match (or the task failed) we show what we can and the JSON.
import { useState } from "react";
import { ErrorResponse, taskTypeRegistry, type Task } from "../../../schema";
import { AnnotationTable, MaskSummary } from "./AnnotationResponse";
import { Chips, FieldList, ValueView } from "./ValueView";
import { Section } from "./Section";
import styles from "./detail.module.css";

export function ResponseView({ task }: { task: Task }) {
  const [raw, setRaw] = useState(false);
  const toggle = (
    <button type="button" className="btn btn-sm btn-ghost" aria-pressed={raw} onClick={() => setRaw((r) => !r)}>
      {raw ? "Readable" : "Raw JSON"}
    </button>
  );
  if (!task.response) {
    const why =
      task.status === "pending"
        ? "The task is still pending; the response appears when it is completed."
        : task.status === "canceled"
          ? "The task was canceled before it was completed."
          : "No response was recorded.";
    return (
      <Section title="Response">
        <p className="muted">{why}</p>
      </Section>
    );
  }
  return (
    <Section title="Response" actions={toggle}>
      {raw ? <pre aria-label="Response as JSON" tabIndex={0}>{JSON.stringify(task.response, null, 2)}</pre> : <Readable task={task} response={task.response} />}
    </Section>
  );
}

function Readable({ task, response }: { task: Task; response: Record<string, unknown> }) {
  if (task.status === "error") {
    const failure = ErrorResponse.safeParse(response);
    if (failure.success) return <FailureView failure={failure.data} />;
  }
  const def = taskTypeRegistry[task.type];
  const parsed = def.response.safeParse(response);
  if (!parsed.success) {
    return (
      <>
        <p className={styles.warn}>The response doesn't match the {def.title.toLowerCase()} format; showing it as is.</p>
        <FieldList data={response} />
      </>
    );
  }
  switch (task.type) {
    case "annotation":
    case "pointannotation":
    case "lineannotation":
    case "polygonannotation":
    case "cuboidannotation":
      return <AnnotationTable kind={def.geometry ?? "box"} annotations={readAnnotations(response)} />;
    case "segmentannotation":
      return <MaskSummary response={response} />;
    case "categorization": {
      const category = response.category;
      return (
        <dl className="kv">
          <dt>Category</dt>
          <dd>{Array.isArray(category) ? <Chips items={category.map(String)} /> : <strong>{String(category)}</strong>}</dd>
          {response.category_id !== undefined ? (
            <>
              <dt>Category id</dt>
              <dd>
                <ValueView value={response.category_id} />
              </dd>
            </>
          ) : null}
        </dl>
      );
    }
    case "audiotranscription":
      return (
        <dl className="kv">
          <dt>Transcript</dt>
          <dd className={styles.pre}>{String(response.transcript)}</dd>
          {typeof response.duration === "number" ? (
            <>
              <dt>Duration</dt>
              <dd>{response.duration} s</dd>
            </>
          ) : null}
        </dl>
      );
    case "transcription":
      return <TranscriptionView response={response} />;
    default:
      // comparison (choice + fields) and datacollection (fields) read well as a field list.
      return <FieldList data={response} order={["choice", "fields"]} />;
  }
}

function readAnnotations(response: Record<string, unknown>): readonly Record<string, unknown>[] {
  const list = response.annotations;
  return Array.isArray(list) ? list.filter((a): a is Record<string, unknown> => typeof a === "object" && a !== null) : [];
}

function TranscriptionView({ response }: { response: Record<string, unknown> }) {
  const rows = Array.isArray(response.repeatable_fields)
    ? response.repeatable_fields.filter((r): r is Record<string, unknown> => typeof r === "object" && r !== null)
    : [];
  const columns = [...new Set(rows.flatMap((r) => Object.keys(r)))];
  return (
    <>
      {response.fields ? <ValueView value={response.fields} /> : null}
      {rows.length ? (
        <table className="table" aria-label="Repeatable fields">
          <thead>
            <tr>
              {columns.map((c) => (
                <th key={c}>{c}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row, i) => (
              <tr key={i}>
                {columns.map((c) => (
                  <td key={c}>{row[c] === undefined ? "" : String(row[c])}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </>
  );
}

function FailureView({ failure }: { failure: ErrorResponse }) {
  return (
    <>
      <p className={styles.warn}>{failure.error}</p>
      {failure.attachments?.length ? (
        <table className="table">
          <thead>
            <tr>
              <th>Attachment</th>
              <th className="num">HTTP status</th>
            </tr>
          </thead>
          <tbody>
            {failure.attachments.map((a) => (
              <tr key={a.url}>
                <td className="mono">{a.url}</td>
                <td className="num">{a.statusCode ?? (a.error ? `no answer: ${a.error}` : "no answer")}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </>
  );
}
