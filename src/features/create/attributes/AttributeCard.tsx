import { useId, useState } from "react";
import { LabelTreeEditor } from "../labels";
import { ConditionsBuilder } from "./ConditionsBuilder";
import { ATTRIBUTE_TYPES, type AttributeDraft, type AttributeType } from "./model";
import { cycleText } from "./validate";
import styles from "./attributes.module.css";

const TYPE_TITLES: Record<AttributeType, string> = {
  category: "category: pick from choices",
  number: "number: with optional min / max",
  angle: "angle: 0–360 degrees",
};

export interface AttributeCardProps {
  draft: AttributeDraft;
  all: readonly AttributeDraft[];
  labels: readonly string[];
  repeated: boolean;
  cycle: readonly string[] | null;
  onChange(next: AttributeDraft): void;
  onRemove(): void;
}

/** One attribute: its key, type, the docs' fields for that type, and its conditions. */
export function AttributeCard({ draft, all, labels, repeated, cycle, onChange, onRemove }: AttributeCardProps) {
  const ids = { name: useId(), type: useId(), description: useId(), min: useId(), max: useId() };
  const [showConditions, setShowConditions] = useState(draft.labels.length > 0 || draft.attributeConditions.length > 0);
  const wire = `annotation_attributes.${draft.name}`;
  const conditionCount = (draft.labels.length > 0 ? 1 : 0) + draft.attributeConditions.length;
  const inCycle = cycle?.includes(draft.name) ?? false;

  return (
    <section className={`${styles.card} ${inCycle ? styles.cardCycle : ""}`} aria-label={`Attribute ${wire}`}>
      <div className={styles.cardTop}>
        <h4 className={styles.cardTitle}>
          <code>{wire}</code>
        </h4>
        <button type="button" className="btn btn-sm btn-danger" onClick={onRemove}>
          Remove attribute
        </button>
      </div>
      <div className={styles.cardHead}>
        <div className="field">
          <label htmlFor={ids.name}>
            Name <span className={styles.hintInline}>(its key)</span>
          </label>
          <input
            id={ids.name}
            className="input"
            value={draft.name}
            spellCheck={false}
            aria-invalid={repeated || draft.name === "" || undefined}
            onChange={(e) => onChange({ ...draft, name: e.target.value })}
          />
          {repeated ? <span className={styles.fieldError}>Another attribute has this name; only the first is sent.</span> : null}
        </div>
        <div className="field">
          <label htmlFor={ids.type}>
            Type <code>type</code>
          </label>
          <select
            id={ids.type}
            className="select"
            value={draft.type}
            onChange={(e) => onChange({ ...draft, type: e.target.value as AttributeType })}
          >
            {ATTRIBUTE_TYPES.map((t) => (
              <option key={t} value={t}>
                {TYPE_TITLES[t]}
              </option>
            ))}
          </select>
        </div>
      </div>

      <div className="field">
        <label htmlFor={ids.description}>
          Question for the labeler <code>description</code> <span className={styles.required}>required</span>
        </label>
        <input
          id={ids.description}
          className="input"
          value={draft.description}
          required
          placeholder="What percent of the object is occluded?"
          onChange={(e) => onChange({ ...draft, description: e.target.value })}
        />
      </div>

      {draft.type === "category" ? (
        <div className="field">
          <span>
            Choices <code>choices</code> (nest to group them)
          </span>
          <LabelTreeEditor name={`${wire}.choices`} value={draft.choices} onChange={(choices) => onChange({ ...draft, choices })} />
        </div>
      ) : null}

      {draft.type === "number" ? (
        <div className={styles.row}>
          <div className="field">
            <label htmlFor={ids.min}>
              Minimum <code>min</code> (optional)
            </label>
            <input id={ids.min} className="input" inputMode="decimal" value={draft.min} onChange={(e) => onChange({ ...draft, min: e.target.value })} />
          </div>
          <div className="field">
            <label htmlFor={ids.max}>
              Maximum <code>max</code> (optional)
            </label>
            <input id={ids.max} className="input" inputMode="decimal" value={draft.max} onChange={(e) => onChange({ ...draft, max: e.target.value })} />
          </div>
        </div>
      ) : null}

      {draft.type === "angle" ? <p className={styles.hint}>The labeler answers with an angle from 0 to 360 degrees.</p> : null}

      <button
        type="button"
        className="btn btn-sm btn-ghost"
        aria-expanded={showConditions}
        onClick={() => setShowConditions((v) => !v)}
      >
        {showConditions ? "Hide conditions" : "Conditions"} {conditionCount > 0 ? `(${conditionCount})` : "(always asked)"}
      </button>
      {showConditions ? <ConditionsBuilder draft={draft} all={all} labels={labels} cycle={cycle} onChange={onChange} /> : null}
      {!showConditions && inCycle && cycle ? (
        <p className={styles.cycle}>
          {cycleText(cycle)}
        </p>
      ) : null}
    </section>
  );
}
