import { describe, expect, it } from "vitest";
import type { LabelChoice } from "../../../schema";
import { labelRows, leafOrder, leafRows, moveHighlight, pathOfLeaf } from "./labelTree";

const tree: LabelChoice[] = [
  { choice: "Vehicle", subchoices: ["Car", "Truck", { choice: "Two-wheeler", subchoices: ["Motorcycle", "Bicycle"] }] },
  { choice: "Person", subchoices: ["Adult", "Child"] },
  "Traffic light",
  "Traffic sign",
  "Lane marking",
  "Pole",
  "Tree",
  "Carriage",
];

describe("labelTree", () => {
  it("orders leaves depth-first and numbers the first nine", () => {
    expect(leafOrder(tree)).toEqual(["Car", "Truck", "Motorcycle", "Bicycle", "Adult", "Child", "Traffic light", "Traffic sign", "Lane marking", "Pole", "Tree", "Carriage"]);
    const rows = labelRows(tree, "");
    expect(rows.slice(0, 5)).toEqual([
      { type: "group", name: "Vehicle", depth: 0 },
      { type: "leaf", name: "Car", depth: 1, path: ["Vehicle"], key: 1, match: null },
      { type: "leaf", name: "Truck", depth: 1, path: ["Vehicle"], key: 2, match: null },
      { type: "group", name: "Two-wheeler", depth: 1 },
      { type: "leaf", name: "Motorcycle", depth: 2, path: ["Vehicle", "Two-wheeler"], key: 3, match: null },
    ]);
    expect(leafRows(rows).map((r) => r.key)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, null, null, null]);
  });

  it("typing finds a nested leaf and reports only leaves, best match first", () => {
    const found = labelRows(tree, "bicy");
    expect(found).toEqual([{ type: "leaf", name: "Bicycle", depth: 0, path: ["Vehicle", "Two-wheeler"], key: 4, match: { start: 0, end: 4 } }]);
    // Exact beats prefix beats inside a word; ties keep tree order.
    expect(labelRows(tree, "car").map((r) => r.name)).toEqual(["Car", "Carriage"]);
    expect(labelRows(tree, "TRAFFIC").map((r) => r.name)).toEqual(["Traffic light", "Traffic sign"]);
    expect(labelRows(tree, "sign").map((r) => r.name)).toEqual(["Traffic sign"]);
    // A leaf name match comes before leaves found through an inner choice ("Two-wheeler").
    expect(labelRows(tree, "ee").map((r) => r.name)).toEqual(["Tree", "Motorcycle", "Bicycle"]);
  });

  it("an inner choice's name finds its leaves (never the choice itself)", () => {
    const rows = labelRows(tree, "two-wheeler");
    expect(rows.map((r) => r.name)).toEqual(["Motorcycle", "Bicycle"]);
    expect(rows.every((r) => r.type === "leaf")).toBe(true);
    expect(labelRows(tree, "person child").map((r) => r.name)).toEqual(["Child"]);
    expect(labelRows(tree, "zebra")).toEqual([]);
  });

  it("knows a leaf's path and moves the highlight", () => {
    expect(pathOfLeaf(tree, "Motorcycle")).toEqual(["Vehicle", "Two-wheeler"]);
    expect(pathOfLeaf(tree, "Pole")).toEqual([]);
    expect(moveHighlight(3, -1, 1, true)).toBe(0);
    expect(moveHighlight(3, -1, -1, true)).toBe(2);
    expect(moveHighlight(3, 2, 1, true)).toBe(0);
    expect(moveHighlight(3, 0, -10, false)).toBe(0);
    expect(moveHighlight(0, 0, 1, true)).toBe(-1);
  });
});
