import { describe, expect, it } from "vitest";
import { allKeysOf, commandForKey, defineCommands, yieldKeys } from "./registry";

const ran: string[] = [];
const view = defineCommands<null>("view", [
  { id: "zoomIn", label: "Zoom in", keys: ["+", "="], keyLabel: "+", group: "View", run: () => ran.push("zoomIn") },
  { id: "actual", label: "100%", keys: ["1"], group: "View", run: () => ran.push("actual") },
  { id: "fit", label: "Fit", keys: ["F"], group: "View", run: () => ran.push("fit") },
]);
const answers = defineCommands<null>("work:choices", [{ id: "choose", label: "Pick", keys: ["1", "2"], group: "Answer", run: () => ran.push("choose") }]);

describe("yieldKeys: precedence between modes live together", () => {
  it("drops the bindings the winners have, and the key press no longer asks for them", () => {
    const live = yieldKeys(view, answers);
    expect(live.map((c) => c.keys)).toEqual([["+", "="], [], ["F"]]);
    expect(commandForKey(live, { key: "1" })).toBeUndefined();
    expect(commandForKey(live, { key: "f" })?.id).toBe("fit");
    // The command stays (its button still works), without a key to show.
    expect(live[1].label).toBe("100%");
    expect(allKeysOf(live[1])).toBe("");
  });

  it("matches letters without case and single characters whatever Shift says, as the bindings do", () => {
    const winners = defineCommands<null>("work", [{ id: "x", label: "x", keys: ["f", "+"], group: "Task", run: () => {} }]);
    const live = yieldKeys(view, winners);
    expect(live.find((c) => c.id === "fit")?.keys).toEqual([]);
    // "+" is gone; the help's own wording ("+") named it, so the remaining binding is listed instead.
    const zoomIn = live.find((c) => c.id === "zoomIn")!;
    expect(zoomIn.keys).toEqual(["="]);
    expect(allKeysOf(zoomIn)).toBe("=");
    expect(zoomIn.matches({ key: "+", shiftKey: true })).toBe(false);
    expect(zoomIn.matches({ key: "=" })).toBe(true);
  });

  it("leaves the commands as they are when nothing is taken", () => {
    expect(yieldKeys(view, [])).toBe(view);
    const live = yieldKeys(view, defineCommands<null>("work", [{ id: "s", label: "s", keys: ["Shift+S"], group: "Task", run: () => {} }]));
    live.forEach((c, i) => expect(c).toBe(view[i]));
  });
});
