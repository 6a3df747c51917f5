import { describe, expect, it } from "vitest";
import { addObjects, setLabel } from "../commands";
import { makeObject } from "../document";
import { createTestEditor } from "../tools/testing";
import { missingAttributes } from "./attributes";

// Relabelling switches label-conditional attributes on and off: a value whose condition stops
// holding leaves with the relabel (one entry), so the response never carries it.

const attributes = {
  occluded: { type: "category", description: "Is it occluded?", choices: ["no", "yes"] },
  parked: { type: "category", description: "Is the car parked?", choices: ["yes", "no"], conditions: { label_condition: { label: "car" } } },
};

describe("relabel and attributes", () => {
  it("drops values whose label condition no longer holds, and undo brings them back", () => {
    const ed = createTestEditor("annotation", { params: { objects_to_annotate: ["car", "person"], with_labels: true, annotation_attributes: attributes } });
    const box = makeObject("box", { left: 0, top: 0, width: 20, height: 20, label: "car", attributes: { occluded: "no", parked: "yes" } });
    ed.store.getState().execute(addObjects([box]));
    ed.store.getState().execute(setLabel(ed.objects(), "person", ed.params.attributes));
    expect(ed.wire().annotations[0]).toMatchObject({ label: "person", attributes: { occluded: "no" } });
    expect(ed.wire().annotations[0].attributes).not.toHaveProperty("parked");
    expect(ed.store.getState().history.past).toHaveLength(2);
    ed.store.getState().undo();
    expect(ed.wire().annotations[0]).toMatchObject({ label: "car", attributes: { occluded: "no", parked: "yes" } });
    // Back to a car without the answer: the field is required again.
    ed.store.getState().redo();
    ed.store.getState().execute(setLabel(ed.objects(), "car", ed.params.attributes));
    expect(missingAttributes(ed.params.attributes, ed.wire().annotations[0])).toEqual(["parked"]);
  });
});
