import { describe, expect, it } from "vitest";
import { TASK_STATUSES, TASK_TYPES } from "../../../schema";
import { STATUS_COLOR, typeColor } from "./chartPalette";

describe("chart palette", () => {
  it("gives every task type its own colour, none of them a status colour", () => {
    const types = TASK_TYPES.map(typeColor);
    expect(new Set(types).size).toBe(TASK_TYPES.length);
    const statuses = new Set(TASK_STATUSES.map((s) => STATUS_COLOR[s]));
    expect(statuses.size).toBe(TASK_STATUSES.length);
    for (const c of types) expect(statuses.has(c)).toBe(false);
  });
});
