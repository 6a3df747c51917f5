import { describe, expect, it } from "vitest";
import { AUDIT_COMMANDS, commandForKey, type AuditContext } from "./commands";

function context(overrides: Partial<AuditContext> = {}): AuditContext {
  const noop = () => undefined;
  return { canDecide: true, busy: false, hasPrevious: false, hasNext: true, approve: noop, reject: noop, previous: noop, next: noop, toggleHelp: noop, ...overrides };
}

describe("audit commands", () => {
  it("have one distinct shortcut each", () => {
    const keys = AUDIT_COMMANDS.flatMap((c) => c.keys);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it("match letters case-insensitively and leave modified presses to the browser", () => {
    expect(commandForKey({ key: "A", ctrlKey: false, metaKey: false, altKey: false })?.id).toBe("approve");
    expect(commandForKey({ key: "?", ctrlKey: false, metaKey: false, altKey: false })?.id).toBe("help");
    expect(commandForKey({ key: "r", ctrlKey: true, metaKey: false, altKey: false })).toBeUndefined();
    expect(commandForKey({ key: "x", ctrlKey: false, metaKey: false, altKey: false })).toBeUndefined();
  });

  it("can't decide while a decision is being sent or on a task that isn't completed", () => {
    const approve = AUDIT_COMMANDS.find((c) => c.id === "approve")!;
    expect(approve.canRun(context())).toBe(true);
    expect(approve.canRun(context({ busy: true }))).toBe(false);
    expect(approve.canRun(context({ canDecide: false }))).toBe(false);
  });
});
