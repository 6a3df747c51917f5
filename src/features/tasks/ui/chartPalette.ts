// Colours of the console's charts. Statuses keep semantic colours (blue pending, green completed,
// grey canceled, red error); task types and projects take categorical colours from the canvas's
// label palette, leaving out the ones statuses use, so no type ever looks like a status.
// (Imported from canvas/style directly, not the canvas index, to keep Konva out of these pages.)
import { CATEGORICAL_PALETTE } from "../../../canvas/style";
import { TASK_TYPES, type TaskStatus } from "../../../schema";

const [RED, GREEN, , BLUE] = CATEGORICAL_PALETTE;
const GREY = "#8a929c";

export const STATUS_COLOR: Record<TaskStatus, string> = {
  pending: BLUE,
  completed: GREEN,
  canceled: GREY,
  error: RED,
};

/**
 * The label palette without the status colours, in an order that puts colours that read on both
 * light and dark backgrounds first (the palest and navy come last), so the 11 task types get them.
 */
const PREFERRED = ["#f58231", "#911eb4", "#42d4f4", "#f032e6", "#ffe119", "#469990", "#9a6324", "#dcbeff", "#808000", "#fabed4", "#800000"];
const CATEGORY_COLORS: readonly string[] = [
  ...PREFERRED.filter((c) => CATEGORICAL_PALETTE.includes(c)),
  ...CATEGORICAL_PALETTE.filter((c) => !PREFERRED.includes(c) && c !== RED && c !== GREEN && c !== BLUE),
];

/** One colour per task type, the same in every chart; no two types share one. */
export function typeColor(type: string): string {
  const i = (TASK_TYPES as readonly string[]).indexOf(type);
  return CATEGORY_COLORS[(i >= 0 ? i : TASK_TYPES.length) % CATEGORY_COLORS.length];
}

/** The i-th colour for groups that aren't types (projects), in the same palette. */
export function categoryColor(i: number): string {
  return CATEGORY_COLORS[i % CATEGORY_COLORS.length];
}

export const APPROVED_COLOR = GREEN;
export const REJECTED_COLOR = RED;
