// Decisions per day: approved and rejected stacked, with the day's approval rate in the tooltip.
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis, type TooltipContentProps } from "recharts";
import { formatNumber } from "../../tasks";
import { approvalRate, type DailyTotal } from "./aggregate";
import { APPROVED_COLOR, axisTick, REJECTED_COLOR, tooltipBox } from "./chartStyle";
import { shortDay } from "./range";

function DayTooltip({ active, payload }: Partial<TooltipContentProps<number, string>>) {
  const row = payload?.[0]?.payload as DailyTotal | undefined;
  if (!active || !row) return null;
  const rate = approvalRate(row);
  return (
    <div style={tooltipBox}>
      <strong>{shortDay(row.day)} (UTC)</strong>
      <div style={{ color: APPROVED_COLOR }}>Approved: {formatNumber(row.approved)}</div>
      <div style={{ color: REJECTED_COLOR }}>Rejected: {formatNumber(row.rejected)}</div>
      <div>Approval rate: {rate === null ? "—" : `${rate}%`}</div>
    </div>
  );
}

export function DecisionsChart({ rows }: { rows: readonly DailyTotal[] }) {
  return (
    <figure style={{ margin: 0 }} aria-label="Decisions per day">
      <ResponsiveContainer width="100%" height={240}>
        <BarChart data={rows as DailyTotal[]} margin={{ top: 8, right: 8, bottom: 0, left: -12 }} barCategoryGap="18%">
          <CartesianGrid vertical={false} stroke="var(--chart-grid)" />
          <XAxis dataKey="day" tickFormatter={shortDay} tick={axisTick} axisLine={{ stroke: "var(--border)" }} tickLine={false} minTickGap={16} />
          <YAxis allowDecimals={false} tick={axisTick} axisLine={false} tickLine={false} width={48} />
          <Tooltip cursor={{ fill: "var(--surface-hover)" }} content={<DayTooltip />} />
          <Legend iconType="square" iconSize={9} wrapperStyle={{ fontSize: 12, color: "var(--text-muted)" }} />
          <Bar dataKey="approved" name="Approved" stackId="d" fill={APPROVED_COLOR} isAnimationActive={false} />
          <Bar dataKey="rejected" name="Rejected" stackId="d" fill={REJECTED_COLOR} isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </figure>
  );
}
