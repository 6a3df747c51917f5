// /audit: review a random sample of completed, unaudited tasks one at a time. The page wires the
// queue, the decision form and the command registry together; each part renders itself.
import { getRouteApi } from "@tanstack/react-router";
import { useState } from "react";
import type { AuditSampleFilters } from "../../../client";
import { ErrorNotice, Instruction, Loading, PageHeader, Section } from "../../tasks";
import { AuditTabs } from "../AuditTabs";
import type { AuditContext } from "../commands";
import { ParamsView } from "../reuse";
import { DEFAULT_SAMPLE_SIZE } from "../search";
import { AuditFilters } from "./AuditFilters";
import { AuditTaskView } from "./AuditTaskView";
import { DecisionPanel } from "./DecisionPanel";
import { EmptyQueue, QueueSummary } from "./QueueEnd";
import { QueueBar } from "./QueueBar";
import { ShortcutHelp } from "./ShortcutHelp";
import { useAuditQueue } from "./useAuditQueue";
import { useAuditShortcuts } from "./useAuditShortcuts";
import { useDecisionForm } from "./useDecisionForm";
import styles from "../audit.module.css";

const route = getRouteApi("/audit");

export function AuditPage() {
  const search = route.useSearch();
  const filters: AuditSampleFilters = { type: search.type, project: search.project, size: search.size ?? DEFAULT_SAMPLE_SIZE };
  return (
    <>
      <PageHeader title="Quality assurance" subtitle="Approve or reject completed tasks, one at a time" />
      <AuditTabs />
      {/* New filters, new queue: position and decisions belong to one sample. */}
      <AuditQueueView key={JSON.stringify(filters)} filters={filters} firstTaskId={search.task} />
    </>
  );
}

function AuditQueueView({ filters, firstTaskId }: { filters: AuditSampleFilters; firstTaskId: string | undefined }) {
  const navigate = route.useNavigate();
  const queue = useAuditQueue(filters, firstTaskId);
  const form = useDecisionForm(queue.current, queue.decided);
  const [helpOpen, setHelpOpen] = useState(false);
  const drawAgain = () => {
    if (firstTaskId) void navigate({ search: (prev) => ({ ...prev, task: undefined }) });
    queue.drawAgain();
  };

  // With the overlay open only `?` (and Esc) act: nothing is decided behind a modal.
  const context: AuditContext = {
    canDecide: !helpOpen && queue.current?.status === "completed",
    busy: form.busy,
    hasPrevious: !helpOpen && queue.index > 0,
    hasNext: !helpOpen && queue.index < queue.tasks.length,
    approve: form.approve,
    reject: form.reject,
    previous: () => queue.goTo(queue.index - 1),
    next: () => queue.goTo(queue.index + 1),
    toggleHelp: () => setHelpOpen((open) => !open),
  };
  useAuditShortcuts(context);

  const filtered = Boolean(filters.type || filters.project);
  return (
    <>
      <AuditFilters onDrawAgain={drawAgain} />
      {queue.firstError ? <ErrorNotice error={queue.firstError} title={`Task ${firstTaskId} could not be opened`} /> : null}
      {queue.isPending ? (
        <Loading label="Drawing a sample of completed tasks…" />
      ) : queue.error ? (
        <ErrorNotice error={queue.error} title="The review queue could not be loaded" onRetry={queue.retry} />
      ) : queue.tasks.length === 0 ? (
        <EmptyQueue filtered={filtered} onDrawAgain={drawAgain} />
      ) : (
        <>
          <QueueBar queue={queue} context={context} />
          {queue.current ? (
            <div className={styles.layout}>
              <div className={styles.mainCol}>
                <AuditTaskView task={queue.current} />
              </div>
              <div className={styles.sideCol}>
                <DecisionPanel task={queue.current} decision={queue.decisions.get(queue.current.task_id)} form={form} context={context} />
                <Section title="Instruction">
                  <Instruction markdown={queue.current.instruction} />
                </Section>
                <ParamsView task={queue.current} />
              </div>
            </div>
          ) : (
            <QueueSummary queue={queue} onDrawAgain={drawAgain} />
          )}
        </>
      )}
      <ShortcutHelp open={helpOpen} onClose={() => setHelpOpen(false)} />
    </>
  );
}
