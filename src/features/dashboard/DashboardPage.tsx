// `/`: submissions over time (by type and by status), headline totals, completion-time
// percentiles, failed callbacks and status per type, for a date range and project.
import { getRouteApi } from "@tanstack/react-router";
import { useMemo } from "react";
import { useStats, type Stats } from "../../client";
import { TASK_STATUSES, isTaskType, taskTypeRegistry, type TaskStatus, type TaskType } from "../../schema";
import { dayEnd, dayStart, EmptyState, ErrorNotice, Loading, PageHeader, Section } from "../tasks";
import { DailyStackChart, type DayRow, type Series } from "./DailyStackChart";
import { STATUS_COLOR, typeColor } from "./palette";
import { RangeControls } from "./RangeControls";
import { daysBetween, resolveRange, type DayRange } from "./range";
import { StatTiles } from "./StatTiles";
import { StatusByType } from "./StatusByType";
import styles from "./DashboardPage.module.css";

const route = getRouteApi("/");

/** Pivots [{day, key, count}] into one row per day with a column per key, zeros included. */
function pivot(days: readonly string[], items: readonly { day: string; key: string; count: number }[]): DayRow[] {
  const byDay = new Map<string, DayRow>(days.map((day) => [day, { day }]));
  for (const { day, key, count } of items) {
    const row = byDay.get(day);
    if (row) row[key] = (Number(row[key]) || 0) + count;
  }
  return [...byDay.values()];
}

export function DashboardPage() {
  const search = route.useSearch();
  const navigate = useNavigateToTasks();
  const range = resolveRange(search);
  const stats = useStats({ start_time: dayStart(range.from), end_time: dayEnd(range.to), project: search.project });

  return (
    <>
      <PageHeader title="Overview" subtitle="Submissions and their status, by UTC day" />
      <RangeControls range={range} />
      {stats.isPending ? (
        <Loading label="Loading statistics…" />
      ) : stats.isError ? (
        <ErrorNotice error={stats.error} title="Statistics unavailable" onRetry={() => void stats.refetch()} />
      ) : (
        <div aria-busy={stats.isFetching}>
          <Overview stats={stats.data} range={range} project={search.project} onSelect={(f) => navigate({ ...f, range, project: search.project })} />
        </div>
      )}
    </>
  );
}

interface Selection {
  day: string;
  type?: TaskType;
  status?: TaskStatus;
}

function useNavigateToTasks() {
  const navigate = route.useNavigate();
  return ({ day, type, status, project }: Selection & { range: DayRange; project?: string }) =>
    void navigate({ to: "/tasks", search: { from: day, to: day, type, status, project } });
}

function Overview({
  stats,
  range,
  project,
  onSelect,
}: {
  stats: Stats;
  range: DayRange;
  project?: string;
  onSelect: (s: Selection) => void;
}) {
  const days = useMemo(() => daysBetween(range.from, range.to), [range.from, range.to]);
  const types = useMemo(() => [...new Set(stats.per_day.map((r) => r.type))].filter(isTaskType).sort(), [stats]);
  const byType = useMemo(() => pivot(days, stats.per_day.map((r) => ({ day: r.day, key: r.type, count: r.count }))), [days, stats]);
  const byStatus = useMemo(
    () => pivot(days, stats.per_day_status.map((r) => ({ day: r.day, key: r.status, count: r.count }))),
    [days, stats],
  );
  const typeSeries: Series[] = types.map((t) => ({ key: t, label: taskTypeRegistry[t].title, color: typeColor(t) }));
  const statusSeries: Series[] = TASK_STATUSES.map((s) => ({ key: s, label: s, color: STATUS_COLOR[s] }));

  return (
    <>
      <StatTiles stats={stats} range={range} project={project} />
      {stats.totals.all === 0 ? (
        <EmptyState title="No tasks were submitted in this range">Pick a longer range or another project.</EmptyState>
      ) : (
        <>
          <div className={styles.charts}>
            <Section title="Submissions per day, by type">
              <DailyStackChart
                title="Submissions per day, by type"
                rows={byType}
                series={typeSeries}
                onSelect={(day, key) => onSelect({ day, type: isTaskType(key) ? key : undefined })}
              />
            </Section>
            <Section title="Submissions per day, by status">
              <DailyStackChart
                title="Submissions per day, by status"
                rows={byStatus}
                series={statusSeries}
                onSelect={(day, key) => onSelect({ day, status: TASK_STATUSES.find((s) => s === key) })}
              />
            </Section>
          </div>
          <Section title="Status by task type">
            <StatusByType stats={stats} range={range} project={project} />
          </Section>
        </>
      )}
    </>
  );
}
