// Geometry responses as tables: a count per label, then one row per annotation with its
// geometry in image pixels. The canvas (CanvasSlot) is where they are drawn.
import type { GeometryKind } from "../../../schema";
import { Chips } from "./ValueView";
import styles from "./detail.module.css";

type Annotation = Record<string, unknown>;

const num = (v: unknown) => (typeof v === "number" ? Math.round(v * 10) / 10 : "?");

function geometryText(kind: GeometryKind, a: Annotation): string {
  switch (kind) {
    case "box":
      return `left ${num(a.left)}, top ${num(a.top)}, ${num(a.width)} × ${num(a.height)}`;
    case "point":
      return `(${num(a.x)}, ${num(a.y)})`;
    case "line":
    case "polygon": {
      const n = Array.isArray(a.vertices) ? a.vertices.length : 0;
      return `${n} vertices`;
    }
    case "cuboid": {
      const n = Array.isArray(a.vertices) ? a.vertices.length : 0;
      const e = Array.isArray(a.edges) ? a.edges.length : 0;
      return `${n} vertices, ${e} edges${a.points_3d ? ", 3D points" : ""}`;
    }
    case "mask":
      return "mask";
  }
}

function attributesText(a: Annotation): string {
  const attrs = a.attributes;
  if (!attrs || typeof attrs !== "object") return "";
  return Object.entries(attrs)
    .map(([k, v]) => `${k}: ${String(v)}`)
    .join(", ");
}

const MAX_ROWS = 200;

export function AnnotationTable({ kind, annotations }: { kind: GeometryKind; annotations: readonly Annotation[] }) {
  if (annotations.length === 0) return <p className="muted">No objects were annotated.</p>;
  const counts = new Map<string, number>();
  for (const a of annotations) {
    const label = typeof a.label === "string" ? a.label : "(no label)";
    counts.set(label, (counts.get(label) ?? 0) + 1);
  }
  return (
    <>
      <p className={styles.summary}>
        {annotations.length} {kind === "box" ? "boxes" : `${kind}s`}:{" "}
        <Chips items={[...counts].map(([label, n]) => `${label} × ${n}`)} />
      </p>
      <div className={styles.tableScroll}>
        <table className="table" aria-label="Annotations">
          <thead>
            <tr>
              <th className="num">#</th>
              <th>Label</th>
              <th>Geometry (px)</th>
              <th>Attributes</th>
            </tr>
          </thead>
          <tbody>
            {annotations.slice(0, MAX_ROWS).map((a, i) => (
              <tr key={i}>
                <td className="num">{i + 1}</td>
                <td>{typeof a.label === "string" ? a.label : <span className="faint">—</span>}</td>
                <td className="mono">{geometryText(kind, a)}</td>
                <td>{attributesText(a) || <span className="faint">—</span>}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {annotations.length > MAX_ROWS ? (
        <p className="faint">Showing the first {MAX_ROWS}; use Raw JSON or Download JSON for all.</p>
      ) : null}
    </>
  );
}

/** Segmentation: the label → colour mapping with swatches, and the combined mask. */
export function MaskSummary({ response }: { response: Record<string, unknown> }) {
  const mapping = (response.labelMapping ?? {}) as Record<string, unknown>;
  const annotations = (response.annotations ?? {}) as { combined?: { image?: unknown } };
  const combined = typeof annotations.combined?.image === "string" ? annotations.combined.image : null;
  const entries = Object.entries(mapping).flatMap(([label, entry]) =>
    (Array.isArray(entry) ? entry : [entry]).map((e, i, all) => ({
      label: all.length > 1 ? `${label} #${i + 1}` : label,
      color: typeof (e as { color?: unknown }).color === "string" ? (e as { color: string }).color : "#888888",
      index: (e as { index?: unknown }).index,
    })),
  );
  return (
    <div className={styles.maskLayout}>
      <table className="table" aria-label="Label mapping">
        <thead>
          <tr>
            <th>Label</th>
            <th>Colour</th>
            <th className="num">Index</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((e) => (
            <tr key={e.label}>
              <td>{e.label}</td>
              <td>
                <span className={styles.swatch} style={{ background: e.color }} aria-hidden="true" />{" "}
                <span className="mono">{e.color}</span>
              </td>
              <td className="num">{String(e.index ?? "")}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {combined ? <img className={styles.maskImage} src={combined} alt="Combined segmentation mask" /> : null}
    </div>
  );
}
