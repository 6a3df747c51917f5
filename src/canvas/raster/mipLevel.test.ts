import { describe, expect, it } from "vitest";
import { pickMipLevel } from "./useImage";

describe("pickMipLevel", () => {
  const levels = ["half", "quarter", "eighth"];

  it("keeps full resolution at or above 50% zoom", () => {
    expect(pickMipLevel("full", levels, 1, 1)).toBe("full");
    expect(pickMipLevel("full", levels, 0.6, 1)).toBe("full");
  });

  it("uses the smallest level with a source pixel per device pixel", () => {
    expect(pickMipLevel("full", levels, 0.5, 1)).toBe("half");
    expect(pickMipLevel("full", levels, 0.3, 1)).toBe("half");
    expect(pickMipLevel("full", levels, 0.2, 1)).toBe("quarter");
    expect(pickMipLevel("full", levels, 0.01, 1)).toBe("eighth");
    expect(pickMipLevel("full", levels, 0.2, 2)).toBe("half");
  });
});
