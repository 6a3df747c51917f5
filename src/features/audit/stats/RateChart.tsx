// Approval rate per day (or week, month), one line per task type or project. A bucket without
// decisions of a group has no point (not 0%); the line bridges it so a sparse group still reads
// as a trend. A rate resting on few decisions swings between 0% and 100%: such points are drawn
// hollow, and every tooltip says how many decisions each rate rests on.
import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis, type TooltipContentProps } from "recharts";
import type { RatePoint } from "./aggregate";
import { axisTick, tooltipBox } from "./chartStyle";
import { axisLabel, bucketLabel, type Bucket } from "./range";
import styles from "../audit.module.css";

export interface RateSeries {
  key: string;
  label: string;
  color: string;
}

/** Fewer decisions than this in one bucket: the rate is drawn as a hollow point. */
export const LOW_VOLUME = 5;

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
        const n = c.approved + c.rejected;
        return (
          <div key={s.key}>
            <span style={{ color: s.color }} aria-hidden="true">
              ●{" "}
            </span>
            {s.label}: {point.rates[s.key]}%{" "}
            <span style={{ color: "var(--text-muted)" }}>
              ({c.approved} of {n} approved{n < LOW_VOLUME ? ", few decisions" : ""})
            </span>
          </div>
        );
      })}
    </div>
  );
}

interface DotProps {
  cx?: number;
  cy?: number;
  payload?: RatePoint;
}

/** A filled dot, or a hollow one when the rate rests on fewer than LOW_VOLUME decisions. */
function rateDot(series: RateSeries) {
  return function RateDot({ cx, cy, payload }: DotProps) {
    const c = payload?.counts[series.key];
    if (cx === undefined || cy === undefined || !c) return <g />;
    const low = c.approved + c.rejected < LOW_VOLUME;
    return <circle cx={cx} cy={cy} r={low ? 3.5 : 3} fill={low ? "var(--surface)" : series.color} stroke={series.color} strokeWidth={low ? 1.5 : 1} />;
  };
}

export function RateChart({ points, series, bucket }: { points: readonly RatePoint[]; series: readonly RateSeries[]; bucket: Bucket }) {
  const anyLow = points.some((p) => series.some((s) => p.counts[s.key] && p.counts[s.key].approved + p.counts[s.key].rejected < LOW_VOLUME));
  return (
    <figure style={{ margin: 0 }} aria-label="Approval rate over time">
      <ResponsiveContainer width="100%" height={280}>
        <LineChart data={points as RatePoint[]} margin={{ top: 8, right: 16, bottom: 0, left: 0 }}>
          <CartesianGrid vertical={false} stroke="var(--chart-grid)" />
          <XAxis
            dataKey="day"
            tickFormatter={(d: string) => axisLabel(d, bucket)}
            tick={axisTick}
            axisLine={{ stroke: "var(--border)" }}
            tickLine={false}
            minTickGap={16}
            // Room between the y-axis and the first point (and its label).
            padding={{ left: 20, right: 12 }}
          />
          <YAxis domain={[0, 100]} ticks={[0, 25, 50, 75, 100]} tickFormatter={(v: number) => `${v}%`} tick={axisTick} axisLine={false} tickLine={false} width={44} />
          <Tooltip content={<RateTooltip series={series} bucket={bucket} />} />
          {/* Legend text in the text colour: pale series colours don't read as text. */}
          <Legend
            iconType="plainline"
            wrapperStyle={{ fontSize: 12, paddingTop: 4 }}
            formatter={(value: string) => <span style={{ color: "var(--text-muted)" }}>{value}</span>}
          />
          {series.map((s) => (
            <Line
              key={s.key}
              dataKey={(p: RatePoint) => p.rates[s.key]}
              name={s.label}
              stroke={s.color}
              strokeWidth={2}
              dot={rateDot(s)}
              activeDot={{ r: 5 }}
              connectNulls
              isAnimationActive={false}
            />
          ))}
        </LineChart>
      </ResponsiveContainer>
      {anyLow ? (
        <figcaption className={styles.chartNote}>
          <svg width="10" height="10" aria-hidden="true">
            <circle cx="5" cy="5" r="3.5" fill="var(--surface)" stroke="var(--text-muted)" strokeWidth="1.5" />
          </svg>{" "}
          Hollow points rest on fewer than {LOW_VOLUME} decisions; their rate swings easily.
        </figcaption>
      ) : null}
    </figure>
  );
}
