// The open task: header (type, project, urgency, who holds it and until when), the instruction
// (collapsible, `i`), the panel, Submit / Skip / Next. Drafts are kept by a DraftSync (server +
// IndexedDB); the lease by useLease. Either may report that the task is gone: a banner says so
// at once and offers the work as a file.
import { memo, useCallback, useEffect, useMemo, useRef, useState } from "react";
import { useNavigate } from "@tanstack/react-router";
import { useQueryClient } from "@tanstack/react-query";
import { taskTypeRegistry } from "../../schema";
import type { WorkConflict, WorkItem } from "../../schema/work";
import { Instruction, PageHeader } from "../tasks";
import { emptyResponse, pathText, validateWorkResponse, workPanelFor, type WorkIssue } from "./panels";
import { WorkError, workApi } from "./api";
import { DraftSync } from "./draftSync";
import { clearLocalDraft, restoreLocalDraft } from "./localDrafts";
import { useLease } from "./useLease";
import { useWorkShortcuts } from "./useWorkShortcuts";
import { ariaKeysOf, keyCapOf } from "../../commands";
import { workCommand, type WorkCommandId } from "./commands";
import { canvasImageOf } from "../tasks";
import { SaveStatus, clock } from "./SaveStatus";
import { SkipDialog, WorkHelp } from "./WorkDialogs";
import { downloadWork } from "./download";
import { filterOf, type WorkSearch } from "./search";
import { workKeys } from "./keys";
import { LeaseBadge } from "./LeaseBadge";
import type { Restored, StartingPoint } from "./startingPoint";
import styles from "./work.module.css";

const AUTO_ADVANCE_KEY = "work.autoAdvance";

type Phase = { kind: "working" } | { kind: "submitting" } | { kind: "submitted"; spentMs: number } | { kind: "gone"; conflict: WorkConflict };

function goneText(c: WorkConflict): string {
  if (c.state === "taken") return `${c.holder?.name ?? "Someone else"} is working on this task now (your lease ran out and they took it).`;
  if (c.state === "canceled") return "This task was canceled while you worked on it.";
  if (c.state === "completed") return "This task was completed by someone else while you worked on it.";
  return c.error;
}

function minutes(ms: number): string {
  const s = Math.round(ms / 1000);
  return s < 60 ? `${s} s` : `${Math.floor(s / 60)} min ${s % 60} s`;
}

export function Workbench({ item, start, filter }: { item: WorkItem; start: StartingPoint; filter: WorkSearch }) {
  const task = item.task;
  const navigate = useNavigate();
  const qc = useQueryClient();
  const mineAtOpen = item.lease === null || item.lease.mine || Date.parse(item.lease.expires_at) <= Date.now();
  const [phase, setPhase] = useState<Phase>(() =>
    task.status !== "pending" ? { kind: "gone", conflict: { status_code: 409, error: `task is ${task.status}`, state: task.status } } : mineAtOpen ? { kind: "working" } : { kind: "gone", conflict: { status_code: 409, error: "taken", state: "taken", holder: item.lease?.holder } },
  );
  const [response, setResponse] = useState<unknown>(start.response);
  const responseRef = useRef(response);
  responseRef.current = response;
  const [issues, setIssues] = useState<WorkIssue[]>([]);
  const [focusIssue, setFocusIssue] = useState<WorkIssue | null>(null);
  const [serverError, setServerError] = useState<string | null>(null);
  const [instructionOpen, setInstructionOpen] = useState(true);
  const [helpOpen, setHelpOpen] = useState(false);
  const [skipOpen, setSkipOpen] = useState(false);
  const [skipBusy, setSkipBusy] = useState(false);
  const [skipError, setSkipError] = useState<string | null>(null);
  const [restored, setRestored] = useState<Restored | null>(start.restored);
  const [autoAdvance, setAutoAdvance] = useState(() => localStorage.getItem(AUTO_ADVANCE_KEY) === "1");
  const [nextError, setNextError] = useState<string | null>(null);

  const onGone = useCallback((conflict: WorkConflict) => setPhase({ kind: "gone", conflict }), []);
  const [sync] = useState(() => new DraftSync(task.task_id, start, onGone));
  useEffect(() => {
    sync.start();
    return () => sync.dispose();
  }, [sync]);
  useEffect(() => {
    if (phase.kind === "gone") sync.markGone();
  }, [phase.kind, sync]);

  const working = phase.kind === "working" || phase.kind === "submitting";
  const lease = useLease(task.task_id, item.lease, phase.kind === "working", onGone);

  // Closing the tab with changes the server hasn't confirmed asks first.
  useEffect(() => {
    const onBeforeUnload = (e: BeforeUnloadEvent) => {
      if (sync.snapshot().unsaved > 0) {
        e.preventDefault();
        e.returnValue = "";
      }
    };
    window.addEventListener("beforeunload", onBeforeUnload);
    return () => window.removeEventListener("beforeunload", onBeforeUnload);
  }, [sync]);

  const onChange = useCallback(
    (next: unknown) => {
      setResponse(next);
      sync.change(next);
      setRestored(null);
      // Findings shown from the last Submit follow the edits, so a fixed one disappears.
      setIssues((shown) => (shown.length ? validateWorkResponse(task, next) : shown));
    },
    [sync, task],
  );

  const goNext = useCallback(async () => {
    setNextError(null);
    try {
      const next = await workApi.next(filterOf(filter));
      void qc.invalidateQueries({ queryKey: workKeys.queue() });
      if (next.item) {
        // The next task may be one this browser kept work of (held from an earlier, closed tab).
        qc.setQueryData(workKeys.item(next.item.task.task_id), { item: next.item, local: await restoreLocalDraft(next.item.task.task_id) });
        await navigate({ to: "/work/$taskId", params: { taskId: next.item.task.task_id }, search: filterOf(filter) });
      } else {
        await navigate({ to: "/work", search: { ...filterOf(filter), note: next.reason ?? "Nothing left to label." } });
      }
    } catch (error) {
      setNextError(error instanceof Error ? error.message : "Could not get the next task.");
    }
  }, [filter, navigate, qc]);

  const submit = useCallback(async () => {
    const answer = responseRef.current ?? emptyResponse(task);
    const found = validateWorkResponse(task, answer);
    setIssues(found);
    setServerError(null);
    if (found.length) {
      setFocusIssue(found[0]);
      return;
    }
    setPhase({ kind: "submitting" });
    try {
      const done = await workApi.submit(task.task_id, answer);
      sync.done();
      await clearLocalDraft(task.task_id);
      void qc.invalidateQueries({ queryKey: workKeys.all() });
      setPhase({ kind: "submitted", spentMs: done.time_spent_ms });
      if (autoAdvance) void goNext();
    } catch (error) {
      if (error instanceof WorkError && error.conflict && error.conflict.state !== "stale") {
        setPhase({ kind: "gone", conflict: error.conflict });
        return;
      }
      // The server's own words, verbatim: it validated again and refused.
      setServerError(error instanceof Error ? error.message : String(error));
      setPhase({ kind: "working" });
    }
  }, [autoAdvance, goNext, qc, sync, task]);

  const skip = useCallback(
    async (reason: string) => {
      setSkipBusy(true);
      setSkipError(null);
      try {
        await sync.flush();
        await workApi.skip(task.task_id, reason);
        setSkipOpen(false);
        await goNext();
      } catch (error) {
        if (error instanceof WorkError && error.conflict) {
          setSkipOpen(false);
          setPhase({ kind: "gone", conflict: error.conflict });
        } else setSkipError(error instanceof Error ? error.message : String(error));
      } finally {
        setSkipBusy(false);
      }
    },
    [goNext, sync, task.task_id],
  );

  // Stable: the panel is memoised, and its canvas sends its `?` and Keys button here.
  const toggleHelp = useCallback(() => setHelpOpen((o) => !o), []);
  const download = useCallback(() => downloadWork(task.task_id, task.type, responseRef.current), [task.task_id, task.type]);

  useWorkShortcuts(
    {
      canSubmit: phase.kind === "working",
      canSkip: phase.kind === "working",
      canNext: phase.kind === "submitted" || phase.kind === "gone",
      submit: () => void submit(),
      skip: () => setSkipOpen(true),
      next: () => void goNext(),
      toggleInstruction: () => setInstructionOpen((o) => !o),
      toggleHelp,
      download,
    },
    !skipOpen,
  );

  // One component per type; memo so save-status and lease ticks never re-render the panel.
  const Panel = useMemo(() => memo(workPanelFor(task.type)), [task.type]);
  const def = taskTypeRegistry[task.type];
  const keyHint = (id: WorkCommandId) => keyCapOf(workCommand(id));

  return (
    <div className={styles.bench}>
      <PageHeader
        title={def.title}
        subtitle={
          <span className={styles.meta}>
            <span className={`badge ${task.urgency === "express" ? "badge-warning" : ""}`}>{task.urgency}</span>
            {task.project ? <span>Project {task.project}</span> : <span className="faint">No project</span>}
            <code className={styles.taskId}>{task.task_id}</code>
            <LeaseBadge lease={lease.lease} unreachable={lease.unreachable} active={phase.kind === "working"} />
          </span>
        }
        actions={
          <div className={styles.headerActions}>
            <SaveStatus sync={sync} />
            <button type="button" className="btn btn-sm btn-ghost" onClick={() => setHelpOpen(true)} aria-keyshortcuts={ariaKeysOf(workCommand("help"))}>
              Shortcuts <kbd>{keyHint("help")}</kbd>
            </button>
          </div>
        }
      />

      {phase.kind === "gone" ? (
        <div className={styles.goneBanner} role="alert" data-testid="gone-banner">
          <div>
            <strong>{goneText(phase.conflict)}</strong>
            <div>Your work is not lost: download it as a file to keep it.</div>
          </div>
          <div className={styles.bannerActions}>
            <button type="button" className="btn btn-primary" onClick={download}>
              Download my work
            </button>
            <button type="button" className="btn" onClick={() => void goNext()}>
              Next task <kbd>{keyHint("next")}</kbd>
            </button>
          </div>
        </div>
      ) : null}

      {restored ? (
        <div className={styles.restored} role="status" data-testid="draft-restored">
          Draft from {clock(restored.at)} restored{restored.from === "browser" ? " (kept in this browser; sending it to the server)" : restored.by ? ` (saved by ${restored.by})` : ""}.
          <button type="button" className="btn btn-sm btn-ghost" onClick={() => setRestored(null)} aria-label="Dismiss">
            ×
          </button>
        </div>
      ) : null}

      <ConflictBar sync={sync} taskId={task.task_id} onTheirs={(r) => setResponse(r)} />

      <section className={`card ${styles.instruction}`} aria-labelledby="work-instruction-title">
        <div className="card-header">
          <h2 id="work-instruction-title">Instruction</h2>
          <button type="button" className="btn btn-sm btn-ghost" aria-expanded={instructionOpen} aria-controls="work-instruction" onClick={() => setInstructionOpen((o) => !o)}>
            {instructionOpen ? "Hide" : "Show"} <kbd>{keyHint("instruction")}</kbd>
          </button>
        </div>
        {instructionOpen ? (
          <div className="card-body" id="work-instruction">
            <Instruction markdown={task.instruction} />
          </div>
        ) : null}
      </section>

      <div className={styles.panel}>
        <Panel task={task} response={response} onChange={onChange} issues={issues} focusIssue={focusIssue} readOnly={!working} onShortcutHelp={toggleHelp} onMaskUploads={sync.uploads} />
      </div>

      {issues.length ? (
        <div className={styles.issues} role="alert" data-testid="work-issues">
          <strong>
            {issues.length} problem{issues.length === 1 ? "" : "s"} to fix before submitting:
          </strong>
          <ul>
            {issues.map((issue, i) => (
              <li key={i}>
                <button type="button" className={styles.issueLink} onClick={() => setFocusIssue({ ...issue })}>
                  {issue.path.length ? <code>{pathText(issue.path)}</code> : null} {issue.message}
                </button>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {serverError ? (
        <div className={styles.serverError} role="alert" data-testid="server-refusal">
          <strong>The server refused the answer:</strong> {serverError}
        </div>
      ) : null}

      <footer className={styles.actionBar}>
        {phase.kind === "submitted" ? (
          <>
            <span className={styles.done} role="status">
              Submitted — time spent {minutes(phase.spentMs)}.
            </span>
            <button type="button" className="btn btn-primary" onClick={() => void goNext()} data-testid="next-task" autoFocus>
              Next task <kbd>{keyHint("next")}</kbd>
            </button>
          </>
        ) : (
          <>
            <button type="button" className="btn btn-primary" onClick={() => void submit()} disabled={phase.kind !== "working"} data-testid="submit">
              {phase.kind === "submitting" ? "Submitting…" : "Submit"} <kbd>{keyHint("submit")}</kbd>
            </button>
            <button type="button" className="btn" onClick={() => setSkipOpen(true)} disabled={phase.kind !== "working"}>
              Skip <kbd>{keyHint("skip")}</kbd>
            </button>
          </>
        )}
        <label className={styles.autoAdvance}>
          <input
            type="checkbox"
            checked={autoAdvance}
            onChange={(e) => {
              setAutoAdvance(e.target.checked);
              localStorage.setItem(AUTO_ADVANCE_KEY, e.target.checked ? "1" : "0");
            }}
          />
          Open the next task after submitting
        </label>
        {nextError ? (
          <span className={styles.errorText} role="alert">
            {nextError}
          </span>
        ) : null}
      </footer>

      <SkipDialog open={skipOpen} busy={skipBusy} error={skipError} onClose={() => setSkipOpen(false)} onSkip={(r) => void skip(r)} />
      <WorkHelp open={helpOpen} onClose={() => setHelpOpen(false)} type={task.type} image={canvasImageOf(task) !== null} />
    </div>
  );
}

/** A stale save: keep mine (overwrite knowingly) or take the newer draft from the server. */
function ConflictBar({ sync, taskId, onTheirs }: { sync: DraftSync; taskId: string; onTheirs(response: unknown): void }) {
  const [status, setStatus] = useState(sync.snapshot().status);
  useEffect(() => sync.subscribe(() => setStatus(sync.snapshot().status)), [sync]);
  const [error, setError] = useState<string | null>(null);
  if (status !== "conflict") return null;
  const takeTheirs = async () => {
    try {
      const { draft } = await workApi.draft(taskId);
      if (!draft) return sync.keepMine();
      sync.takeTheirs(draft.version, draft.saved_at, draft.response);
      onTheirs(draft.response);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };
  return (
    <div className={styles.conflict} role="alert" data-testid="draft-conflict">
      <span>A newer draft of this task was saved in another tab or by another device. Which one should stay?</span>
      <button type="button" className="btn btn-sm btn-primary" onClick={() => sync.keepMine()}>
        Keep mine
      </button>
      <button type="button" className="btn btn-sm" onClick={() => void takeTheirs()}>
        Load the newer one
      </button>
      {error ? <span className={styles.errorText}>{error}</span> : null}
    </div>
  );
}
