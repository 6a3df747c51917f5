// A stacked bar per day (one segment per series: task type or status). Clicking a segment
// opens the task list for that day and series; the tables below carry the same numbers as
// links for keyboard users.
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { formatNumber } from "../tasks";
import { shortDay } from "./range";
import styles from "./DashboardPage.module.css";

export interface Series {
  key: string;
  label: string;
  color: string;
}

export type DayRow = { day: string } & Record<string, number | string>;

interface Props {
  title: string;
  rows: readonly DayRow[];
  series: readonly Series[];
  onSelect: (day: string, seriesKey: string) => void;
}

export function DailyStackChart({ title, rows, series, onSelect }: Props) {
  return (
    <figure className={styles.chart} aria-label={title}>
      <ResponsiveContainer width="100%" height={240}>
        <BarChart data={rows as DayRow[]} margin={{ top: 8, right: 12, bottom: 0, left: 0 }} barCategoryGap="18%">
          <CartesianGrid vertical={false} stroke="var(--chart-grid)" />
          <XAxis
            dataKey="day"
            tickFormatter={shortDay}
            tick={{ fill: "var(--text-muted)", fontSize: 11 }}
            axisLine={{ stroke: "var(--border)" }}
            tickLine={false}
            minTickGap={16}
          />
          <YAxis
            allowDecimals={false}
            tick={{ fill: "var(--text-muted)", fontSize: 11 }}
            axisLine={false}
            tickLine={false}
            width={48}
          />
          <Tooltip
            cursor={{ fill: "var(--surface-hover)" }}
            labelFormatter={(day) => `${shortDay(String(day))} (UTC)`}
            formatter={(value, name) => [formatNumber(Number(value)), name]}
            contentStyle={{
              background: "var(--surface)",
              border: "1px solid var(--border)",
              borderRadius: 6,
              fontSize: 12,
              color: "var(--text)",
            }}
            itemStyle={{ padding: 0 }}
          />
          <Legend
            iconType="square"
            iconSize={9}
            wrapperStyle={{ fontSize: 12 }}
            formatter={(value: string) => <span style={{ color: "var(--text-muted)" }}>{value}</span>}
          />
          {series.map((s) => (
            <Bar
              key={s.key}
              dataKey={s.key}
              name={s.label}
              stackId="day"
              fill={s.color}
              isAnimationActive={false}
              cursor="pointer"
              onClick={(_, index) => {
                const row = rows[index];
                if (row) onSelect(row.day, s.key);
              }}
            />
          ))}
        </BarChart>
      </ResponsiveContainer>
    </figure>
  );
}
