// A list of options picked with the mouse or keys 1–9: radios for one answer, checkboxes for
// several. Used by categorization (categories) and comparison (choices). The keys are the
// registry's (CHOICE_COMMANDS, mode "work:choices").
import { useEffect, useRef } from "react";
import { commandForKey } from "../../../commands";
import { CHOICE_COMMANDS } from "./commands";
import type { WorkIssue } from "./types";
import { describedBy, FieldIssues, fieldId, isTyping } from "./ui";
import { issuesAt } from "./validate";
import css from "./panels.module.css";

interface ChoiceListProps {
  /** The response path the answer is written to (for findings and focus). */
  path: (string | number)[];
  legend: string;
  options: readonly string[];
  chosen: readonly string[];
  multiple: boolean;
  onChange(chosen: string[]): void;
  issues: readonly WorkIssue[];
  readOnly?: boolean;
}

export function ChoiceList({ path, legend, options, chosen, multiple, onChange, issues, readOnly }: ChoiceListProps) {
  const name = fieldId(path);
  const latest = useRef({ options, chosen, multiple, onChange, readOnly });
  latest.current = { options, chosen, multiple, onChange, readOnly };
  // 1–9 pick (or toggle) the first nine options, unless the person is typing somewhere.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || isTyping(e)) return;
      const command = commandForKey(CHOICE_COMMANDS, e);
      const l = latest.current;
      const index = Number(e.key) - 1;
      if (!command || l.readOnly || l.options[index] === undefined) return;
      e.preventDefault();
      command.run({ pick: (i) => l.onChange(toggle(l.chosen, l.options[i], l.multiple)) }, e);
      document.getElementById(`${name}-${index}`)?.focus({ preventScroll: true });
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [name]);

  const invalid = issuesAt(issues, path).length > 0;
  return (
    <fieldset className={css.options} id={name} tabIndex={-1} aria-invalid={invalid || undefined} aria-describedby={describedBy(issues, path)}>
      <legend className={css.sectionTitle}>
        {legend} <span className={css.hint}>{multiple ? "(one or more; keys 1–9 toggle)" : "(keys 1–9 pick)"}</span>
      </legend>
      {options.map((option, i) => {
        const on = chosen.includes(option);
        return (
          <label key={option} className={`${css.option} ${on ? css.optionChosen : ""}`}>
            <input
              id={`${name}-${i}`}
              type={multiple ? "checkbox" : "radio"}
              name={name}
              checked={on}
              disabled={readOnly}
              onChange={() => onChange(toggle(chosen, option, multiple))}
            />
            <span className={css.optionText}>{option}</span>
            {i < 9 ? <kbd className={css.key}>{i + 1}</kbd> : null}
          </label>
        );
      })}
      <FieldIssues issues={issues} path={path} />
    </fieldset>
  );
}

function toggle(chosen: readonly string[], option: string, multiple: boolean): string[] {
  if (!multiple) return [option];
  return chosen.includes(option) ? chosen.filter((c) => c !== option) : [...chosen, option];
}
