// Small pieces every form-like panel shares: a field with its findings under it, and bringing
// the field a finding names into view.
import { useEffect, type ReactNode, type RefObject } from "react";
import { nextRowCommand } from "./commands";
import { issuesAt, pathText } from "./validate";
import type { WorkIssue } from "./types";
import css from "./panels.module.css";

/** The DOM id of the control for a response path (stable, so a finding can focus it). */
export function fieldId(path: readonly (string | number)[]): string {
  return `work-${pathText(path).replace(/[^A-Za-z0-9_-]+/g, "-")}`;
}

/** The findings for one path, shown under its control and named by its aria-describedby. */
export function FieldIssues({ issues, path }: { issues: readonly WorkIssue[]; path: readonly (string | number)[] }) {
  const mine = issuesAt(issues, path);
  if (mine.length === 0) return null;
  return (
    <ul className={css.fieldIssues} id={`${fieldId(path)}-issues`} data-testid="field-issues">
      {mine.map((i, k) => (
        <li key={k}>{issueSentence(i)}</li>
      ))}
    </ul>
  );
}

/** A finding as a sentence for the person: "is required" → "Required." */
export function issueSentence(i: WorkIssue): string {
  // An empty select reads as the choice it still needs, not as a wrong value.
  if (/^"" is not one of/.test(i.message)) return "Choose one.";
  const m = i.message.trim();
  return m.charAt(0).toUpperCase() + m.slice(1) + (/[.!?]$/.test(m) ? "" : ".");
}

export function describedBy(issues: readonly WorkIssue[], path: readonly (string | number)[]): string | undefined {
  return issuesAt(issues, path).length > 0 ? `${fieldId(path)}-issues` : undefined;
}

interface TextFieldProps {
  path: (string | number)[];
  label: ReactNode;
  value: string;
  onChange(value: string): void;
  issues: readonly WorkIssue[];
  /** Offer these values (a select) instead of free text. */
  choices?: readonly string[];
  multiline?: boolean;
  /** Enter in a single-line text field (e.g. "next row"); otherwise Enter does nothing there. */
  onEnter?(): void;
  /** Rows of a multiline field. */
  rows?: number;
  readOnly?: boolean;
}

/** One answer field: free text, or a select when the task lists its choices. */
export function TextField({ path, label, value, onChange, issues, choices, multiline, rows = 3, readOnly, onEnter }: TextFieldProps) {
  const id = fieldId(path);
  const invalid = issuesAt(issues, path).length > 0;
  const common = { id, "aria-invalid": invalid || undefined, "aria-describedby": describedBy(issues, path), disabled: readOnly };
  return (
    <div className={css.field}>
      <label className={css.label} htmlFor={id}>
        {label}
      </label>
      {choices ? (
        <select className="field" value={value} onChange={(e) => onChange(e.target.value)} {...common}>
          <option value="">Choose…</option>
          {choices.map((c) => (
            <option key={c} value={c}>
              {c}
            </option>
          ))}
        </select>
      ) : multiline ? (
        <textarea className="textarea" rows={rows} value={value} onChange={(e) => onChange(e.target.value)} {...common} />
      ) : (
        <input
          className="field"
          type="text"
          value={value}
          onChange={(e) => onChange(e.target.value)}
          onKeyDown={(e) => {
            if (onEnter && nextRowCommand.matches(e)) {
              e.preventDefault();
              onEnter();
            }
          }}
          autoComplete="off"
          {...common}
        />
      )}
      <FieldIssues issues={issues} path={path} />
    </div>
  );
}

/** Findings with no control of their own (the whole answer), shown at the top of a panel. */
export function GeneralIssues({ issues, known }: { issues: readonly WorkIssue[]; known: (i: WorkIssue) => boolean }) {
  const rest = issues.filter((i) => !known(i));
  if (rest.length === 0) return null;
  return (
    <div className={css.generalIssues} role="alert">
      <ul>
        {rest.map((i, k) => (
          <li key={k}>
            {i.path.length > 0 ? <span className="mono">{pathText(i.path)}: </span> : null}
            {i.message}
          </li>
        ))}
      </ul>
    </div>
  );
}

/**
 * Focuses the control of the finding to bring into view: the deepest path with a control
 * (`fields.name` before `fields`), scrolled to the middle of the screen.
 */
export function useFocusIssue(root: RefObject<HTMLElement | null>, focusIssue: WorkIssue | null): void {
  useEffect(() => {
    if (!focusIssue || !root.current) return;
    for (let n = focusIssue.path.length; n >= 0; n--) {
      const el = root.current.querySelector<HTMLElement>(`#${CSS.escape(fieldId(focusIssue.path.slice(0, n)))}`);
      if (el) {
        el.scrollIntoView({ block: "center" });
        el.focus({ preventScroll: true });
        return;
      }
    }
  }, [focusIssue, root]);
}

/** Whether a key event is typing into a text control (panel shortcuts stay out of its way). */
export function isTyping(e: KeyboardEvent): boolean {
  const t = e.target as HTMLElement | null;
  if (!t) return false;
  if (t.isContentEditable) return true;
  if (t instanceof HTMLTextAreaElement || t instanceof HTMLSelectElement) return true;
  return t instanceof HTMLInputElement && !["radio", "checkbox", "button", "range"].includes(t.type);
}

/**
 * Puts the keyboard in the canvas when a task opens, so its keys (tools, 1–9 labels, undo) work
 * without a click first: the workbench is keyboard-first.
 */
export function useFocusCanvasOnOpen(root: RefObject<HTMLElement | null>, taskId: string): void {
  useEffect(() => {
    let tries = 0;
    // The stage appears once the editor has parsed its params: look for it for a moment.
    const t = window.setInterval(() => {
      const stage = root.current?.querySelector<HTMLElement>('[data-testid="annotation-canvas"]');
      if (stage || ++tries > 40) window.clearInterval(t);
      if (stage && !root.current?.contains(document.activeElement)) stage.focus({ preventScroll: true });
    }, 50);
    return () => window.clearInterval(t);
  }, [root, taskId]);
}
