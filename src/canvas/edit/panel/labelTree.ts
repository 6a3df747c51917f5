import { leafLabels, type LabelChoice } from "../../../schema";

// The label picker's model: a nested label tree (`{choice, subchoices}` to any depth) flattened
// into rows, searched by name. Only leaves are picked and reported, as the docs say; inner
// choices are shown as headings (browsing) or as a breadcrumb (searching).

/**
 * The leaves in tree order: the order the picker numbers them and the order keys 1–9 pick
 * (the editor's shortcuts use this same function through `EditorParams.leaves`).
 */
export function leafOrder(tree: readonly LabelChoice[]): string[] {
  return leafLabels(tree);
}

export type LabelRow =
  | { type: "group"; name: string; depth: number }
  | {
      type: "leaf";
      name: string;
      depth: number;
      /** The inner choices above the leaf, outermost first. */
      path: readonly string[];
      /** 1–9 for the first nine leaves (their number key), else null. */
      key: number | null;
      /** Where the query matched in `name`, for highlighting; null when it matched the path only. */
      match: { start: number; end: number } | null;
    };

export type LeafRow = Extract<LabelRow, { type: "leaf" }>;

interface Leaf {
  name: string;
  path: string[];
  order: number;
}

function walk(tree: readonly LabelChoice[]): { rows: LabelRow[]; leaves: Leaf[] } {
  const rows: LabelRow[] = [];
  const leaves: Leaf[] = [];
  const visit = (c: LabelChoice, path: string[]) => {
    if (typeof c === "string") {
      const order = leaves.length;
      leaves.push({ name: c, path, order });
      rows.push({ type: "leaf", name: c, depth: path.length, path, key: order < 9 ? order + 1 : null, match: null });
    } else {
      rows.push({ type: "group", name: c.choice, depth: path.length });
      c.subchoices.forEach((s) => visit(s, [...path, c.choice]));
    }
  };
  tree.forEach((c) => visit(c, []));
  return { rows, leaves };
}

/** How well a leaf matches: lower is better; null = no match. */
function rank(leaf: Leaf, q: string): { score: number; match: LeafRow["match"] } | null {
  const name = leaf.name.toLowerCase();
  const at = name.indexOf(q);
  if (at >= 0) {
    const match = { start: at, end: at + q.length };
    if (name === q) return { score: 0, match };
    if (at === 0) return { score: 1, match };
    // The start of a later word ("lane m" in "white lane marking").
    if (/[\s\-_/]/.test(name[at - 1])) return { score: 2, match };
    return { score: 3, match };
  }
  // Every word of the query found somewhere in the leaf or its path ("vehicle car").
  const hay = [...leaf.path, leaf.name].join(" ").toLowerCase();
  const words = q.split(/\s+/).filter(Boolean);
  if (words.length && words.every((w) => hay.includes(w))) return { score: 4, match: null };
  return null;
}

/**
 * The rows to show. An empty query browses the whole tree (headings and leaves, in order); a
 * query lists the matching leaves only, best match first (exact, prefix, word start, anywhere,
 * then matches through an inner choice's name), ties in tree order.
 */
export function labelRows(tree: readonly LabelChoice[], query: string): LabelRow[] {
  const { rows, leaves } = walk(tree);
  const q = query.trim().toLowerCase();
  if (!q) return rows;
  const hits: { leaf: Leaf; score: number; match: LeafRow["match"] }[] = [];
  for (const leaf of leaves) {
    const r = rank(leaf, q);
    if (r) hits.push({ leaf, ...r });
  }
  hits.sort((a, b) => a.score - b.score || a.leaf.order - b.leaf.order);
  return hits.map(({ leaf, match }) => ({
    type: "leaf",
    name: leaf.name,
    depth: 0,
    path: leaf.path,
    key: leaf.order < 9 ? leaf.order + 1 : null,
    match,
  }));
}

export function leafRows(rows: readonly LabelRow[]): LeafRow[] {
  return rows.filter((r): r is LeafRow => r.type === "leaf");
}

/** The inner choices above a leaf (for "Vehicle › Car" next to the current label), or []. */
export function pathOfLeaf(tree: readonly LabelChoice[], leaf: string): string[] {
  const hit = walk(tree).leaves.find((l) => l.name === leaf);
  return hit ? hit.path : [];
}

/** The next highlighted leaf index when moving by `delta` (arrows wrap, Page keys clamp). */
export function moveHighlight(count: number, current: number, delta: number, wrap: boolean): number {
  if (count === 0) return -1;
  if (current < 0) return delta > 0 ? 0 : count - 1;
  const next = current + delta;
  if (wrap) return ((next % count) + count) % count;
  return Math.max(0, Math.min(count - 1, next));
}
