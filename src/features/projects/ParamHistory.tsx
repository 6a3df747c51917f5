// Every params version of a project, and a diff between any two of them.
import { useState } from "react";
import type { Project } from "../../schema";
import { Instruction, Timestamp } from "../tasks";
import { diffLines, paramsText } from "./diff";
import { excerptOf } from "./excerpt";
import { TemplateParams, templateOf } from "./TemplateParams";
import styles from "./projects.module.css";

export function ParamHistory({ project }: { project: Project }) {
  const history = [...project.param_history].sort((a, b) => a.version - b.version);
  const latest = history.at(-1)?.version ?? 0;
  // null = "the latest two", so a newly saved version is compared without any clicks.
  const [picked, setPicked] = useState<{ from: number; to: number } | null>(null);
  if (history.length === 0) return <p className="muted">No params have been set.</p>;
  const from = picked ? Math.min(picked.from, history.length - 1) : Math.max(0, history.length - 2);
  const to = picked ? Math.min(picked.to, history.length - 1) : history.length - 1;
  const setFrom = (i: number) => setPicked({ from: i, to });
  const setTo = (i: number) => setPicked({ from, to: i });
  const a = history[from];
  const b = history[to];
  const lines = diffLines(paramsText(a), paramsText(b));
  const changed = lines.some((l) => l.kind !== "same");

  return (
    <>
      <table className="table table-stack" aria-label="Param history">
        <thead>
          <tr>
            <th>Version</th>
            <th>Set</th>
            <th>Instruction</th>
            <th>Template</th>
          </tr>
        </thead>
        <tbody>
          {[...history].reverse().map((entry) => (
            <tr key={entry.version}>
              <td className={styles.nowrap}>
                v{entry.version}
                {entry.version === latest ? <span className={`badge badge-accent ${styles.current}`}>current</span> : null}
              </td>
              <td className={styles.nowrap} data-label="set">
                <Timestamp value={entry.created_at} short />
              </td>
              <td className={styles.historyInstruction}>
                {entry.instruction?.trim() ? (
                  // One line until opened; opened, the same sanitized markdown as everywhere else.
                  <details>
                    <summary>
                      <span className={styles.summaryText}>{excerptOf(entry.instruction) || "(formatting only)"}</span>
                    </summary>
                    <div className={styles.historyBody}>
                      <Instruction markdown={entry.instruction} />
                    </div>
                  </details>
                ) : (
                  <span className="faint">empty</span>
                )}
              </td>
              <td className={styles.historyInstruction} data-label="template">
                {templateOf(entry).length > 0 ? (
                  <details>
                    <summary>
                      <span className={styles.summaryText}>
                        {templateOf(entry).length} param{templateOf(entry).length === 1 ? "" : "s"}
                      </span>
                    </summary>
                    <div className={styles.historyBody}>
                      <TemplateParams type={project.type} entry={entry} />
                    </div>
                  </details>
                ) : (
                  <span className="faint">none</span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {history.length > 1 ? (
        <div className={styles.diffBox}>
          <div className={styles.diffControls}>
            <span>Compare</span>
            <select className="select" aria-label="Older version" value={from} onChange={(e) => setFrom(Number(e.target.value))}>
              {history.map((h, i) => (
                <option key={h.version} value={i}>
                  v{h.version}
                </option>
              ))}
            </select>
            <span>with</span>
            <select className="select" aria-label="Newer version" value={to} onChange={(e) => setTo(Number(e.target.value))}>
              {history.map((h, i) => (
                <option key={h.version} value={i}>
                  v{h.version}
                </option>
              ))}
            </select>
          </div>
          {changed ? (
            <pre className={styles.diff} aria-label={`Changes from v${a.version} to v${b.version}`} data-testid="param-diff" tabIndex={0}>
              {lines.map((l, i) => (
                <div key={i} className={styles[l.kind]}>
                  <span aria-hidden="true">{l.kind === "added" ? "+ " : l.kind === "removed" ? "- " : "  "}</span>
                  <span className="visually-hidden">{l.kind === "same" ? "" : `${l.kind}: `}</span>
                  {l.text}
                </div>
              ))}
            </pre>
          ) : (
            <p className="muted">v{a.version} and v{b.version} have the same params.</p>
          )}
        </div>
      ) : null}
    </>
  );
}
