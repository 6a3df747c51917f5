import { useEffect, useId, useMemo, useRef, useState, type ClipboardEvent, type KeyboardEvent } from "react";
import { LABEL_COMMANDS, keyHints, keyText, labelCommandForKey, type LabelTreeContext } from "./commands";
import { PasteList } from "./PasteList";
import { LabelRow } from "./LabelRow";
import * as tree from "./tree";
import type { DropPlace, LabelNode } from "./tree";
import { labelListProblem } from "./validate";
import styles from "./labels.module.css";

const NESTING_COMMANDS: readonly string[] = ["addChild", "indent", "outdent"];

export interface LabelTreeEditorProps {
  /** The wire name (`objects_to_annotate`, `labels`, `categories`, `annotation_attributes.x.choices`). */
  name: string;
  /** Strings and `{choice, subchoices}` objects, as the schema allows. */
  value: unknown[];
  onChange(value: unknown[]): void;
  /** A message from the form (e.g. a rule that spans fields); shown beside this editor's own. */
  error?: string;
  /** The most top-level entries the server takes (6 objects for boxes, 50 segmentation labels). */
  maxItems?: number;
  /** Whether `{choice, subchoices}` is allowed; default true. */
  nested?: boolean;
}

/**
 * A tree of labels: add, rename in place, delete, indent, outdent, reorder by keyboard or drag,
 * paste a list. Emits the wire value on every change and shows the server's message for it.
 */
export function LabelTreeEditor({ name, value, onChange, error, maxItems, nested = true }: LabelTreeEditorProps) {
  const ids = { tree: useId(), keys: useId(), error: useId(), title: useId() };
  const valueKey = JSON.stringify(value);
  const [nodes, setNodes] = useState<LabelNode[]>(() => tree.fromWire(value));
  const [synced, setSynced] = useState(valueKey);
  const [activeId, setActiveId] = useState<string | null>(null);
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(() => new Set());
  const [editingId, setEditingId] = useState<string | null>(null);
  const [freshId, setFreshId] = useState<string | null>(null);
  const [pasting, setPasting] = useState(false);
  const [drag, setDrag] = useState<{ id: string; over: string | null; place: DropPlace | null } | null>(null);
  const rows = useRef(new Map<string, HTMLLIElement>());
  const focusNext = useRef<string | null>(null);

  // The form may replace the value (a reset, "Create similar"): rebuild unless it is our own echo.
  if (valueKey !== synced) {
    setSynced(valueKey);
    setNodes(tree.fromWire(value));
  }

  const flat = useMemo(() => tree.flatten(nodes, [], collapsed), [nodes, collapsed]);
  const total = useMemo(() => tree.flatten(nodes).length, [nodes]);
  const current = activeId && flat.some((r) => r.node.id === activeId) ? activeId : (flat[0]?.node.id ?? null);
  const repeated = useMemo(() => tree.repeatedNames(nodes), [nodes]);
  const wire = useMemo(() => tree.toWire(nodes), [nodes]);
  const own = labelListProblem(name, wire, maxItems);

  useEffect(() => {
    const id = focusNext.current;
    if (id === null) return;
    focusNext.current = null;
    rows.current.get(id)?.focus();
  });

  /** Expands every group that holds `id`, so a label just moved or added is on screen. */
  function reveal(within: LabelNode[], id: string) {
    const hidden = tree.ancestorIds(within, id).filter((a) => collapsed.has(a));
    if (hidden.length) setCollapsed((c) => new Set([...c].filter((x) => !hidden.includes(x))));
  }

  function toggle(id: string, open: boolean) {
    setCollapsed((c) => {
      const next = new Set(c);
      if (open) next.delete(id);
      else next.add(id);
      return next;
    });
  }

  function update(next: LabelNode[], focusId?: string | null) {
    const out = tree.toWire(next);
    setNodes(next);
    setSynced(JSON.stringify(out));
    onChange(out);
    if (focusId) {
      reveal(next, focusId);
      setActiveId(focusId);
      focusNext.current = focusId;
    }
  }

  const ctx: LabelTreeContext = {
    nodes,
    activeId: current,
    nested,
    update,
    add(where) {
      const added = tree.node("");
      const next = where.parentId
        ? tree.appendChild(nodes, where.parentId, [added])
        : tree.insertAfter(nodes, where.afterId ?? null, [added]);
      update(next);
      reveal(next, added.id);
      setActiveId(added.id);
      setFreshId(added.id);
      setEditingId(added.id);
    },
    rename(id) {
      setEditingId(id);
    },
    remove(id) {
      const at = flat.findIndex((r) => r.node.id === id);
      const next = tree.remove(nodes, id);
      const after = tree.flatten(next, [], collapsed);
      const focus = after[Math.min(at, after.length - 1)]?.node.id ?? null;
      update(next, focus);
      if (!focus) setActiveId(null);
    },
    openPaste() {
      setPasting(true);
    },
  };

  function onRowKeyDown(e: KeyboardEvent<HTMLLIElement>, id: string) {
    const at = flat.findIndex((r) => r.node.id === id);
    const go = (i: number) => {
      const target = flat[Math.max(0, Math.min(flat.length - 1, i))];
      if (!target) return;
      e.preventDefault();
      setActiveId(target.node.id);
      rows.current.get(target.node.id)?.focus();
    };
    if (!e.altKey && !e.ctrlKey && !e.metaKey && !e.shiftKey) {
      if (e.key === "ArrowDown") return go(at + 1);
      if (e.key === "ArrowUp") return go(at - 1);
      if (e.key === "Home") return go(0);
      if (e.key === "End") return go(flat.length - 1);
      // The ARIA tree pattern: → opens a group or enters it, ← closes it or goes to the parent.
      const row = flat[at];
      const open = row && row.node.children.length > 0 && !collapsed.has(id);
      if (e.key === "ArrowRight" && row && row.node.children.length > 0) {
        e.preventDefault();
        return open ? go(at + 1) : toggle(id, true);
      }
      if (e.key === "ArrowLeft" && row) {
        e.preventDefault();
        if (open) return toggle(id, false);
        const parent = tree.ancestorIds(nodes, id).pop();
        if (parent) return go(flat.findIndex((r) => r.node.id === parent));
        return;
      }
    }
    const command = labelCommandForKey(e);
    if (!command) return;
    // Alt+arrows are the browser's Back/Forward elsewhere; here they always mean the tree's keys.
    e.preventDefault();
    const here = { ...ctx, activeId: id };
    if (command.canRun(here)) command.run(here);
  }

  function insertPasted(text: string) {
    const pasted = tree.parseLabelList(text);
    if (pasted.length === 0) return;
    const flatPasted = nested ? pasted : tree.flatten(pasted).map((r) => tree.node(r.node.name));
    update(tree.insertAfter(nodes, current, flatPasted), flatPasted[0].id);
  }

  function onPaste(e: ClipboardEvent<HTMLDivElement>) {
    // Typing into the rename box or the paste box is ordinary text entry.
    if (e.target instanceof HTMLInputElement || e.target instanceof HTMLTextAreaElement) return;
    const text = e.clipboardData.getData("text/plain");
    if (!text.trim()) return;
    e.preventDefault();
    insertPasted(text);
  }

  // Enter and then the blur of the removed input would both commit: the ref lets only one through.
  const editing = useRef<string | null>(null);
  editing.current = editingId;
  const commit = (id: string, newName: string) => {
    if (editing.current !== id) return;
    editing.current = null;
    const trimmed = newName.trim();
    if (trimmed === "") return cancel(id);
    setEditingId(null);
    setFreshId(null);
    if (tree.findPath(nodes, id)) update(tree.rename(nodes, id, trimmed), id);
  };
  function cancel(id: string) {
    editing.current = null;
    setEditingId(null);
    if (freshId === id) {
      setFreshId(null);
      ctx.remove(id);
    } else {
      setActiveId(id);
      focusNext.current = id;
    }
  }

  const topCount = nodes.length;
  const problems = [own, error && error !== own ? error : null].filter(Boolean) as string[];
  const shown = LABEL_COMMANDS.filter((c) => nested || !NESTING_COMMANDS.includes(c.id));

  return (
    // Paste lands here from a row, a toolbar button or the empty editor alike.
    <div className={styles.editor} onPaste={onPaste}>
      <div className={styles.toolbar} role="toolbar" aria-label={`${name} label actions`} aria-controls={flat.length > 0 ? ids.tree : undefined}>
        {shown.map((c) => (
          <button
            key={c.id}
            type="button"
            className="btn btn-sm"
            disabled={!c.canRun(ctx)}
            aria-keyshortcuts={c.keys}
            title={`${c.label} (${keyText(c.keys)})`}
            onMouseDown={(e) => e.preventDefault()}
            aria-label={c.short ? c.label : undefined}
            onClick={() => c.run(ctx)}
          >
            {c.short ?? c.label}
          </button>
        ))}
        <span className={styles.counter} aria-live="polite">
          {topCount}
          {maxItems ? ` / ${maxItems}` : ""} {nested ? "top-level" : ""} · {total} in all
        </span>
      </div>
      {pasting ? (
        <PasteList
          wireName={name}
          nested={nested}
          onInsert={(text) => {
            insertPasted(text);
            setPasting(false);
          }}
          onClose={() => setPasting(false)}
        />
      ) : null}
      {flat.length === 0 ? (
        <p className={styles.emptyTree}>No labels yet. Add one, or paste a list (one per line, indent to nest).</p>
      ) : null}
      {flat.length > 0 ? (
        <ul
          id={ids.tree}
          role="tree"
          aria-label={`${name} labels`}
          aria-describedby={`${ids.keys}${problems.length ? ` ${ids.error}` : ""}`}
          aria-invalid={problems.length > 0 || undefined}
          className={styles.tree}
        >
          {flat.map((row) => (
            <LabelRow
              key={row.node.id}
              row={row}
              wireName={name}
              nested={nested}
              active={row.node.id === current}
              editing={row.node.id === editingId}
              expanded={row.node.children.length > 0 ? !collapsed.has(row.node.id) : undefined}
              onToggle={(open) => toggle(row.node.id, open)}
              repeated={repeated.has(row.node.name)}
              dropHint={drag && drag.over === row.node.id ? drag.place : null}
              register={(id, el) => (el ? rows.current.set(id, el) : rows.current.delete(id))}
              onFocusRow={setActiveId}
              onRowKeyDown={onRowKeyDown}
              onStartRename={(id) => {
                setActiveId(id);
                setEditingId(id);
              }}
              onCommitRename={commit}
              onCancelRename={cancel}
              onDragStart={(id) => setDrag({ id, over: null, place: null })}
              onDragOverRow={(id, place) =>
                setDrag((d) => (d && tree.canDrop(nodes, d.id, id) ? { ...d, over: place ? id : null, place } : d))
              }
              onDropRow={(id, place) => {
                if (place === "inside") toggle(id, true);
                if (drag && tree.canDrop(nodes, drag.id, id)) update(tree.dropOn(nodes, drag.id, id, place), drag.id);
                setDrag(null);
              }}
              onDragEnd={() => setDrag(null)}
            />
          ))}
        </ul>
      ) : null}
      <p id={ids.keys} className={styles.keys}>
        Keys on a label: {keyHints(nested).join(" · ")}
      </p>
      {problems.length ? (
        <p id={ids.error} className={styles.error} role="alert">
          {problems.join("; ")}
        </p>
      ) : null}
    </div>
  );
}
