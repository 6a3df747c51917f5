// The label tree as the editor holds it: nodes with stable ids (for React keys, focus and drag),
// converted to and from the wire's `LabelChoice[]` (a plain string for a leaf, `{choice,
// subchoices}` for a node with children). Every operation is pure and returns a new tree, so the
// component keeps one state value and tests need no DOM.
import type { LabelChoice } from "../../../schema";

export interface LabelNode {
  id: string;
  name: string;
  children: LabelNode[];
}

let nextId = 0;
export function newNodeId(): string {
  nextId += 1;
  return `label-${nextId}`;
}

export function node(name: string, children: LabelNode[] = []): LabelNode {
  return { id: newNodeId(), name, children };
}

/** Reads whatever the form holds; a value of the wrong shape becomes a leaf named by its text. */
export function fromWire(value: readonly unknown[]): LabelNode[] {
  return value.map((item) => {
    if (typeof item === "string") return node(item);
    if (item && typeof item === "object" && "choice" in item) {
      const { choice, subchoices } = item as { choice: unknown; subchoices?: unknown };
      const kids = Array.isArray(subchoices) ? subchoices : subchoices === undefined ? [] : [subchoices];
      return node(String(choice ?? ""), fromWire(kids));
    }
    return node(typeof item === "object" ? JSON.stringify(item) : String(item));
  });
}

/** The wire value: a leaf without subchoices is a plain string, as the docs show. */
export function toWire(nodes: readonly LabelNode[]): LabelChoice[] {
  return nodes.map((n) => (n.children.length === 0 ? n.name : { choice: n.name, subchoices: toWire(n.children) }));
}

/** Where a node sits: the index at each level from the root. */
export type NodePath = number[];

export interface FlatNode {
  node: LabelNode;
  path: NodePath;
  depth: number;
  /** 1-based position among siblings and the number of siblings, for aria-posinset/setsize. */
  position: number;
  siblings: number;
}

/**
 * Depth-first order: the order rows are shown and arrow keys walk. The children of a node in
 * `collapsed` are left out (they are hidden, not gone).
 */
export function flatten(nodes: readonly LabelNode[], prefix: NodePath = [], collapsed?: ReadonlySet<string>): FlatNode[] {
  return nodes.flatMap((n, i) => {
    const path = [...prefix, i];
    const row: FlatNode = { node: n, path, depth: prefix.length, position: i + 1, siblings: nodes.length };
    return collapsed?.has(n.id) ? [row] : [row, ...flatten(n.children, path, collapsed)];
  });
}

/** The ids of the nodes that hold `id`, outermost first. */
export function ancestorIds(nodes: readonly LabelNode[], id: string): string[] {
  const path = findPath(nodes, id);
  if (!path) return [];
  const out: string[] = [];
  let list = nodes;
  for (const i of path.slice(0, -1)) {
    out.push(list[i].id);
    list = list[i].children;
  }
  return out;
}

export function findPath(nodes: readonly LabelNode[], id: string): NodePath | null {
  for (let i = 0; i < nodes.length; i++) {
    if (nodes[i].id === id) return [i];
    const inner = findPath(nodes[i].children, id);
    if (inner) return [i, ...inner];
  }
  return null;
}

/** Replaces the sibling list that holds `path`'s last index (the root list for a top-level path). */
function updateSiblings(
  nodes: readonly LabelNode[],
  parentPath: NodePath,
  update: (siblings: LabelNode[]) => LabelNode[],
): LabelNode[] {
  if (parentPath.length === 0) return update([...nodes]);
  const [head, ...rest] = parentPath;
  return nodes.map((n, i) => (i === head ? { ...n, children: updateSiblings(n.children, rest, update) } : n));
}

function nodeAt(nodes: readonly LabelNode[], path: NodePath): LabelNode | undefined {
  let list = nodes;
  let found: LabelNode | undefined;
  for (const i of path) {
    found = list[i];
    if (!found) return undefined;
    list = found.children;
  }
  return found;
}

export function rename(nodes: readonly LabelNode[], id: string, name: string): LabelNode[] {
  return nodes.map((n) => (n.id === id ? { ...n, name } : { ...n, children: rename(n.children, id, name) }));
}

export function remove(nodes: readonly LabelNode[], id: string): LabelNode[] {
  return nodes.filter((n) => n.id !== id).map((n) => ({ ...n, children: remove(n.children, id) }));
}

/** Inserts after the node `afterId` as its sibling, or at the end of the root list. */
export function insertAfter(nodes: readonly LabelNode[], afterId: string | null, added: readonly LabelNode[]): LabelNode[] {
  const path = afterId ? findPath(nodes, afterId) : null;
  if (!path) return [...nodes, ...added];
  const index = path[path.length - 1];
  return updateSiblings(nodes, path.slice(0, -1), (s) => [...s.slice(0, index + 1), ...added, ...s.slice(index + 1)]);
}

/** Appends as the last children of `parentId`. */
export function appendChild(nodes: readonly LabelNode[], parentId: string, added: readonly LabelNode[]): LabelNode[] {
  return nodes.map((n) =>
    n.id === parentId ? { ...n, children: [...n.children, ...added] } : { ...n, children: appendChild(n.children, parentId, added) },
  );
}

/** Swaps with the previous (-1) or next (+1) sibling; false when there is none. */
export function canMove(nodes: readonly LabelNode[], id: string, delta: -1 | 1): boolean {
  const path = findPath(nodes, id);
  if (!path) return false;
  const index = path[path.length - 1];
  const parent = path.length > 1 ? nodeAt(nodes, path.slice(0, -1)) : undefined;
  const count = parent ? parent.children.length : nodes.length;
  return index + delta >= 0 && index + delta < count;
}

export function move(nodes: readonly LabelNode[], id: string, delta: -1 | 1): LabelNode[] {
  if (!canMove(nodes, id, delta)) return [...nodes];
  const path = findPath(nodes, id) as NodePath;
  const index = path[path.length - 1];
  return updateSiblings(nodes, path.slice(0, -1), (s) => {
    const out = [...s];
    [out[index], out[index + delta]] = [out[index + delta], out[index]];
    return out;
  });
}

/** Indenting makes a node the last child of its previous sibling, so it needs one. */
export function canIndent(nodes: readonly LabelNode[], id: string): boolean {
  const path = findPath(nodes, id);
  return path !== null && path[path.length - 1] > 0;
}

export function indent(nodes: readonly LabelNode[], id: string): LabelNode[] {
  if (!canIndent(nodes, id)) return [...nodes];
  const path = findPath(nodes, id) as NodePath;
  const index = path[path.length - 1];
  return updateSiblings(nodes, path.slice(0, -1), (s) => {
    const moved = s[index];
    const newParent = { ...s[index - 1], children: [...s[index - 1].children, moved] };
    return [...s.slice(0, index - 1), newParent, ...s.slice(index + 1)];
  });
}

export function canOutdent(nodes: readonly LabelNode[], id: string): boolean {
  const path = findPath(nodes, id);
  return path !== null && path.length > 1;
}

/**
 * Outdenting makes a node its parent's next sibling. The siblings after it stay where they are
 * (under the old parent), so the order of the list read top to bottom doesn't change.
 */
export function outdent(nodes: readonly LabelNode[], id: string): LabelNode[] {
  if (!canOutdent(nodes, id)) return [...nodes];
  const path = findPath(nodes, id) as NodePath;
  const index = path[path.length - 1];
  const parentPath = path.slice(0, -1);
  const parentIndex = parentPath[parentPath.length - 1];
  const moved = nodeAt(nodes, path) as LabelNode;
  return updateSiblings(nodes, parentPath.slice(0, -1), (s) => {
    const parent = s[parentIndex];
    const kept = { ...parent, children: parent.children.filter((_, i) => i !== index) };
    return [...s.slice(0, parentIndex), kept, moved, ...s.slice(parentIndex + 1)];
  });
}

export type DropPlace = "before" | "after" | "inside";

function contains(n: LabelNode, id: string): boolean {
  return n.id === id || n.children.some((c) => contains(c, id));
}

/** Dropping a node on itself or into its own subtree would lose it. */
export function canDrop(nodes: readonly LabelNode[], dragId: string, targetId: string): boolean {
  const path = findPath(nodes, dragId);
  if (!path || dragId === targetId) return false;
  const dragged = nodeAt(nodes, path) as LabelNode;
  return !contains(dragged, targetId);
}

/** Moves `dragId` before, after or inside (as last child of) `targetId`. */
export function dropOn(nodes: readonly LabelNode[], dragId: string, targetId: string, place: DropPlace): LabelNode[] {
  if (!canDrop(nodes, dragId, targetId)) return [...nodes];
  const dragged = nodeAt(nodes, findPath(nodes, dragId) as NodePath) as LabelNode;
  const without = remove(nodes, dragId);
  if (place === "inside") return appendChild(without, targetId, [dragged]);
  const target = findPath(without, targetId) as NodePath;
  const index = target[target.length - 1] + (place === "after" ? 1 : 0);
  return updateSiblings(without, target.slice(0, -1), (s) => [...s.slice(0, index), dragged, ...s.slice(index)]);
}

/** A bullet the user may have copied along with the list ("- car", "* car", "• car"). */
const BULLET = /^(?:[-*+•]\s+)/;

/**
 * A pasted newline-separated list; indentation gives nesting. The indent unit is the smallest
 * indentation in the text (a tab counts as one unit), so two-space and four-space lists both
 * work (indentation all lines share is ignored); a line indented deeper than one level below the line above becomes that line's child.
 */
export function parseLabelList(text: string): LabelNode[] {
  const lines = text
    .replace(/\r\n?/g, "\n")
    .split("\n")
    .map((raw) => {
      const lead = /^[\t ]*/.exec(raw)?.[0] ?? "";
      const tabs = lead.split("\t").length - 1;
      const spaces = lead.length - tabs;
      return { tabs, spaces, name: raw.trim().replace(BULLET, "").trim() };
    })
    .filter((l) => l.name !== "");
  // A block copied from inside an indented document: its common indentation means nothing.
  const baseTabs = Math.min(...lines.map((l) => l.tabs));
  const baseSpaces = Math.min(...lines.map((l) => l.spaces));
  for (const l of lines) {
    l.tabs -= baseTabs;
    l.spaces -= baseSpaces;
  }
  const unit = Math.min(...lines.filter((l) => l.spaces > 0).map((l) => l.spaces), Number.POSITIVE_INFINITY);
  const roots: LabelNode[] = [];
  const stack: LabelNode[] = [];
  for (const line of lines) {
    const level = line.tabs + (Number.isFinite(unit) ? Math.floor(line.spaces / unit) : 0);
    const depth = Math.min(level, stack.length);
    const added = node(line.name);
    stack.length = depth;
    if (depth === 0) roots.push(added);
    else stack[depth - 1].children.push(added);
    stack.push(added);
  }
  return roots;
}

/** Names used more than once anywhere in the tree, to mark the rows the server will refuse. */
export function repeatedNames(nodes: readonly LabelNode[]): Set<string> {
  const seen = new Set<string>();
  const twice = new Set<string>();
  for (const { node: n } of flatten(nodes)) {
    if (seen.has(n.name)) twice.add(n.name);
    seen.add(n.name);
  }
  return twice;
}
