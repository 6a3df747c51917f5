// Decisions per day (or week, month): approved and rejected stacked, the rate in the tooltip.
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis, type TooltipContentProps } from "recharts";
import { formatNumber } from "../../tasks";
import { approvalRate, type DailyTotal } from "./aggregate";
import { APPROVED_COLOR, axisTick, REJECTED_COLOR, tooltipBox } from "./chartStyle";
import { axisLabel, bucketLabel, type Bucket } from "./range";

function DayTooltip({ active, payload, bucket }: Partial<TooltipContentProps<number, string>> & { bucket: Bucket }) {
  const row = payload?.[0]?.payload as DailyTotal | undefined;
  if (!active || !row) return null;
  const rate = approvalRate(row);
  return (
    <div style={tooltipBox}>
      <strong>{bucketLabel(row.day, bucket)} (UTC)</strong>
      <div style={{ color: APPROVED_COLOR }}>Approved: {formatNumber(row.approved)}</div>
      <div style={{ color: REJECTED_COLOR }}>Rejected: {formatNumber(row.rejected)}</div>
      <div>Approval rate: {rate === null ? "—" : `${rate}%`}</div>
    </div>
  );
}

export function DecisionsChart({ rows, bucket }: { rows: readonly DailyTotal[]; bucket: Bucket }) {
  return (
    <figure style={{ margin: 0 }} aria-label="Decisions over time">
      <ResponsiveContainer width="100%" height={240}>
        <BarChart data={rows as DailyTotal[]} margin={{ top: 8, right: 12, bottom: 0, left: 0 }} barCategoryGap="18%">
          <CartesianGrid vertical={false} stroke="var(--chart-grid)" />
          <XAxis dataKey="day" tickFormatter={(d: string) => axisLabel(d, bucket)} tick={axisTick} axisLine={{ stroke: "var(--border)" }} tickLine={false} minTickGap={16} />
          <YAxis allowDecimals={false} tick={axisTick} axisLine={false} tickLine={false} width={44} />
          <Tooltip cursor={{ fill: "var(--surface-hover)" }} content={<DayTooltip bucket={bucket} />} />
          <Legend
            iconType="square"
            iconSize={9}
            wrapperStyle={{ fontSize: 12 }}
            formatter={(value: string) => <span style={{ color: "var(--text-muted)" }}>{value}</span>}
          />
          <Bar dataKey="approved" name="Approved" stackId="d" fill={APPROVED_COLOR} isAnimationActive={false} />
          <Bar dataKey="rejected" name="Rejected" stackId="d" fill={REJECTED_COLOR} isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </figure>
  );
}
