// Many tasks of the current form from a CSV or JSON Lines file: read → map columns → dry run
// (the server's rules, every row) → send the good rows → per-row report. Each step's work lives
// in its own module (parse, mapping, dryRun, send, report); this component holds the steps' state.
import { useEffect, useMemo, useRef, useState } from "react";
import { useQueryClient } from "@tanstack/react-query";
import { createTask, describeError, listTasks, useAccount } from "../../../client";
import type { TaskType } from "../../../schema";
import { fieldsOf } from "../form/walk";
import { dryRun, type PreparedRow } from "./dryRun";
import { autoMap, type ColumnMapping } from "./mapping";
import { MappingTable } from "./MappingTable";
import { parseBatchFile, type ParsedFile } from "./parse";
import { contextForBody, fetchProjects } from "./projects";
import { downloadText, reportCsv, reportLines } from "./report";
import { BatchSender, type RowOutcome, type SendProgress } from "./send";
import { SendStatus } from "./SendStatus";
import { InvalidRows } from "./InvalidRows";
import css from "./batch.module.css";

export interface BatchPanelProps {
  taskType: TaskType;
  /** The form's current create body: the default of every field a row doesn't fill. */
  defaults: Record<string, unknown>;
}

interface Checked {
  rows: PreparedRow[];
  good: PreparedRow[];
  /** What the rows were checked against: a change to the form or the mapping asks for a new check. */
  key: string;
}

const PROGRESS_EVERY_MS = 100;

export function BatchPanel({ taskType, defaults }: BatchPanelProps) {
  const queryClient = useQueryClient();
  const fields = useMemo(() => fieldsOf(taskType), [taskType]);
  const kinds = useMemo(() => new Map(fields.map((f) => [f.name, f.kind])), [fields]);
  const account = useAccount();
  // Unknown (no permission to read the account): the server decides; don't claim it's required.
  const hasDefaultCallback = account.data ? account.data.default_callback_url !== null : true;

  const [file, setFile] = useState<ParsedFile | null>(null);
  const [mapping, setMapping] = useState<ColumnMapping[]>([]);
  const [readingRows, setReadingRows] = useState<number | null>(null);
  const [checkingRows, setCheckingRows] = useState<number | null>(null);
  const [checked, setChecked] = useState<Checked | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [sender, setSender] = useState<BatchSender | null>(null);
  const [progress, setProgress] = useState<SendProgress | null>(null);
  const [outcomes, setOutcomes] = useState<RowOutcome[] | null>(null);
  const dropRef = useRef<HTMLLabelElement>(null);

  const checkKey = useMemo(() => JSON.stringify([mapping, defaults, hasDefaultCallback]), [mapping, defaults, hasDefaultCallback]);
  const stale = checked !== null && checked.key !== checkKey;
  const busy = readingRows !== null || checkingRows !== null || (sender !== null && outcomes === null);

  // Leaving the page mid-batch would stop it: ask first, and stop cleanly if it happens anyway.
  useEffect(() => {
    if (!sender || outcomes) return;
    const warn = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener("beforeunload", warn);
    return () => {
      window.removeEventListener("beforeunload", warn);
    };
  }, [sender, outcomes]);
  useEffect(() => () => sender?.cancel(), [sender]);

  const reset = () => {
    setFile(null);
    setMapping([]);
    setChecked(null);
    setSender(null);
    setProgress(null);
    setOutcomes(null);
    setError(null);
  };

  const read = async (picked: File) => {
    reset();
    setReadingRows(0);
    try {
      const parsed = await parseBatchFile(picked, setReadingRows);
      if (parsed.rows.length === 0) throw new Error(`“${picked.name}” has no rows`);
      setFile(parsed);
      setMapping(autoMap(parsed.columns, fields));
    } catch (e) {
      setError(describeError(e));
    } finally {
      setReadingRows(null);
    }
  };

  const check = async () => {
    if (!file) return;
    setError(null);
    setCheckingRows(0);
    try {
      // Every project the rows name (the form's, or a column's), read once, as the rows are checked against its template.
      const projectColumns = mapping.filter((m) => m.target.kind === "field" && m.target.name === "project").map((m) => m.column);
      const names = [typeof defaults.project === "string" ? defaults.project : "", ...file.rows.flatMap((r) => projectColumns.map((c) => r[c]))];
      const projects = await fetchProjects(names.filter((n): n is string => typeof n === "string" && n.trim() !== ""));
      const contextFor = (body: Record<string, unknown>) => contextForBody(body, taskType, hasDefaultCallback, projects);
      const rows = await dryRun({ type: taskType, file, mapping, defaults, kinds, contextFor }, setCheckingRows);
      setChecked({ rows, good: rows.filter((r) => r.errors.length === 0), key: checkKey });
    } catch (e) {
      setError(describeError(e));
    } finally {
      setCheckingRows(null);
    }
  };

  const send = () => {
    if (!checked || checked.good.length === 0) return;
    const next = new BatchSender(checked.good, {
      create: (body) => createTask(taskType, body),
      findByUniqueId: async (uniqueId) => (await listTasks({ unique_id: uniqueId, limit: 1 })).docs[0]?.task_id ?? null,
    });
    // Ten thousand rows settle faster than React should re-render: show the latest counts at most every 100 ms.
    let pending: ReturnType<typeof setTimeout> | null = null;
    next.onProgress((p) => {
      if (p.state === "done" || p.state === "canceled" || p.state === "paused" || p.state === "canceling") {
        if (pending) clearTimeout(pending);
        pending = null;
        setProgress(p);
      } else if (!pending) {
        pending = setTimeout(() => {
          pending = null;
          setProgress(next.progress());
        }, PROGRESS_EVERY_MS);
      }
    });
    setSender(next);
    setProgress(next.progress());
    setOutcomes(null);
    void next.run().then((result) => {
      setOutcomes(result);
      void queryClient.invalidateQueries({ queryKey: ["tasks"] });
    });
  };

  const downloadReport = () => {
    if (!checked || !file) return;
    const base = file.name.replace(/\.[^.]+$/, "");
    downloadText(reportCsv(reportLines(checked.rows, outcomes ?? [])), `${base}-report.csv`);
  };

  const bad = checked ? checked.rows.length - checked.good.length : 0;
  return (
    <section className={css.panel} aria-labelledby="batch-title">
      <div className={css.header}>
        <h3 id="batch-title" className={css.title}>
          Create many from a file
        </h3>
        <p className={css.hint}>
          CSV or JSON Lines, one task per row. Map the file's columns to fields; this form's values are the defaults for the rest. Every row is
          checked before anything is sent, and carries a unique_id, so sending the same file again creates nothing twice.
        </p>
      </div>
      <div className={css.body}>
        <label
          ref={dropRef}
          className={css.drop}
          onDragOver={(e) => {
            e.preventDefault();
            dropRef.current?.classList.add(css.dragging);
          }}
          onDragLeave={() => dropRef.current?.classList.remove(css.dragging)}
          onDrop={(e) => {
            e.preventDefault();
            dropRef.current?.classList.remove(css.dragging);
            const dropped = e.dataTransfer.files[0];
            if (dropped && !busy) void read(dropped);
          }}
        >
          <span>Drop a .csv or .jsonl file here, or pick one</span>
          <input
            type="file"
            accept=".csv,.tsv,.txt,.jsonl,.ndjson,.json,text/csv"
            aria-label="Batch file (CSV or JSON Lines)"
            disabled={busy}
            onChange={(e) => {
              const picked = e.target.files?.[0];
              e.target.value = "";
              if (picked) void read(picked);
            }}
          />
        </label>
        {readingRows !== null && <p role="status">Reading… {readingRows.toLocaleString()} rows</p>}
        {error && (
          <p role="alert" className={css.bad}>
            {error}
          </p>
        )}

        {file && (
          <>
            <p className={css.fileLine}>
              <strong>{file.name}</strong>: {file.rows.length.toLocaleString()} rows, {file.columns.length} columns.{" "}
              <span className="muted">Lists go in a cell as JSON (["car","truck"]) or separated by |; empty cells keep the form's value.</span>
            </p>
            <MappingTable mapping={mapping} fields={fields} sample={file.rows[0]} disabled={sender !== null && outcomes === null} onChange={setMapping} />
            <div className={css.actions}>
              <button type="button" className="btn" onClick={() => void check()} disabled={busy}>
                Check {file.rows.length.toLocaleString()} rows
              </button>
              {checkingRows !== null && <span role="status">Checking… {checkingRows.toLocaleString()}</span>}
            </div>
          </>
        )}

        {checked && (
          <>
            <p role="status" data-testid="batch-dry-run">
              <strong>{checked.good.length.toLocaleString()}</strong> rows are valid
              {bad > 0 && (
                <>
                  , <strong className={css.bad}>{bad.toLocaleString()}</strong> are not and will be skipped
                </>
              )}
              .{stale && <span className={css.bad}> The form or the mapping changed since: check again before sending.</span>}
            </p>
            {bad > 0 && <InvalidRows rows={checked.rows} />}
            {!sender && (
              <div className={css.actions}>
                <button type="button" className="btn btn-primary" onClick={send} disabled={busy || stale || checked.good.length === 0}>
                  Create {checked.good.length.toLocaleString()} tasks
                </button>
              </div>
            )}
          </>
        )}

        {sender && progress && checked && (
          <SendStatus
            total={checked.good.length}
            progress={progress}
            onPause={() => sender.pause()}
            onResume={() => sender.resume()}
            onCancel={() => sender.cancel()}
            onReport={downloadReport}
          />
        )}
        {outcomes && (
          <div className={css.actions}>
            <button type="button" className="btn btn-ghost" onClick={reset}>
              Start another batch
            </button>
          </div>
        )}
      </div>
    </section>
  );
}
