import { describe, expect, it } from "vitest";
import { AuditSearch, sampleIds, sampleParam } from "./search";

const a = "6b0d4f4f070c22eb29fb73b4";
const b = "6b0cb1e13658480401cb65ef";

describe("the audit sample in the URL", () => {
  it("round-trips the sample's task ids in order", () => {
    const search = AuditSearch.parse({ sample: sampleParam([b, a]), pos: 2 });
    expect(sampleIds(search.sample)).toEqual([b, a]);
    expect(search.pos).toBe(2);
  });

  it("drops a malformed sample or position instead of breaking the page", () => {
    expect(AuditSearch.parse({ sample: `${a}.nope` }).sample).toBeUndefined();
    expect(AuditSearch.parse({ sample: 123 }).sample).toBeUndefined();
    expect(AuditSearch.parse({ pos: 0 }).pos).toBeUndefined();
    expect(sampleIds(undefined)).toEqual([]);
  });

  it("keeps each task once", () => {
    expect(sampleIds(`${a}.${b}.${a}`)).toEqual([a, b]);
  });
});
