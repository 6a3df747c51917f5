import { describe, expect, it } from "vitest";
import { excerptOf } from "./excerpt";

describe("excerptOf", () => {
  it("takes the first line of text without markdown marks", () => {
    expect(excerptOf("# Label **every** car\n\nThen the rest.")).toBe("Label every car");
    expect(excerptOf("\n\n- Draw [tight](https://x.test) boxes\n- second")).toBe("Draw tight boxes");
    expect(excerptOf("```\ncode\n```")).toBe("code");
  });

  it("shortens long lines", () => {
    const s = excerptOf("a".repeat(500), 20);
    expect(s).toHaveLength(20);
    expect(s.endsWith("…")).toBe(true);
  });

  it("is empty for an empty instruction", () => {
    expect(excerptOf("  \n ")).toBe("");
  });
});
