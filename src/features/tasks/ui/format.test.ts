import { describe, expect, it } from "vitest";
import { plural } from "./format";

describe("plural", () => {
  it("puts the noun in the number of the count", () => {
    expect(plural(1, "task")).toBe("1 task");
    expect(plural(0, "task")).toBe("0 tasks");
    expect(plural(2, "pending task")).toBe("2 pending tasks");
    expect(plural(1, "entry", "entries")).toBe("1 entry");
    expect(plural(3, "entry", "entries")).toBe("3 entries");
  });
});
