// Approval rate per day (or week, month), one line per task type or project. A bucket without
// decisions of a group has no point (not 0%); the line bridges it so a sparse group still reads
// as a trend.
import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis, type TooltipContentProps } from "recharts";
import type { RatePoint } from "./aggregate";
import { axisTick, seriesColor, tooltipBox } from "./chartStyle";
import { axisLabel, bucketLabel, type Bucket } from "./range";

export interface RateSeries {
  key: string;
  label: string;
}

function RateTooltip({
  active,
  payload,
  series,
  bucket,
}: Partial<TooltipContentProps<number, string>> & { series: readonly RateSeries[]; bucket: Bucket }) {
  const point = payload?.[0]?.payload as RatePoint | undefined;
  if (!active || !point) return null;
  const shown = series.filter((s) => point.counts[s.key]);
  return (
    <div style={tooltipBox}>
      <strong>{bucketLabel(point.day, bucket)} (UTC)</strong>
      {shown.length === 0 ? <div className="muted">No decisions</div> : null}
      {shown.map((s) => {
        const c = point.counts[s.key];
        return (
          <div key={s.key} style={{ color: seriesColor(series.indexOf(s)) }}>
            {s.label}: {point.rates[s.key]}% <span style={{ color: "var(--text-muted)" }}>({c.approved} of {c.approved + c.rejected})</span>
          </div>
        );
      })}
    </div>
  );
}

export function RateChart({ points, series, bucket }: { points: readonly RatePoint[]; series: readonly RateSeries[]; bucket: Bucket }) {
  return (
    <figure style={{ margin: 0 }} aria-label="Approval rate over time">
      <ResponsiveContainer width="100%" height={260}>
        <LineChart data={points as RatePoint[]} margin={{ top: 8, right: 12, bottom: 0, left: -12 }}>
          <CartesianGrid vertical={false} stroke="var(--chart-grid)" />
          <XAxis dataKey="day" tickFormatter={(d: string) => axisLabel(d, bucket)} tick={axisTick} axisLine={{ stroke: "var(--border)" }} tickLine={false} minTickGap={16} />
          <YAxis domain={[0, 100]} ticks={[0, 25, 50, 75, 100]} tickFormatter={(v: number) => `${v}%`} tick={axisTick} axisLine={false} tickLine={false} width={48} />
          <Tooltip content={<RateTooltip series={series} bucket={bucket} />} />
          <Legend iconType="plainline" wrapperStyle={{ fontSize: 12, color: "var(--text-muted)" }} />
          {series.map((s, i) => (
            <Line
              key={s.key}
              dataKey={(p: RatePoint) => p.rates[s.key]}
              name={s.label}
              stroke={seriesColor(i)}
              strokeWidth={2}
              dot={{ r: 3 }}
              connectNulls
              isAnimationActive={false}
            />
          ))}
        </LineChart>
      </ResponsiveContainer>
    </figure>
  );
}
