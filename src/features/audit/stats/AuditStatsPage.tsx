// /audit/stats: approved and rejected decisions over time, the approval rate per task type or
// project, and the totals per type × project, for a UTC day range.
import { getRouteApi } from "@tanstack/react-router";
import { useMemo } from "react";
import { useAuditStats, type AuditStats } from "../../../client";
import { isTaskType, taskTypeRegistry } from "../../../schema";
import { dayEnd, dayStart, EmptyState, ErrorNotice, formatNumber, Loading, PageHeader, Section } from "../../tasks";
import { AuditTabs } from "../AuditTabs";
import type { StatsGrouping } from "../search";
import { approvalRate, breakdown, dailyRates, dailyTotals, groupTotals } from "./aggregate";
import { BreakdownTable } from "./BreakdownTable";
import { ReviewerTable } from "./ReviewerTable";
import { DecisionsChart } from "./DecisionsChart";
import { RateChart, type RateSeries } from "./RateChart";
import { GroupToggle } from "./GroupToggle";
import { seriesColor } from "./chartStyle";
import { bucketFor, bucketsBetween, resolveRange, type DayRange } from "./range";
import { StatsControls } from "./StatsControls";
import styles from "../audit.module.css";

const route = getRouteApi("/audit/stats");

export function AuditStatsPage() {
  const search = route.useSearch();
  const range = resolveRange(search);
  const bucket = bucketFor(range);
  const stats = useAuditStats({ start_time: dayStart(range.from), end_time: dayEnd(range.to), type: search.type, project: search.project });
  return (
    <>
      <PageHeader title="Quality assurance" subtitle={`Audit decisions by UTC ${bucket}`} />
      <AuditTabs />
      <StatsControls range={range} />
      {stats.isPending ? (
        <Loading label="Loading audit stats…" />
      ) : stats.isError ? (
        <ErrorNotice error={stats.error} title="Audit stats unavailable" onRetry={() => void stats.refetch()} />
      ) : (
        <div aria-busy={stats.isFetching}>
          <StatsView stats={stats.data} range={range} by={search.by ?? "type"} />
        </div>
      )}
    </>
  );
}

function groupLabel(group: string, by: StatsGrouping): string {
  return by === "type" && isTaskType(group) ? taskTypeRegistry[group].title : group;
}

function StatsView({ stats, range, by }: { stats: AuditStats; range: DayRange; by: StatsGrouping }) {
  const bucket = bucketFor(range);
  const view = useMemo(() => {
    const buckets = bucketsBetween(range, bucket);
    // Every group gets a line (11 types at most; projects take the palette in turn).
    const groups = groupTotals(stats.per_day, by);
    const series: RateSeries[] = groups.map((g, i) => ({ key: g.group, label: groupLabel(g.group, by), color: seriesColor(g.group, i, by) }));
    return {
      daily: dailyTotals(stats.per_day, buckets, bucket),
      series,
      rates: dailyRates(stats.per_day, buckets, series.map((s) => s.key), by, bucket),
      table: breakdown(stats.per_day),
    };
  }, [stats, range, bucket, by]);
  const { approved, rejected } = stats.totals;
  const rate = approvalRate(stats.totals);

  if (approved + rejected === 0) {
    return (
      <div className="card">
        <EmptyState title="No audits in this range">Approve or reject tasks in the review queue and they are counted here.</EmptyState>
      </div>
    );
  }
  return (
    <div className={styles.statsGrid}>
      <div className={styles.tiles} data-testid="audit-totals">
        <Tile label="Decisions" value={formatNumber(approved + rejected)} />
        <Tile label="Approved" value={formatNumber(approved)} tone="ok" />
        <Tile label="Rejected" value={formatNumber(rejected)} tone="bad" />
        <Tile label="Approval rate" value={rate === null ? "—" : `${rate}%`} />
      </div>
      <Section title={`Decisions per ${bucket}`}>
        <DecisionsChart rows={view.daily} bucket={bucket} />
      </Section>
      <Section title={`Approval rate per ${by === "type" ? "task type" : "project"}, by ${bucket}`} actions={<GroupToggle by={by} />}>
        <RateChart points={view.rates} series={view.series} bucket={bucket} />
      </Section>
      <Section title="By type and project">
        <BreakdownTable rows={view.table} />
      </Section>
      <Section title="By reviewer">
        <ReviewerTable rows={stats.by_reviewer} />
      </Section>
    </div>
  );
}

function Tile({ label, value, tone }: { label: string; value: string; tone?: "ok" | "bad" }) {
  return (
    <div className={styles.tile}>
      <span className={styles.tileLabel}>{label}</span>
      <span className={`${styles.tileValue} ${tone === "ok" ? styles.ok : tone === "bad" ? styles.bad : ""}`}>{value}</span>
    </div>
  );
}
