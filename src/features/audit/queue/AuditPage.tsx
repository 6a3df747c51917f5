// /audit: review a random sample of completed, unaudited tasks one at a time. The page wires the
// queue, the decision form and the command registry together; each part renders itself.
import { getRouteApi } from "@tanstack/react-router";
import { useEffect, useState } from "react";
import { useAuditSample, useSeedTasks, type AuditSampleFilters } from "../../../client";
import { ErrorNotice, Instruction, Loading, PageHeader, plural, Section } from "../../tasks";
import { AuditTabs } from "../AuditTabs";
import type { AuditContext } from "../commands";
import { ParamsView } from "../reuse";
import { rememberQueue } from "../lastQueue";
import { DEFAULT_SAMPLE_SIZE, sampleIds, sampleParam } from "../search";
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
      <AuditQueueView key={JSON.stringify(filters)} filters={filters} />
    </>
  );
}

function AuditQueueView({ filters }: { filters: AuditSampleFilters }) {
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const ids = sampleIds(search.sample);
  useEffect(() => {
    if (search.sample) rememberQueue(search);
  }, [search]);
  // Back to the previous sample is one step back in history; a new one is a new entry.
  const drawAgain = () => void navigate({ search: (prev) => ({ ...prev, task: undefined, sample: undefined, pos: undefined }) });
  return (
    <>
      <AuditFilters onDrawAgain={drawAgain} />
      {ids.length === 0 ? (
        <SampleDraw
          filters={filters}
          firstTaskId={search.task}
          // The drawn sample replaces the address without a sample, so Back skips the draw.
          onDrawn={(taskIds) => void navigate({ search: (prev) => ({ ...prev, sample: sampleParam(taskIds), pos: undefined }), replace: true })}
        />
      ) : (
        <SampleReview
          filters={filters}
          taskIds={ids}
          firstTaskId={search.task}
          position={(search.pos ?? 1) - 1}
          onMove={(index) => void navigate({ search: (prev) => ({ ...prev, pos: index > 0 ? index + 1 : undefined }), replace: true })}
          onDrawAgain={drawAgain}
        />
      )}
    </>
  );
}

/** Draws a random sample once, puts its tasks in the cache and its ids in the URL. */
function SampleDraw({
  filters,
  firstTaskId,
  onDrawn,
}: {
  filters: AuditSampleFilters;
  firstTaskId: string | undefined;
  onDrawn: (taskIds: string[]) => void;
}) {
  const sample = useAuditSample(filters);
  const seed = useSeedTasks();
  const docs = sample.data?.docs;
  useEffect(() => {
    if (!docs) return;
    const ids = docs.map((t) => t.task_id);
    const ordered = firstTaskId ? [firstTaskId, ...ids.filter((id) => id !== firstTaskId)] : ids;
    if (ordered.length === 0) return;
    seed(docs);
    onDrawn(ordered);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once per drawn sample
  }, [docs]);

  if (sample.isPending) return <Loading label="Drawing a sample of completed tasks…" />;
  if (sample.isError) return <ErrorNotice error={sample.error} title="The review queue could not be loaded" onRetry={() => void sample.refetch()} />;
  if (sample.data.docs.length === 0 && !firstTaskId) {
    return <EmptyQueue filtered={Boolean(filters.type || filters.project)} onDrawAgain={() => void sample.refetch()} />;
  }
  return <Loading label="Opening the sample…" />;
}

function SampleReview({
  filters,
  taskIds,
  firstTaskId,
  position,
  onMove,
  onDrawAgain,
}: {
  filters: AuditSampleFilters;
  taskIds: readonly string[];
  firstTaskId: string | undefined;
  position: number;
  onMove: (index: number) => void;
  onDrawAgain: () => void;
}) {
  const queue = useAuditQueue(taskIds, position, onMove, firstTaskId);
  const form = useDecisionForm(queue.current, queue.decided);
  const [helpOpen, setHelpOpen] = useState(false);

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
  const failedTitle =
    queue.failedIds.length === 1 && queue.failedIds[0] === firstTaskId
      ? `Task ${firstTaskId} could not be opened`
      : `${plural(queue.failedIds.length, "task")} of this sample could not be loaded`;
  return (
    <>
      {queue.failedIds.length > 0 && !queue.isPending ? <ErrorNotice error={queue.failure} title={failedTitle} onRetry={queue.retry} /> : null}
      {queue.isPending ? (
        <Loading label="Loading the sample's tasks…" />
      ) : queue.tasks.length === 0 ? (
        <EmptyQueue filtered={filtered} onDrawAgain={onDrawAgain} />
      ) : (
        <>
          <QueueBar queue={queue} context={context} />
          {queue.current ? (
            <div className={styles.layout}>
              <div className={styles.mainCol}>
                <AuditTaskView task={queue.current} onShortcutHelp={context.toggleHelp} />
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
            <QueueSummary queue={queue} onDrawAgain={onDrawAgain} />
          )}
        </>
      )}
      <ShortcutHelp open={helpOpen} onClose={() => setHelpOpen(false)} />
    </>
  );
}
