import { useId } from "react";
import { conditionValues, draftId, type AttributeConditionDraft, type AttributeDraft } from "./model";
import { cycleIfDepends, cycleText } from "./validate";
import styles from "./attributes.module.css";

export interface ConditionsBuilderProps {
  draft: AttributeDraft;
  all: readonly AttributeDraft[];
  /** Leaf labels of the task; a label condition can only name these. */
  labels: readonly string[];
  /** The cycle the current conditions close, if any (flagged on the condition that closes it). */
  cycle: readonly string[] | null;
  onChange(next: AttributeDraft): void;
}

function toggle(list: readonly string[], item: string, on: boolean): string[] {
  return on ? [...list.filter((x) => x !== item), item] : list.filter((x) => x !== item);
}

/**
 * `conditions`: the labels the attribute is asked for (`label_condition`) and the other
 * attributes' values it depends on (`attribute_conditions`), AND'd together as the docs say.
 */
export function ConditionsBuilder({ draft, all, labels, cycle, onChange }: ConditionsBuilderProps) {
  const base = useId();
  const wire = `annotation_attributes.${draft.name}.conditions`;
  const unknownLabels = draft.labels.filter((l) => !labels.includes(l));
  const others = all.filter((d) => d.id !== draft.id);
  const setConditions = (attributeConditions: AttributeConditionDraft[]) => onChange({ ...draft, attributeConditions });
  const nameOf = (id: string) => all.find((d) => d.id === id)?.name ?? "";
  const closesCycle = (c: AttributeConditionDraft) => {
    if (!cycle || !c.ref) return false;
    const from = cycle.indexOf(draft.name);
    return from >= 0 && cycle[from + 1] === nameOf(c.ref);
  };

  return (
    <div className={styles.conditions}>
      <fieldset className={styles.fieldset}>
        <legend>
          Only for labels <code>conditions.label_condition</code>
        </legend>
        {labels.length === 0 ? <p className={styles.hint}>Add labels first; the attribute is then asked for the ones you tick.</p> : null}
        <div className={styles.chips} role="group" aria-label={`Labels this attribute is asked for (${wire}.label_condition)`}>
          {[...new Set([...labels, ...unknownLabels])].map((label) => {
            const missing = !labels.includes(label);
            return (
              <label key={label} className={`${styles.chip} ${missing ? styles.chipMissing : ""}`}>
                <input
                  type="checkbox"
                  checked={draft.labels.includes(label)}
                  onChange={(e) => onChange({ ...draft, labels: toggle(draft.labels, label, e.target.checked) })}
                />
                {label}
                {missing ? " (not a label of this task)" : ""}
              </label>
            );
          })}
        </div>
        <p className={styles.hint}>{draft.labels.length === 0 ? "None ticked: asked for every label." : `Asked only for ${draft.labels.join(", ")}.`}</p>
      </fieldset>

      <fieldset className={styles.fieldset}>
        <legend>
          Only when other attributes have a value <code>conditions.attribute_conditions</code>
        </legend>
        {draft.attributeConditions.map((c, index) => {
          const target = all.find((d) => d.id === c.ref);
          const choices = target ? conditionValues(target) : null;
          const selectId = `${base}-cond-${c.id}`;
          const replace = (next: AttributeConditionDraft) =>
            setConditions(draft.attributeConditions.map((x) => (x.id === c.id ? next : x)));
          const flagged = closesCycle(c);
          return (
            <div key={c.id} className={`${styles.conditionRow} ${flagged ? styles.cycleRow : ""}`}>
              <label htmlFor={selectId} className={styles.inline}>
                Attribute
              </label>
              <select
                id={selectId}
                className="select"
                value={c.ref || (c.missingName ? `missing:${c.missingName}` : "")}
                aria-label={`Attribute condition ${index + 1} of ${draft.name || "this attribute"} (${wire}.attribute_conditions[${index}])`}
                aria-invalid={flagged || undefined}
                onChange={(e) => {
                  // The "no such attribute" entry only shows what the value named; it can't be picked again.
                  if (e.target.value.startsWith("missing:")) return;
                  replace({ ...c, ref: e.target.value, missingName: undefined, values: [] });
                }}
              >
                <option value="">Pick an attribute…</option>
                {c.missingName ? <option value={`missing:${c.missingName}`}>{c.missingName} (no such attribute)</option> : null}
                {others.map((o) => {
                  const wouldCycle = o.id !== c.ref ? cycleIfDepends(all, draft.id, o.id) : null;
                  return (
                    <option key={o.id} value={o.id}>
                      {o.name || "(unnamed)"}
                      {wouldCycle ? ` — would be circular: ${wouldCycle.join(" → ")}` : ""}
                    </option>
                  );
                })}
              </select>
              <span className={styles.inline}>is</span>
              {choices ? (
                <span className={styles.chips} role="group" aria-label={`Values of ${target?.name ?? "the attribute"} that ask this one`}>
                  {choices.length === 0 ? <span className={styles.hint}>that attribute has no choices yet</span> : null}
                  {[...new Set(choices)].map((v) => (
                    <label key={v} className={styles.chip}>
                      <input
                        type="checkbox"
                        checked={c.values.includes(v)}
                        onChange={(e) => replace({ ...c, values: toggle(c.values, v, e.target.checked) })}
                      />
                      {v}
                    </label>
                  ))}
                </span>
              ) : (
                <input
                  className={`input ${styles.valuesInput}`}
                  value={c.values.join(", ")}
                  placeholder={c.ref ? "values, comma-separated" : "pick an attribute first"}
                  disabled={!c.ref && !c.missingName}
                  aria-label={`Values for attribute condition ${index + 1}, comma-separated`}
                  onChange={(e) =>
                    replace({
                      ...c,
                      values: e.target.value
                        .split(",")
                        .map((v) => v.trim())
                        .filter(Boolean),
                    })
                  }
                />
              )}
              <button
                type="button"
                className="btn btn-sm btn-ghost"
                aria-label={`Remove attribute condition ${index + 1}`}
                onClick={() => setConditions(draft.attributeConditions.filter((x) => x.id !== c.id))}
              >
                Remove
              </button>
              {flagged && cycle ? (
                // One alert for the editor says it aloud; this note shows which condition closes the loop.
                <p className={styles.cycle}>
                  {cycleText(cycle)}
                </p>
              ) : null}
              {c.ref && c.values.length === 0 ? <p className={styles.hint}>Pick at least one value; until then this condition is not sent.</p> : null}
            </div>
          );
        })}
        <button
          type="button"
          className="btn btn-sm"
          disabled={others.length === 0}
          onClick={() => setConditions([...draft.attributeConditions, { id: draftId("cond"), ref: "", values: [] }])}
        >
          Add attribute condition
        </button>
        {others.length === 0 ? <p className={styles.hint}>Add another attribute to make this one depend on it.</p> : null}
      </fieldset>
    </div>
  );
}
