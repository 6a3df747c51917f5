import { describe, expect, it } from "vitest";
import * as tree from "./tree";
import { labelListProblem } from "./validate";

const docsExample = [
  { choice: "Vehicle", subchoices: ["Car", "Truck", "Train", "Motorcycle"] },
  { choice: "Pedestrian", subchoices: ["Animal", "Adult", "Child"] },
];

const idOf = (nodes: tree.LabelNode[], name: string) =>
  tree.flatten(nodes).find((r) => r.node.name === name)?.node.id as string;

describe("wire conversion", () => {
  it("round-trips the docs' nested example and keeps leaves as plain strings", () => {
    expect(tree.toWire(tree.fromWire(docsExample))).toEqual(docsExample);
    expect(tree.toWire(tree.fromWire(["car", "bus"]))).toEqual(["car", "bus"]);
  });

  it("nests to any depth", () => {
    const deep = [{ choice: "a", subchoices: [{ choice: "b", subchoices: [{ choice: "c", subchoices: ["d"] }] }] }];
    expect(tree.toWire(tree.fromWire(deep))).toEqual(deep);
  });

  it("reads a single subchoice given as a string", () => {
    expect(tree.toWire(tree.fromWire([{ choice: "a", subchoices: "b" }]))).toEqual([{ choice: "a", subchoices: ["b"] }]);
  });
});

describe("indent and outdent", () => {
  it("indenting makes a label the last child of the one above, turning that leaf into a choice", () => {
    const nodes = tree.fromWire(["Vehicle", "Car", "Truck"]);
    const once = tree.indent(nodes, idOf(nodes, "Car"));
    const twice = tree.indent(once, idOf(once, "Truck"));
    expect(tree.toWire(twice)).toEqual([{ choice: "Vehicle", subchoices: ["Car", "Truck"] }]);
  });

  it("can't indent the first label of a list", () => {
    const nodes = tree.fromWire(["a", "b"]);
    expect(tree.canIndent(nodes, idOf(nodes, "a"))).toBe(false);
    expect(tree.toWire(tree.indent(nodes, idOf(nodes, "a")))).toEqual(["a", "b"]);
  });

  it("outdenting puts a label right after its parent and an emptied choice becomes a leaf string", () => {
    const nodes = tree.fromWire([{ choice: "Vehicle", subchoices: ["Car"] }, "Pedestrian"]);
    const out = tree.outdent(nodes, idOf(nodes, "Car"));
    expect(tree.toWire(out)).toEqual(["Vehicle", "Car", "Pedestrian"]);
  });

  it("outdenting a middle child keeps the reading order (later siblings stay under the parent)", () => {
    const nodes = tree.fromWire([{ choice: "V", subchoices: ["a", "b", "c"] }]);
    expect(tree.toWire(tree.outdent(nodes, idOf(nodes, "b")))).toEqual([{ choice: "V", subchoices: ["a", "c"] }, "b"]);
  });

  it("can't outdent a top-level label", () => {
    const nodes = tree.fromWire(["a"]);
    expect(tree.canOutdent(nodes, idOf(nodes, "a"))).toBe(false);
  });
});

describe("move and drop", () => {
  it("moves among siblings only, with its subtree", () => {
    const nodes = tree.fromWire(["a", { choice: "b", subchoices: ["x"] }, "c"]);
    const up = tree.move(nodes, idOf(nodes, "b"), -1);
    expect(tree.toWire(up)).toEqual([{ choice: "b", subchoices: ["x"] }, "a", "c"]);
    expect(tree.canMove(up, idOf(up, "b"), -1)).toBe(false);
    expect(tree.canMove(up, idOf(up, "x"), 1)).toBe(false);
  });

  it("drops before, after and inside another label", () => {
    const nodes = tree.fromWire(["a", "b", "c"]);
    expect(tree.toWire(tree.dropOn(nodes, idOf(nodes, "c"), idOf(nodes, "a"), "before"))).toEqual(["c", "a", "b"]);
    expect(tree.toWire(tree.dropOn(nodes, idOf(nodes, "a"), idOf(nodes, "c"), "after"))).toEqual(["b", "c", "a"]);
    expect(tree.toWire(tree.dropOn(nodes, idOf(nodes, "c"), idOf(nodes, "a"), "inside"))).toEqual([
      { choice: "a", subchoices: ["c"] },
      "b",
    ]);
  });

  it("refuses to drop a label into its own subtree", () => {
    const nodes = tree.fromWire([{ choice: "a", subchoices: [{ choice: "b", subchoices: ["c"] }] }]);
    expect(tree.canDrop(nodes, idOf(nodes, "a"), idOf(nodes, "c"))).toBe(false);
    expect(tree.toWire(tree.dropOn(nodes, idOf(nodes, "a"), idOf(nodes, "c"), "inside"))).toEqual(tree.toWire(nodes));
  });

  it("removes a label with its subtree", () => {
    const nodes = tree.fromWire(docsExample);
    expect(tree.toWire(tree.remove(nodes, idOf(nodes, "Vehicle")))).toEqual([docsExample[1]]);
  });
});

describe("collapsed groups", () => {
  it("flatten hides a collapsed group's sublabels and keeps the rest in order", () => {
    const nodes = tree.fromWire(docsExample);
    const vehicle = idOf(nodes, "Vehicle");
    expect(tree.flatten(nodes, [], new Set([vehicle])).map((r) => r.node.name)).toEqual(["Vehicle", "Pedestrian", "Animal", "Adult", "Child"]);
    // Hidden, not gone: the wire value still has them.
    expect(tree.toWire(nodes)).toEqual(docsExample);
  });

  it("ancestorIds lists the groups holding a label, outermost first", () => {
    const nodes = tree.fromWire([{ choice: "a", subchoices: [{ choice: "b", subchoices: ["c"] }] }]);
    expect(tree.ancestorIds(nodes, idOf(nodes, "c"))).toEqual([idOf(nodes, "a"), idOf(nodes, "b")]);
    expect(tree.ancestorIds(nodes, idOf(nodes, "a"))).toEqual([]);
  });
});

describe("parseLabelList", () => {
  const names = (text: string) => tree.toWire(tree.parseLabelList(text));

  it("reads one label per line, skipping blank lines and trimming", () => {
    expect(names("car\n\n  \r\npedestrian  \r\nbus")).toEqual(["car", "pedestrian", "bus"]);
  });

  it("nests by indentation, whatever the unit (2 spaces, 4 spaces, tabs)", () => {
    const expected = [{ choice: "Vehicle", subchoices: ["Car", { choice: "Truck", subchoices: ["Pickup"] }] }, "Pedestrian"];
    expect(names("Vehicle\n  Car\n  Truck\n    Pickup\nPedestrian")).toEqual(expected);
    expect(names("Vehicle\n    Car\n    Truck\n        Pickup\nPedestrian")).toEqual(expected);
    expect(names("Vehicle\n\tCar\n\tTruck\n\t\tPickup\nPedestrian")).toEqual(expected);
  });

  it("a line indented more than one level below the line above becomes its child", () => {
    expect(names("a\n      b")).toEqual([{ choice: "a", subchoices: ["b"] }]);
  });

  it("a first line that is indented is still top-level", () => {
    expect(names("  a\n  b")).toEqual(["a", "b"]);
  });

  it("drops copied bullets", () => {
    expect(names("- car\n* bus\n• tram")).toEqual(["car", "bus", "tram"]);
  });
});

describe("labelListProblem (the server's messages)", () => {
  it("limits objects_to_annotate to the type's maximum", () => {
    expect(labelListProblem("objects_to_annotate", ["a", "b", "c", "d"], 3)).toBe(
      "objects_to_annotate: you may include at most 3 objects",
    );
    expect(labelListProblem("objects_to_annotate", ["a", "b", "c"], 3)).toBeNull();
  });

  it("reports a name used twice anywhere in the tree", () => {
    expect(labelListProblem("objects_to_annotate", [{ choice: "car", subchoices: ["car"] }])).toBe(
      'objects_to_annotate: label "car" appears twice',
    );
  });

  it("checks segmentation labels against their 50-label limit", () => {
    const many = Array.from({ length: 51 }, (_, i) => `l${i}`);
    expect(labelListProblem("labels", many)).toBe("labels: you may include at most 50 labels");
  });

  it("checks an attribute's choices", () => {
    expect(labelListProblem("annotation_attributes.occlusion.choices", [])).toBe(
      "annotation_attributes.occlusion.choices: a category attribute needs choices",
    );
  });

  it("names an empty label by its position", () => {
    expect(labelListProblem("objects_to_annotate", ["car", ""])).toMatch(/^objects_to_annotate\[1\]/);
  });
});
