// Shared look of the audit charts, in the theme's tokens so both colour schemes read well.
import type { CSSProperties } from "react";

export const APPROVED_COLOR = "var(--chart-2)";
export const REJECTED_COLOR = "var(--chart-7)";
const SERIES = [1, 5, 3, 6, 4, 10, 8, 11, 9].map((i) => `var(--chart-${i})`);

export function seriesColor(i: number): string {
  return SERIES[i % SERIES.length];
}

export const axisTick = { fill: "var(--text-muted)", fontSize: 11 };

export const tooltipBox: CSSProperties = {
  background: "var(--surface)",
  border: "1px solid var(--border)",
  borderRadius: 6,
  padding: "6px 10px",
  fontSize: 12,
  color: "var(--text)",
  boxShadow: "var(--shadow)",
};
