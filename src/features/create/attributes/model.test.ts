import { describe, expect, it } from "vitest";
import { emptyAttribute, fromWire, toWire, type AttributeDraft } from "./model";
import { attributesProblem, cycleIfDepends, cycleIn } from "./validate";

// The docs' example payload (Request Format, annotation attributes).
const docsAttributes = {
  parked: { type: "category", description: "Is the car currently parked?", choices: ["Yes", "No"] },
  heading: {
    type: "category",
    description: "Which direction is the car heading",
    choices: ["left", "right", "back", "front"],
    conditions: { label_condition: { label: "car" }, attribute_conditions: [{ parked: "No" }] },
  },
};

function dependOn(drafts: AttributeDraft[], from: string, to: string, values = ["x"]): AttributeDraft[] {
  const target = drafts.find((d) => d.name === to) as AttributeDraft;
  return drafts.map((d) =>
    d.name === from ? { ...d, attributeConditions: [...d.attributeConditions, { id: `c-${from}-${to}`, ref: target.id, values }] } : d,
  );
}

describe("wire conversion", () => {
  it("round-trips the docs' example", () => {
    expect(toWire(fromWire(docsAttributes))).toEqual(docsAttributes);
  });

  it("defaults a missing type to category and reads a single attribute condition object", () => {
    const wire = toWire(fromWire({ a: { description: "A", choices: ["x"] }, b: { description: "B", choices: ["y"], conditions: { attribute_conditions: { a: ["x"] } } } }));
    expect(wire).toEqual({
      a: { type: "category", description: "A", choices: ["x"] },
      b: { type: "category", description: "B", choices: ["y"], conditions: { attribute_conditions: [{ a: "x" }] } },
    });
  });

  it("writes numbers for min/max that read as numbers, and keeps other text for the server to refuse", () => {
    const d = { ...emptyAttribute("n", "number"), description: "How many?", min: "0", max: "lots" };
    expect(toWire([d])).toEqual({ n: { type: "number", description: "How many?", min: 0, max: "lots" } });
    expect(attributesProblem(toWire([d]), [])).toBe("annotation_attributes.n.max: must be a number");
  });

  it("renaming an attribute renames it inside the conditions that depend on it", () => {
    const drafts = fromWire(docsAttributes);
    const renamed = drafts.map((d) => (d.name === "parked" ? { ...d, name: "is_parked" } : d));
    expect(toWire(renamed).heading).toMatchObject({ conditions: { attribute_conditions: [{ is_parked: "No" }] } });
  });

  it("switching type and back keeps the choices", () => {
    const [d] = fromWire({ a: { description: "A", choices: ["x", "y"] } });
    const back = { ...{ ...d, type: "number" as const }, type: "category" as const };
    expect(toWire([back]).a).toMatchObject({ choices: ["x", "y"] });
  });

  it("a condition naming an unknown attribute is kept so the server's message names it", () => {
    const wire = { a: { description: "A", choices: ["x"], conditions: { attribute_conditions: [{ ghost: "x" }] } } };
    expect(toWire(fromWire(wire))).toEqual({ a: { type: "category", ...wire.a } });
    expect(attributesProblem(toWire(fromWire(wire)), [])).toBe(
      'annotation_attributes.a.conditions.attribute_conditions: refers to unknown attribute "ghost"',
    );
  });
});

describe("circular conditions", () => {
  const three = () =>
    ["a", "b", "c"].map((name) => ({ ...emptyAttribute(name), description: name.toUpperCase(), choices: ["x"] }));

  it("finds none in a chain", () => {
    expect(cycleIn(dependOn(dependOn(three(), "a", "b"), "b", "c"))).toBeNull();
  });

  it("names a two-attribute cycle as it is made", () => {
    expect(cycleIn(dependOn(dependOn(three(), "a", "b"), "b", "a"))).toEqual(["a", "b", "a"]);
  });

  it("names a longer cycle", () => {
    const drafts = dependOn(dependOn(dependOn(three(), "a", "b"), "b", "c"), "c", "a");
    expect(cycleIn(drafts)).toEqual(["a", "b", "c", "a"]);
  });

  it("finds a cycle even before the descriptions are filled in", () => {
    const drafts = dependOn(dependOn(three().map((d) => ({ ...d, description: "" })), "a", "b"), "b", "a");
    expect(cycleIn(drafts)).toEqual(["a", "b", "a"]);
  });

  it("tells which pick would close a cycle", () => {
    const drafts = dependOn(three(), "a", "b");
    const b = drafts.find((d) => d.name === "b") as AttributeDraft;
    const a = drafts.find((d) => d.name === "a") as AttributeDraft;
    const c = drafts.find((d) => d.name === "c") as AttributeDraft;
    expect(cycleIfDepends(drafts, b.id, a.id)).toEqual(["a", "b", "a"]);
    expect(cycleIfDepends(drafts, b.id, c.id)).toBeNull();
  });

  it("the server's schema refuses the same cycle with the same words", () => {
    const wire = toWire(dependOn(dependOn(three(), "a", "b"), "b", "a"));
    expect(attributesProblem(wire, [])).toBe("annotation_attributes: circular attribute dependency: a → b → a");
  });
});

describe("label conditions", () => {
  it("names a label the task doesn't offer, as the server does", () => {
    expect(attributesProblem(docsAttributes, ["truck"])).toBe(
      'annotation_attributes.heading.conditions.label_condition: label "car" is not a leaf of objects_to_annotate',
    );
    expect(attributesProblem(docsAttributes, ["car", "truck"])).toBeNull();
  });

  it("writes one label as a string and several as a list", () => {
    const d = { ...emptyAttribute("o"), description: "O", choices: ["x"] };
    expect(toWire([{ ...d, labels: ["car"] }]).o).toMatchObject({ conditions: { label_condition: { label: "car" } } });
    expect(toWire([{ ...d, labels: ["car", "bus"] }]).o).toMatchObject({ conditions: { label_condition: { label: ["car", "bus"] } } });
  });
});
