import { describe, expect, it } from "vitest";
import { addInstance, className, initialClasses, instancesOf, MAX_INDEX, type MaskClasses } from "./classes";

describe("mask classes", () => {
  it("numbers semantic labels 1..L in params order and starts with no instances", () => {
    const c = initialClasses({ labels: ["road", "sky"], instance_labels: ["car"] });
    expect(c.list.map((x) => [x.index, x.label, x.instance])).toEqual([[1, "road", null], [2, "sky", null]]);
    expect(instancesOf(c, "car")).toEqual([]);
  });

  it("gives every class a distinct, non-black colour, even with 50 labels and 200 instances", () => {
    const labels = Array.from({ length: 50 }, (_, i) => `label ${i}`);
    let c: MaskClasses = initialClasses({ labels, instance_labels: ["car", "person"] });
    for (let i = 0; i < 200; i++) c = addInstance(c, i % 2 ? "car" : "person")!.classes;
    const colors = c.list.map((x) => x.color);
    expect(new Set(colors).size).toBe(colors.length);
    expect(colors).not.toContain("#000000");
    for (const color of colors) expect(color).toMatch(/^#[0-9a-f]{6}$/);
    expect(instancesOf(c, "car").map((x) => x.instance)).toEqual(Array.from({ length: 100 }, (_, i) => i));
    expect(className(instancesOf(c, "car")[1])).toBe("car #2");
  });

  it("refuses a 256th index and a non-instance label", () => {
    let c: MaskClasses = initialClasses({ labels: ["bg"], instance_labels: ["car"] });
    for (let i = 1; i < MAX_INDEX; i++) c = addInstance(c, "car")!.classes;
    expect(c.list.at(-1)!.index).toBe(MAX_INDEX);
    expect(addInstance(c, "car")).toBeNull();
    expect(() => addInstance(c, "bg")).toThrow(/not an instance label/);
  });
});
