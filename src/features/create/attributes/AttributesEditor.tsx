import { useMemo, useState } from "react";
import { AttributeCard } from "./AttributeCard";
import { emptyAttribute, fromWire, repeatedNames, toWire, type AttributeDraft, type AttributeType } from "./model";
import { attributesProblem, cycleIn, cycleText } from "./validate";
import styles from "./attributes.module.css";

export interface AttributesEditorProps {
  /** The wire `annotation_attributes` object. */
  value: Record<string, unknown>;
  onChange(value: Record<string, unknown>): void;
  /** The task's leaf labels, which label conditions may name. */
  labels: string[];
  /** A message from the form (e.g. a label condition naming a label that was removed). */
  error?: string;
}

function freeName(drafts: readonly AttributeDraft[]): string {
  const taken = new Set(drafts.map((d) => d.name));
  for (let i = drafts.length + 1; ; i++) if (!taken.has(`attribute_${i}`)) return `attribute_${i}`;
}

/**
 * annotation_attributes: category / number / angle attributes with the docs' fields and a
 * conditions builder; a circular dependency is named as soon as a condition closes it.
 */
export function AttributesEditor({ value, onChange, labels, error }: AttributesEditorProps) {
  const valueKey = JSON.stringify(value);
  const [drafts, setDrafts] = useState<AttributeDraft[]>(() => fromWire(value));
  const [synced, setSynced] = useState(valueKey);
  const [newType, setNewType] = useState<AttributeType>("category");

  // The form may replace the value (a reset, "Create similar"): rebuild unless it is our own echo.
  if (valueKey !== synced) {
    setSynced(valueKey);
    setDrafts(fromWire(value));
  }

  const wire = useMemo(() => toWire(drafts), [drafts]);
  const cycle = useMemo(() => cycleIn(drafts), [drafts]);
  const repeated = useMemo(() => repeatedNames(drafts), [drafts]);
  const own = cycle ? `annotation_attributes: ${cycleText(cycle)}` : attributesProblem(wire, labels);
  const problems = [own, error && error !== own ? error : null].filter((p): p is string => Boolean(p));

  function update(next: AttributeDraft[]) {
    const out = toWire(next);
    setDrafts(next);
    setSynced(JSON.stringify(out));
    onChange(out);
  }

  return (
    <div className={styles.editor} role="group" aria-label="annotation_attributes">
      {drafts.length === 0 ? (
        <p className={styles.hint}>No attributes: labelers only draw and label. Add one to ask a question about each annotation.</p>
      ) : null}
      {drafts.map((d) => (
        <AttributeCard
          key={d.id}
          draft={d}
          all={drafts}
          labels={labels}
          repeated={repeated.has(d.name)}
          cycle={cycle}
          onChange={(next) => update(drafts.map((x) => (x.id === d.id ? next : x)))}
          onRemove={() =>
            // Conditions on the removed attribute go with it, or they would name nothing.
            update(
              drafts
                .filter((x) => x.id !== d.id)
                .map((x) => ({ ...x, attributeConditions: x.attributeConditions.filter((c) => c.ref !== d.id) })),
            )
          }
        />
      ))}
      <div className={styles.addRow}>
        <select
          className="select"
          aria-label="Type of the new attribute"
          value={newType}
          onChange={(e) => setNewType(e.target.value as AttributeType)}
        >
          <option value="category">category</option>
          <option value="number">number</option>
          <option value="angle">angle</option>
        </select>
        <button type="button" className="btn btn-sm" onClick={() => update([...drafts, emptyAttribute(freeName(drafts), newType)])}>
          Add attribute
        </button>
      </div>
      {problems.length ? (
        <p className={styles.error} role="alert">
          {problems.join("; ")}
        </p>
      ) : null}
    </div>
  );
}
