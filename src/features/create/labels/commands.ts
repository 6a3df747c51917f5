// The label tree's commands in ONE registry: the toolbar buttons, the key handler and the visible
// key list all read these entries, so a key or a label changes in one place.
import * as tree from "./tree";
import type { LabelNode } from "./tree";

export interface LabelTreeContext {
  nodes: LabelNode[];
  /** The focused row, or null when the tree is empty. */
  activeId: string | null;
  /** Nesting allowed (`objects_to_annotate`, attribute choices); flat lists can't indent. */
  nested: boolean;
  update(next: LabelNode[], focusId?: string | null): void;
  /** Adds an empty label (after `afterId`, or as a child of `parentId`) and opens it for renaming. */
  add(where: { afterId?: string | null; parentId?: string }): void;
  rename(id: string): void;
  remove(id: string): void;
  openPaste(): void;
}

type KeyTest = Pick<KeyboardEvent, "key" | "altKey" | "shiftKey" | "ctrlKey" | "metaKey">;

export interface LabelCommand {
  id: "add" | "addChild" | "rename" | "remove" | "moveUp" | "moveDown" | "indent" | "outdent" | "paste";
  label: string;
  /** What the toolbar button shows when the label is too long for one row (an arrow). */
  short?: string;
  /** Shown to the user and given to `aria-keyshortcuts`. */
  keys: string;
  matches(e: KeyTest): boolean;
  canRun(ctx: LabelTreeContext): boolean;
  run(ctx: LabelTreeContext): void;
}

const plain = (e: KeyTest) => !e.altKey && !e.ctrlKey && !e.metaKey;
const withAlt = (e: KeyTest) => e.altKey && !e.ctrlKey && !e.metaKey;
const active = (c: LabelTreeContext) => c.activeId !== null && tree.findPath(c.nodes, c.activeId) !== null;

export const LABEL_COMMANDS: readonly LabelCommand[] = [
  {
    id: "add",
    label: "Add label",
    keys: "Shift+Enter",
    matches: (e) => plain(e) && e.shiftKey && e.key === "Enter",
    canRun: () => true,
    run: (c) => c.add({ afterId: c.activeId }),
  },
  {
    id: "addChild",
    label: "Add sublabel",
    keys: "Alt+Enter",
    matches: (e) => withAlt(e) && e.key === "Enter",
    canRun: (c) => c.nested && active(c),
    run: (c) => c.activeId && c.add({ parentId: c.activeId }),
  },
  {
    id: "rename",
    label: "Rename",
    keys: "Enter",
    matches: (e) => plain(e) && !e.shiftKey && (e.key === "Enter" || e.key === "F2"),
    canRun: active,
    run: (c) => c.activeId && c.rename(c.activeId),
  },
  {
    id: "remove",
    label: "Delete",
    keys: "Delete",
    matches: (e) => plain(e) && !e.shiftKey && (e.key === "Delete" || e.key === "Backspace"),
    canRun: active,
    run: (c) => c.activeId && c.remove(c.activeId),
  },
  {
    id: "moveUp",
    label: "Move up",
    short: "↑",
    keys: "Alt+ArrowUp",
    matches: (e) => withAlt(e) && e.key === "ArrowUp",
    canRun: (c) => active(c) && tree.canMove(c.nodes, c.activeId as string, -1),
    run: (c) => c.update(tree.move(c.nodes, c.activeId as string, -1), c.activeId),
  },
  {
    id: "moveDown",
    label: "Move down",
    short: "↓",
    keys: "Alt+ArrowDown",
    matches: (e) => withAlt(e) && e.key === "ArrowDown",
    canRun: (c) => active(c) && tree.canMove(c.nodes, c.activeId as string, 1),
    run: (c) => c.update(tree.move(c.nodes, c.activeId as string, 1), c.activeId),
  },
  {
    id: "indent",
    label: "Indent",
    short: "→",
    keys: "Alt+ArrowRight",
    matches: (e) => withAlt(e) && e.key === "ArrowRight",
    canRun: (c) => c.nested && active(c) && tree.canIndent(c.nodes, c.activeId as string),
    run: (c) => c.update(tree.indent(c.nodes, c.activeId as string), c.activeId),
  },
  {
    id: "outdent",
    label: "Outdent",
    short: "←",
    keys: "Alt+ArrowLeft",
    matches: (e) => withAlt(e) && e.key === "ArrowLeft",
    canRun: (c) => active(c) && tree.canOutdent(c.nodes, c.activeId as string),
    run: (c) => c.update(tree.outdent(c.nodes, c.activeId as string), c.activeId),
  },
  {
    id: "paste",
    label: "Paste a list…",
    keys: "Control+V",
    // Ctrl+V itself arrives as a paste event with the text; this entry is the button.
    matches: () => false,
    canRun: () => true,
    run: (c) => c.openPaste(),
  },
];

/** The command a key press on a row asks for, if any. */
export function labelCommandForKey(e: KeyTest): LabelCommand | undefined {
  return LABEL_COMMANDS.find((c) => c.matches(e));
}

/** "Alt+ArrowUp" → "Alt+↑", for the visible key list. */
export function keyText(keys: string): string {
  return keys
    .replace("ArrowUp", "↑")
    .replace("ArrowDown", "↓")
    .replace("ArrowLeft", "←")
    .replace("ArrowRight", "→")
    .replace("Control", "Ctrl")
    .replace(/^Delete$/, "Del");
}

/** The visible key list, pairs merged ("Alt+↑/↓ move"), read from the same entries as the handler. */
export function keyHints(nested: boolean): string[] {
  const by = (id: LabelCommand["id"]) => LABEL_COMMANDS.find((c) => c.id === id) as LabelCommand;
  const arrowOf = (id: LabelCommand["id"]) => keyText(by(id).keys).replace(/^.*\+/, "");
  const pair = (a: LabelCommand["id"], b: LabelCommand["id"], what: string) => `${keyText(by(a).keys)}/${arrowOf(b)} ${what}`;
  return [
    "↑/↓ select",
    ...(nested ? ["→/← open/close a group"] : []),
    `${keyText(by("rename").keys)} rename`,
    `${keyText(by("add").keys)} add`,
    ...(nested ? [`${keyText(by("addChild").keys)} add sublabel`] : []),
    `${keyText(by("remove").keys)} delete`,
    pair("moveUp", "moveDown", "move"),
    ...(nested ? [pair("indent", "outdent", "indent/outdent")] : []),
    `Ctrl+V paste a list${nested ? " (indent to nest)" : ""}`,
    `drag ⋮⋮ to reorder${nested ? " or onto a label to nest" : ""}`,
  ];
}
