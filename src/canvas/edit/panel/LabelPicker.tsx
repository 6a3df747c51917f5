import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent, type PointerEvent } from "react";
import type { LabelPickerProps } from "../types";
import { labelRows, leafRows, moveHighlight, pathOfLeaf, type LeafRow } from "./labelTree";
import css from "./editPanels.module.css";

/**
 * The searchable label picker for nested labels. Typing filters to the matching leaves (also
 * through an inner choice's name); arrows move, Enter picks, Esc cancels; with an empty search
 * 1–9 pick the first nine leaves (the same numbers as the editor's shortcuts). Only leaves are
 * ever reported.
 */
export function LabelPicker({ labelTree, current, onPick, onCancel }: LabelPickerProps) {
  const id = useId();
  const [query, setQuery] = useState("");
  const rows = useMemo(() => labelRows(labelTree, query), [labelTree, query]);
  const leaves = useMemo(() => leafRows(rows), [rows]);
  const [highlight, setHighlight] = useState(() => Math.max(0, leaves.findIndex((l) => l.name === current)));
  const listRef = useRef<HTMLUListElement>(null);

  useEffect(() => {
    listRef.current?.querySelector<HTMLElement>(`[data-leaf-index="${highlight}"]`)?.scrollIntoView({ block: "nearest" });
  }, [highlight]);

  const optionId = (i: number) => `${id}-opt-${i}`;

  // Only a real pointer movement moves the highlight. Typing re-filters the list under a still
  // pointer, and the browser then reports it "entering" whichever row slid under it (mouseover/
  // mouseenter with no movement); following that would swap the typed best match for that row.
  const lastPointer = useRef<{ x: number; y: number } | null>(null);
  const followPointer = (e: PointerEvent<HTMLLIElement>, index: number) => {
    const last = lastPointer.current;
    lastPointer.current = { x: e.clientX, y: e.clientY };
    const moved = last ? last.x !== e.clientX || last.y !== e.clientY : e.movementX !== 0 || e.movementY !== 0;
    if (moved && index !== highlight) setHighlight(index);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    // Keys typed here must not reach the canvas's shortcuts (e.g. "b" for the box tool).
    e.stopPropagation();
    const move = (delta: number, wrap: boolean) => {
      e.preventDefault();
      setHighlight((h) => moveHighlight(leaves.length, h, delta, wrap));
    };
    if (e.key === "ArrowDown") move(1, true);
    else if (e.key === "ArrowUp") move(-1, true);
    else if (e.key === "PageDown") move(8, false);
    else if (e.key === "PageUp") move(-8, false);
    else if (e.key === "Enter") {
      e.preventDefault();
      const leaf = leaves[highlight];
      if (leaf) onPick(leaf.name);
    } else if (e.key === "Escape") {
      e.preventDefault();
      onCancel();
    } else if (query === "" && /^[1-9]$/.test(e.key) && !e.ctrlKey && !e.metaKey && !e.altKey) {
      const leaf = leaves.find((l) => l.key === Number(e.key));
      if (leaf) {
        e.preventDefault();
        onPick(leaf.name);
      }
    }
  };

  const currentPath = current ? pathOfLeaf(labelTree, current) : [];
  let leafIndex = -1;

  return (
    <div className={css.picker} role="dialog" aria-label="Choose a label">
      <div className={css.pickerHead}>
        <input
          className={css.search}
          type="search"
          role="combobox"
          aria-expanded="true"
          aria-controls={`${id}-list`}
          aria-activedescendant={highlight >= 0 && leaves.length ? optionId(highlight) : undefined}
          aria-autocomplete="list"
          aria-label="Search labels"
          placeholder="Search labels…"
          autoFocus
          value={query}
          onChange={(e) => {
            setQuery(e.target.value);
            setHighlight(0); // a new search highlights its best match
          }}
          onKeyDown={onKeyDown}
        />
        {current && (
          <div className={css.current}>
            Current: <strong>{[...currentPath, current].join(" › ")}</strong>
          </div>
        )}
      </div>
      <ul className={css.list} id={`${id}-list`} role="listbox" aria-label="Labels" ref={listRef}>
        {rows.map((row, i) => {
          if (row.type === "group") {
            return (
              <li key={`g${i}`} role="presentation" className={css.groupRow} style={{ paddingLeft: 8 + row.depth * 14 }}>
                {row.name}
              </li>
            );
          }
          leafIndex++;
          const index = leafIndex;
          return (
            <li
              key={`l${i}`}
              id={optionId(index)}
              data-leaf-index={index}
              role="option"
              aria-selected={index === highlight}
              className={`${css.leafRow} ${index === highlight ? css.highlighted : ""} ${row.name === current ? css.isCurrent : ""}`}
              style={{ paddingLeft: 8 + row.depth * 14 }}
              onPointerMove={(e) => followPointer(e, index)}
              // mousedown, not click: the search box keeps focus and no blur races the pick.
              onMouseDown={(e) => {
                e.preventDefault();
                onPick(row.name);
              }}
            >
              <LeafName row={row} />
              {query !== "" && row.path.length > 0 && <span className={css.path}>{row.path.join(" › ")}</span>}
              {row.key !== null && query === "" && <kbd className={css.key}>{row.key}</kbd>}
            </li>
          );
        })}
        {leaves.length === 0 && (
          <li role="presentation" className={css.empty}>
            No label matches “{query.trim()}”
          </li>
        )}
      </ul>
      <div className={css.hint}>↑↓ move · Enter pick · {query === "" ? "1–9 quick pick · " : ""}Esc cancel</div>
    </div>
  );
}

function LeafName({ row }: { row: LeafRow }) {
  if (!row.match) return <span className={css.leafName}>{row.name}</span>;
  const { start, end } = row.match;
  return (
    <span className={css.leafName}>
      {row.name.slice(0, start)}
      <mark className={css.mark}>{row.name.slice(start, end)}</mark>
      {row.name.slice(end)}
    </span>
  );
}

/** The current label, always visible in the editor's toolbar; clicking it opens the picker. */
export function CurrentLabel({
  labelTree,
  current,
  onOpen,
}: {
  labelTree: LabelPickerProps["labelTree"];
  current: string | null;
  onOpen(): void;
}) {
  const path = current ? pathOfLeaf(labelTree, current) : [];
  return (
    <button type="button" className={css.currentChip} onClick={onOpen} aria-label={`Current label: ${current ?? "none"}. Change`}>
      <span className={css.chipCaption}>Label</span>
      {current ? (
        <span>
          {path.length > 0 && <span className={css.path}>{path.join(" › ")} › </span>}
          <strong>{current}</strong>
        </span>
      ) : (
        <span className={css.path}>ask each time</span>
      )}
    </button>
  );
}
