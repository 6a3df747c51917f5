import { describe, expect, it } from "vitest";
import { canonicalBinding, formatBinding, matchesBinding, parseBinding } from "./keys";

const press = (key: string, mods: { shift?: boolean; ctrl?: boolean; meta?: boolean; alt?: boolean } = {}) => ({
  key,
  shiftKey: Boolean(mods.shift),
  ctrlKey: Boolean(mods.ctrl),
  metaKey: Boolean(mods.meta),
  altKey: Boolean(mods.alt),
});

describe("key bindings", () => {
  it("parse modifiers and keys, '+' included", () => {
    expect(parseBinding("Mod+Shift+Z")).toEqual({ key: "Z", mod: true, shift: true, alt: false });
    expect(parseBinding("+")).toEqual({ key: "+", mod: false, shift: false, alt: false });
    expect(parseBinding("Mod++")).toEqual({ key: "+", mod: true, shift: false, alt: false });
    expect(() => parseBinding("Ctl+Z")).toThrow(/unknown modifier/);
  });

  it("Mod is Ctrl or ⌘; a press with a modifier the binding lacks doesn't match", () => {
    expect(matchesBinding("Mod+Z", press("z", { ctrl: true }))).toBe(true);
    expect(matchesBinding("Mod+Z", press("z", { meta: true }))).toBe(true);
    expect(matchesBinding("Mod+Z", press("z"))).toBe(false);
    expect(matchesBinding("Mod+Z", press("Z", { ctrl: true, shift: true }))).toBe(false);
    expect(matchesBinding("Mod+Shift+Z", press("Z", { ctrl: true, shift: true }))).toBe(true);
    expect(matchesBinding("A", press("a", { ctrl: true }))).toBe(false);
    expect(matchesBinding("A", press("a", { alt: true }))).toBe(false);
  });

  it("letters ignore case but not Shift; other characters are matched by the character alone", () => {
    expect(matchesBinding("F", press("f"))).toBe(true);
    expect(matchesBinding("F", press("F"))).toBe(true); // caps lock: no Shift
    expect(matchesBinding("F", press("F", { shift: true }))).toBe(false);
    expect(matchesBinding("Shift+F", press("F", { shift: true }))).toBe(true);
    expect(matchesBinding("?", press("?", { shift: true }))).toBe(true);
    expect(matchesBinding("?", press("?"))).toBe(true); // a layout where ? needs no Shift
    expect(matchesBinding("[", press("["))).toBe(true);
    expect(matchesBinding("]", press("["))).toBe(false);
    expect(matchesBinding("ArrowLeft", press("ArrowLeft", { shift: true }))).toBe(false);
    expect(matchesBinding("Shift+ArrowLeft", press("ArrowLeft", { shift: true }))).toBe(true);
  });

  it("are written for the platform", () => {
    expect(formatBinding("Mod+Shift+Z", false)).toBe("Ctrl+Shift+Z");
    expect(formatBinding("Mod+Shift+Z", true)).toBe("⇧⌘Z");
    expect(formatBinding("Escape", false)).toBe("Esc");
    expect(formatBinding("ArrowLeft", false)).toBe("←");
    expect(formatBinding("-", false)).toBe("−");
    expect(formatBinding("t", false)).toBe("T");
  });

  it("have one canonical form per key press", () => {
    expect(canonicalBinding("f")).toBe(canonicalBinding("F"));
    expect(canonicalBinding("Shift+?")).toBe(canonicalBinding("?"));
    expect(canonicalBinding("Shift+F")).not.toBe(canonicalBinding("F"));
  });
});
