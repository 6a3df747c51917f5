// Shared look of the audit charts, in the theme's tokens so both colour schemes read well.
import type { CSSProperties } from "react";

import { isTaskType } from "../../../schema";
import { categoryColor, typeColor } from "../../tasks";
import type { StatsGrouping } from "../search";

export { APPROVED_COLOR, REJECTED_COLOR } from "../../tasks";

/** A type keeps its colour from the overview; projects take the same palette in order. */
export function seriesColor(key: string, index: number, by: StatsGrouping): string {
  return by === "type" && isTaskType(key) ? typeColor(key) : categoryColor(index);
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
