import { describe, expect, it } from "vitest";
import { filterProblem, searchToFilters, TasksSearch } from "./search";

describe("filterProblem", () => {
  it("accepts filters that can match", () => {
    expect(filterProblem({})).toBeNull();
    expect(filterProblem({ q: "6b0d4f", from: "2026-01-01", to: "2026-01-01" })).toBeNull();
  });

  it("names an id search that can't be an id", () => {
    expect(filterProblem({ q: "hello" })).toMatchObject({ field: "q" });
    expect(filterProblem({ q: "a".repeat(25) })).toMatchObject({ field: "q" });
    // Such a search is never sent to the server (it would answer 400).
    expect(searchToFilters({ q: "hello" }).task_id).toBeUndefined();
  });

  it("names a date range that is the wrong way round", () => {
    const problem = filterProblem(TasksSearch.parse({ from: "2026-03-10", to: "2026-03-01" }));
    expect(problem?.field).toBe("dates");
    expect(problem?.message).toContain("2026-03-10");
  });
});
