import { describe, expect, it } from "vitest";
import { fieldsOf } from "../form/walk";
import { autoMap, cellValue, rowBody } from "./mapping";
import { derivedUniqueId } from "./uniqueId";

const fields = fieldsOf("annotation");
const kinds = new Map(fields.map((f) => [f.name, f.kind]));

describe("autoMap", () => {
  it("matches fields by name and common aliases, metadata prefixes, and keeps the rest as metadata", () => {
    const mapping = autoMap(["Image URL", "ID", "Objects To Annotate", "metadata.batch", "meta_camera", "notes", "min-width"], fields);
    expect(mapping.map((m) => m.target)).toEqual([
      { kind: "field", name: "attachment" },
      { kind: "field", name: "unique_id" },
      { kind: "field", name: "objects_to_annotate" },
      { kind: "metadata", key: "batch" },
      { kind: "metadata", key: "camera" },
      { kind: "metadata", key: "notes" },
      { kind: "field", name: "min_width" },
    ]);
  });

  it("maps a field only once (the second column of the same name becomes metadata)", () => {
    const mapping = autoMap(["attachment", "url"], fields);
    expect(mapping[1].target).toEqual({ kind: "metadata", key: "url" });
  });
});

describe("rowBody", () => {
  it("fills the form's defaults with the row's cells; empty cells keep the default", () => {
    const defaults = { objects_to_annotate: ["car"], with_labels: true, metadata: { source: "form" }, callback_url: "https://e.com/cb" };
    const mapping = autoMap(["attachment", "objects_to_annotate", "with_labels", "camera"], fields);
    const body = rowBody({ attachment: "https://e.com/1.jpg", objects_to_annotate: "", with_labels: "false", camera: "front" }, mapping, defaults, kinds);
    expect(body).toEqual({
      attachment: "https://e.com/1.jpg",
      objects_to_annotate: ["car"],
      with_labels: "false",
      metadata: { source: "form", camera: "front" },
      callback_url: "https://e.com/cb",
    });
    expect(defaults.metadata).toEqual({ source: "form" });
  });

  it("reads lists in a CSV cell as JSON or separated by |, and keeps scalars as text for the schema to coerce", () => {
    expect(cellValue('["car", {"choice": "Vehicle", "subchoices": ["Bus"]}]', kinds.get("objects_to_annotate"))).toEqual(["car", { choice: "Vehicle", subchoices: ["Bus"] }]);
    expect(cellValue("car | truck", kinds.get("objects_to_annotate"))).toEqual(["car", "truck"]);
    expect(cellValue("30", kinds.get("min_width"))).toBe("30");
    expect(cellValue("[not json", kinds.get("objects_to_annotate"))).toBe("[not json");
    expect(cellValue(["typed"], kinds.get("objects_to_annotate"))).toEqual(["typed"]);
  });
});

describe("derivedUniqueId", () => {
  it("is the same for the same file and content whatever the key order, and differs otherwise", () => {
    const a = derivedUniqueId("cars.csv", { attachment: "x", n: "1" });
    expect(derivedUniqueId("cars.csv", { n: "1", attachment: "x" })).toBe(a);
    expect(derivedUniqueId("cars.csv", { attachment: "x", n: "2" })).not.toBe(a);
    expect(derivedUniqueId("other.csv", { attachment: "x", n: "1" })).not.toBe(a);
    expect(a).toMatch(/^cars\.csv#[0-9a-f]{16}$/);
    expect(derivedUniqueId("x".repeat(400), {}).length).toBeLessThanOrEqual(256);
  });
});
