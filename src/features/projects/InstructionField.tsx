// The instruction textarea of the project forms: a character count against the limit every
// instruction obeys (the schema's), and the problem with it (found here or by the server) said
// right under the box.
import type { ReactNode } from "react";
import { TaskInstruction } from "../../schema";
import { formatNumber } from "../tasks";
import styles from "./projects.module.css";

export const INSTRUCTION_LIMIT = TaskInstruction.maxLength ?? Infinity;

const INSTRUCTION_PREFIX = /^(params\.)?instruction:\s*/;

/** A server or schema message about the instruction ("instruction: …", "params.instruction: …"). */
export function isInstructionMessage(message: string): boolean {
  return INSTRUCTION_PREFIX.test(message);
}

/** The message as a sentence about the field under which it is shown. */
export function instructionSentence(message: string): string {
  return `The instruction ${message.replace(INSTRUCTION_PREFIX, "")}`;
}

interface Props {
  id: string;
  label: ReactNode;
  value: string;
  onChange(value: string): void;
  rows: number;
  /** What is wrong with the value, if anything. */
  problem: string | null;
}

export function InstructionField({ id, label, value, onChange, rows, problem }: Props) {
  const over = value.length > INSTRUCTION_LIMIT;
  const problemId = `${id}-problem`;
  const countId = `${id}-count`;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <textarea
        id={id}
        className={`textarea ${problem ? styles.invalid : ""}`}
        rows={rows}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        aria-invalid={problem ? true : undefined}
        aria-describedby={`${countId}${problem ? ` ${problemId}` : ""}`}
      />
      <div className={styles.fieldFoot}>
        {problem ? (
          <p id={problemId} className={styles.fieldError} role="alert">
            {isInstructionMessage(problem) ? instructionSentence(problem) : problem}
          </p>
        ) : (
          <span />
        )}
        <span id={countId} className={over ? styles.countOver : styles.count}>
          {formatNumber(value.length)} / {formatNumber(INSTRUCTION_LIMIT)} characters
        </span>
      </div>
    </div>
  );
}
