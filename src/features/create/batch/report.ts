// The per-row report: every row of the file with its unique_id and what became of it (the task
// id, or the server's message), as CSV through papaparse's unparse (quoting done right).
import Papa from "papaparse";
import type { PreparedRow } from "./dryRun";
import type { RowOutcome } from "./send";

export interface ReportLine {
  row: number;
  unique_id: string;
  status: string;
  task_id: string;
  error: string;
}

/** One line per row of the file: refused by the dry run, or the sender's outcome. */
export function reportLines(prepared: readonly PreparedRow[], outcomes: readonly RowOutcome[]): ReportLine[] {
  const byRow = new Map(outcomes.map((o) => [o.row, o]));
  return prepared.map((p) => {
    if (p.errors.length > 0) return { row: p.row, unique_id: p.uniqueId, status: "invalid", task_id: "", error: p.errors.join("; ") };
    const o = byRow.get(p.row);
    if (!o) return { row: p.row, unique_id: p.uniqueId, status: "not sent", task_id: "", error: "" };
    return { row: p.row, unique_id: p.uniqueId, status: o.status, task_id: o.taskId ?? "", error: o.error ?? "" };
  });
}

export function reportCsv(lines: readonly ReportLine[]): string {
  return Papa.unparse(lines as ReportLine[], { columns: ["row", "unique_id", "status", "task_id", "error"] });
}

export function downloadText(text: string, fileName: string, type = "text/csv"): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement("a");
  a.href = url;
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
