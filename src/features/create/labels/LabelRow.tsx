import { useEffect, useRef, useState, type DragEvent, type KeyboardEvent } from "react";
import type { DropPlace, FlatNode } from "./tree";
import styles from "./labels.module.css";

export interface LabelRowProps {
  row: FlatNode;
  wireName: string;
  active: boolean;
  editing: boolean;
  /** Whether a group's sublabels are shown; undefined for a label without sublabels. */
  expanded: boolean | undefined;
  onToggle(open: boolean): void;
  repeated: boolean;
  dropHint: DropPlace | null;
  nested: boolean;
  register(id: string, el: HTMLLIElement | null): void;
  onFocusRow(id: string): void;
  onRowKeyDown(e: KeyboardEvent<HTMLLIElement>, id: string): void;
  onStartRename(id: string): void;
  onCommitRename(id: string, name: string): void;
  onCancelRename(id: string): void;
  onDragStart(id: string): void;
  onDragOverRow(id: string, place: DropPlace | null): void;
  onDropRow(id: string, place: DropPlace): void;
  onDragEnd(): void;
}

/** Where in a row the pointer is: the top and bottom quarters mean between rows, the middle inside. */
function placeFor(e: DragEvent<HTMLElement>, nested: boolean): DropPlace {
  const rect = e.currentTarget.getBoundingClientRect();
  const y = (e.clientY - rect.top) / Math.max(rect.height, 1);
  if (!nested) return y < 0.5 ? "before" : "after";
  return y < 0.25 ? "before" : y > 0.75 ? "after" : "inside";
}

/** One label: a treeitem that can be focused, renamed in place and dragged. */
export function LabelRow(p: LabelRowProps) {
  const { node, depth, position, siblings } = p.row;
  const [draft, setDraft] = useState(node.name);
  const input = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (p.editing) {
      setDraft(node.name);
      input.current?.focus();
      input.current?.select();
    }
    // Only when renaming starts: typing must not be reset by the node's own echo.
  }, [p.editing]);

  const hasChildren = node.children.length > 0;
  const classes = [
    styles.row,
    p.active ? styles.active : "",
    p.repeated ? styles.repeated : "",
    p.dropHint ? styles[`drop_${p.dropHint}`] : "",
  ].join(" ");

  return (
    <li
      ref={(el) => p.register(node.id, el)}
      role="treeitem"
      aria-level={depth + 1}
      aria-posinset={position}
      aria-setsize={siblings}
      aria-selected={p.active}
      aria-expanded={p.expanded}
      aria-invalid={p.repeated || node.name.trim() === "" || undefined}
      aria-label={`${node.name || "(empty)"}${hasChildren ? `, group of ${node.children.length}` : ""}`}
      tabIndex={p.active && !p.editing ? 0 : -1}
      className={classes}
      style={{ paddingInlineStart: `calc(${depth} * 1.5rem + 0.5rem)` }}
      draggable={!p.editing}
      data-label-id={node.id}
      onFocus={(e) => e.target === e.currentTarget && p.onFocusRow(node.id)}
      onKeyDown={(e) => e.target === e.currentTarget && p.onRowKeyDown(e, node.id)}
      onDoubleClick={() => p.onStartRename(node.id)}
      onDragStart={(e) => {
        e.dataTransfer.effectAllowed = "move";
        e.dataTransfer.setData("text/plain", node.name);
        p.onDragStart(node.id);
      }}
      onDragOver={(e) => {
        e.preventDefault();
        e.dataTransfer.dropEffect = "move";
        p.onDragOverRow(node.id, placeFor(e, p.nested));
      }}
      onDragLeave={() => p.onDragOverRow(node.id, null)}
      onDrop={(e) => {
        e.preventDefault();
        p.onDropRow(node.id, placeFor(e, p.nested));
      }}
      onDragEnd={p.onDragEnd}
    >
      <span className={styles.grip} aria-hidden="true">
        ⋮⋮
      </span>
      {hasChildren ? (
        // Mouse only: keyboard users open and close a group with → and ←, as in any tree.
        <span
          className={styles.groupMark}
          aria-hidden="true"
          title={p.expanded ? "Hide sublabels (←)" : "Show sublabels (→)"}
          onClick={(e) => {
            e.stopPropagation();
            p.onToggle(!p.expanded);
          }}
        >
          {p.expanded ? "▾" : "▸"}
        </span>
      ) : null}
      {p.editing ? (
        <input
          ref={input}
          className={`input ${styles.renameInput}`}
          value={draft}
          aria-label={`Label name (${p.wireName})`}
          spellCheck={false}
          onChange={(e) => setDraft(e.target.value)}
          onKeyDown={(e) => {
            e.stopPropagation();
            if (e.key === "Enter") {
              e.preventDefault();
              p.onCommitRename(node.id, draft);
            } else if (e.key === "Escape") {
              e.preventDefault();
              p.onCancelRename(node.id);
            }
          }}
          onBlur={() => p.onCommitRename(node.id, draft)}
        />
      ) : (
        <span className={styles.name}>{node.name || <em className={styles.empty}>(empty)</em>}</span>
      )}
      {hasChildren ? <span className={styles.count}>{node.children.length}</span> : null}
      {p.repeated ? <span className={styles.badge}>repeated</span> : null}
    </li>
  );
}
