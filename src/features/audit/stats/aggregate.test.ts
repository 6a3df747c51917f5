import { describe, expect, it } from "vitest";
import { approvalRate, breakdown, dailyRates, dailyTotals, groupTotals, NO_PROJECT } from "./aggregate";

const rows = [
  { day: "2024-03-01", type: "annotation", project: "street", approved: 3, rejected: 1 },
  { day: "2024-03-01", type: "polygonannotation", project: null, approved: 0, rejected: 2 },
  { day: "2024-03-03", type: "annotation", project: "street", approved: 1, rejected: 0 },
];
const days = ["2024-03-01", "2024-03-02", "2024-03-03"];

describe("audit stats aggregation", () => {
  it("has no rate without decisions", () => {
    expect(approvalRate({ approved: 0, rejected: 0 })).toBeNull();
    expect(approvalRate({ approved: 2, rejected: 1 })).toBe(66.7);
  });

  it("fills every day of the range", () => {
    expect(dailyTotals(rows, days)).toEqual([
      { day: "2024-03-01", approved: 3, rejected: 3 },
      { day: "2024-03-02", approved: 0, rejected: 0 },
      { day: "2024-03-03", approved: 1, rejected: 0 },
    ]);
  });

  it("groups by project with a name for tasks outside projects", () => {
    expect(groupTotals(rows, "project").map((g) => g.group)).toEqual(["street", NO_PROJECT]);
  });

  it("leaves a day without decisions of a group without a rate", () => {
    const points = dailyRates(rows, days, ["annotation", "polygonannotation"], "type");
    expect(points[0].rates).toEqual({ annotation: 75, polygonannotation: 0 });
    expect(points[1].rates).toEqual({ annotation: null, polygonannotation: null });
    expect(points[2].counts.annotation).toEqual({ approved: 1, rejected: 0 });
  });

  it("buckets days into weeks starting on Monday", () => {
    // 2024-03-01 is a Friday, 2024-03-03 a Sunday: both in the week of Monday 2024-02-26.
    expect(dailyTotals(rows, ["2024-02-26"], "week")).toEqual([{ day: "2024-02-26", approved: 4, rejected: 3 }]);
  });

  it("totals per type and project", () => {
    expect(breakdown(rows)).toEqual([
      { type: "annotation", project: "street", approved: 4, rejected: 1 },
      { type: "polygonannotation", project: null, approved: 0, rejected: 2 },
    ]);
  });
});
