import { describe, expect, it } from "vitest";
import { AnnotationAttributes } from "../../../schema";
import {
  angleFromPointer,
  applicableAttributes,
  applyAttributePatch,
  attributeErrors,
  missingAttributes,
  missingAttributesByObject,
  normalizeAngle,
  parseNumberInput,
  pruneAttributes,
  sharedApplicableAttributes,
  sharedValue,
} from "./attributes";

// The docs' example (parked → heading when car and not parked), plus a chain to test pruning.
const defs = AnnotationAttributes.parse({
  parked: { description: "Is the car currently parked?", choices: ["Yes", "No"] },
  heading: {
    description: "Which direction is the car heading",
    choices: ["left", "right", "back", "front"],
    conditions: { label_condition: { label: "car" }, attribute_conditions: [{ parked: "No" }] },
  },
  speed: { type: "number", description: "Speed (km/h)", min: 0, max: 200, conditions: { attribute_conditions: { heading: ["left", "right"] } } },
  yaw: { type: "angle", description: "Yaw", conditions: { label_condition: { label: ["car", "truck"] } } },
});

const names = (list: [string, unknown][]) => list.map(([n]) => n);

describe("attribute conditions, evaluated live", () => {
  it("shows a field only while its conditions hold", () => {
    expect(names(applicableAttributes(defs, { label: "car" }))).toEqual(["parked", "yaw"]);
    expect(names(applicableAttributes(defs, { label: "car", attributes: { parked: "No" } }))).toEqual(["parked", "heading", "yaw"]);
    expect(names(applicableAttributes(defs, { label: "bus", attributes: { parked: "No" } }))).toEqual(["parked"]);
    expect(names(applicableAttributes(defs, { label: "car", attributes: { parked: "No", heading: "left" } }))).toEqual(["parked", "heading", "speed", "yaw"]);
  });

  it("prunes values whose conditions stopped holding, in chains", () => {
    const values = { parked: "No", heading: "left", speed: 50, yaw: 90 };
    // Parking the car removes heading, and with it speed (which depended on heading).
    expect(pruneAttributes(defs, "car", { ...values, parked: "Yes" })).toEqual({ parked: "Yes", yaw: 90 });
    // Relabelling to a bus removes everything conditional on the label.
    expect(pruneAttributes(defs, "bus", values)).toEqual({ parked: "No" });
    expect(pruneAttributes(defs, "car", { ghost: "x" })).toEqual({});
    expect(applyAttributePatch(defs, { label: "car", attributes: values }, { parked: "Yes" })).toEqual({ parked: "Yes", yaw: 90 });
    expect(applyAttributePatch(defs, { label: "bus", attributes: { parked: "No" } }, { parked: undefined })).toBeUndefined();
  });

  it("reports missing required attributes per object", () => {
    expect(missingAttributes(defs, { label: "car" })).toEqual(["parked", "yaw"]);
    expect(missingAttributes(defs, { label: "car", attributes: { parked: "No", yaw: 10 } })).toEqual(["heading"]);
    expect(missingAttributes(defs, { label: "tree", attributes: { parked: "Yes" } })).toEqual([]);
    expect(missingAttributes(undefined, { label: "car" })).toEqual([]);
    const byObject = missingAttributesByObject(defs, [
      { id: "a", annotation: { label: "car", attributes: { parked: "Yes", yaw: 0 } } },
      { id: "b", annotation: { label: "car", attributes: { parked: "No", yaw: 0 } } },
    ]);
    expect([...byObject]).toEqual([["b", ["heading"]]]);
  });

  it("reports value errors with the shared validator's words", () => {
    expect(attributeErrors(defs, { label: "car", attributes: { parked: "No", heading: "left", speed: 250, yaw: 400 } })).toEqual({
      speed: "250 is above its max 200",
      yaw: "400 is not an angle in degrees (0 to 360)",
    });
    expect(attributeErrors(defs, { label: "car", attributes: { parked: "Maybe" } }).parked).toMatch(/not one of its choices/);
  });

  it("shows a multi-selection's shared fields and values", () => {
    const objs = [
      { label: "car", attributes: { parked: "No", yaw: 10 } },
      { label: "car", attributes: { parked: "Yes", yaw: 10 } },
    ];
    expect(names(sharedApplicableAttributes(defs, objs))).toEqual(["parked", "yaw"]);
    expect(sharedValue(objs, "yaw")).toEqual({ kind: "same", value: 10 });
    expect(sharedValue(objs, "parked")).toEqual({ kind: "mixed" });
  });
});

describe("angle and number input", () => {
  it("normalises angles into [0, 360)", () => {
    expect(normalizeAngle(360)).toBe(0);
    expect(normalizeAngle(-90)).toBe(270);
    expect(normalizeAngle(725)).toBe(5);
  });

  it("reads the dial clockwise from the right, as on screen", () => {
    expect(angleFromPointer(50, 50, 100, 50)).toBe(0);
    expect(angleFromPointer(50, 50, 50, 100)).toBe(90);
    expect(angleFromPointer(50, 50, 0, 50)).toBe(180);
    expect(angleFromPointer(50, 50, 50, 0)).toBe(270);
    expect(angleFromPointer(50, 50, 100, 49.9)).toBe(0); // 359.9 rounds to 360, which is 0
  });

  it("parses typed numbers", () => {
    expect(parseNumberInput(" 12.5 ")).toBe(12.5);
    expect(parseNumberInput("3,5")).toBe(3.5);
    expect(parseNumberInput("")).toBeNull();
    expect(parseNumberInput("abc")).toBeNull();
  });
});
