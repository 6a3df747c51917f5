import { useRef, type KeyboardEvent, type PointerEvent } from "react";
import { angleFromPointer, normalizeAngle } from "./attributes";
import css from "./editPanels.module.css";

const SIZE = 72;
const C = SIZE / 2;
const R = SIZE / 2 - 6;

/**
 * A dial for an angle attribute: drag the needle (Shift for tenths of a degree), or focus it
 * and use the arrow keys (Shift: 15°). 0° points right and angles grow clockwise, as image
 * coordinates do. `onPreview` follows the drag; `onCommit` fires once when it ends.
 */
export function AngleDial({
  value,
  label,
  onPreview,
  onCommit,
}: {
  value: number | null;
  label: string;
  onPreview(deg: number): void;
  onCommit(deg: number): void;
}) {
  const ref = useRef<SVGSVGElement>(null);
  const dragging = useRef<number | null>(null);

  const angleAt = (e: PointerEvent<SVGSVGElement>) => {
    const box = ref.current?.getBoundingClientRect();
    if (!box) return 0;
    return angleFromPointer(box.left + box.width / 2, box.top + box.height / 2, e.clientX, e.clientY, e.shiftKey);
  };

  const onKeyDown = (e: KeyboardEvent<SVGSVGElement>) => {
    const step = e.shiftKey || e.key === "PageUp" || e.key === "PageDown" ? 15 : 1;
    const base = value ?? 0;
    let next: number | null = null;
    if (e.key === "ArrowRight" || e.key === "ArrowUp" || e.key === "PageUp") next = base + step;
    else if (e.key === "ArrowLeft" || e.key === "ArrowDown" || e.key === "PageDown") next = base - step;
    else if (e.key === "Home") next = 0;
    if (next === null) return;
    e.preventDefault();
    e.stopPropagation();
    onCommit(normalizeAngle(Math.round(next * 10) / 10));
  };

  const rad = ((value ?? 0) * Math.PI) / 180;
  const tip = { x: C + R * Math.cos(rad), y: C + R * Math.sin(rad) };
  return (
    <svg
      ref={ref}
      className={css.dial}
      width={SIZE}
      height={SIZE}
      viewBox={`0 0 ${SIZE} ${SIZE}`}
      role="slider"
      tabIndex={0}
      aria-label={`${label} (dial)`}
      aria-valuemin={0}
      aria-valuemax={360}
      aria-valuenow={value ?? undefined}
      aria-valuetext={value === null ? "not set" : `${value} degrees`}
      onPointerDown={(e) => {
        e.currentTarget.setPointerCapture(e.pointerId);
        const a = angleAt(e);
        dragging.current = a;
        onPreview(a);
      }}
      onPointerMove={(e) => {
        if (dragging.current === null) return;
        const a = angleAt(e);
        dragging.current = a;
        onPreview(a);
      }}
      onPointerUp={(e) => {
        if (dragging.current === null) return;
        const a = angleAt(e);
        dragging.current = null;
        onCommit(a);
      }}
      onPointerCancel={() => (dragging.current = null)}
      onKeyDown={onKeyDown}
    >
      <circle cx={C} cy={C} r={R + 4} fill="var(--surface-2, #f1f3f6)" stroke="var(--border-strong, #c6ccd4)" />
      {[0, 90, 180, 270].map((t) => {
        const a = (t * Math.PI) / 180;
        return (
          <line
            key={t}
            x1={C + (R - 2) * Math.cos(a)}
            y1={C + (R - 2) * Math.sin(a)}
            x2={C + (R + 3) * Math.cos(a)}
            y2={C + (R + 3) * Math.sin(a)}
            stroke="var(--text-muted, #5d6875)"
            strokeWidth={t === 0 ? 2 : 1}
          />
        );
      })}
      {value !== null && (
        <>
          <line x1={C} y1={C} x2={tip.x} y2={tip.y} stroke="var(--accent, #3b5bdb)" strokeWidth={2.5} strokeLinecap="round" />
          <circle cx={tip.x} cy={tip.y} r={4} fill="var(--accent, #3b5bdb)" />
        </>
      )}
      <circle cx={C} cy={C} r={2.5} fill="var(--text, #1b2129)" />
    </svg>
  );
}
