// Streams `GET /v1/tasks/export?format=ndjson` and assembles a JSON array file. NDJSON lets us
// count tasks as they arrive (progress against the x-total-count header) without parsing a
// partial JSON array; the saved file is still plain JSON.
import { openTaskExport } from "./api";
import type { TaskListFilters } from "./keys";

export interface ExportProgress {
  received: number;
  /** From x-total-count; null when the server didn't send it. */
  total: number | null;
  bytes: number;
}

export interface ExportRequest {
  filters: TaskListFilters;
  taskIds?: readonly string[];
  signal: AbortSignal;
  onProgress: (progress: ExportProgress) => void;
}

export async function exportTasksAsJson({ filters, taskIds, signal, onProgress }: ExportRequest): Promise<Blob> {
  const response = await openTaskExport({ ...filters, format: "ndjson", task_ids: taskIds }, signal);
  const totalHeader = response.headers.get("x-total-count");
  const total = totalHeader !== null && totalHeader !== "" ? Number(totalHeader) : null;
  const progress: ExportProgress = { received: 0, total: Number.isFinite(total) ? total : null, bytes: 0 };
  onProgress({ ...progress });

  const parts: string[] = ["["];
  const push = (line: string) => {
    const trimmed = line.trim();
    if (!trimmed) return;
    parts.push(progress.received === 0 ? "\n" : ",\n", trimmed);
    progress.received += 1;
  };

  if (!response.body) {
    // No stream support (very old browsers): fall back to reading it whole.
    const text = await response.text();
    text.split("\n").forEach(push);
  } else {
    const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
    let carry = "";
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      progress.bytes += value.length;
      const lines = (carry + value).split("\n");
      carry = lines.pop() ?? "";
      lines.forEach(push);
      onProgress({ ...progress });
    }
    push(carry);
  }
  parts.push("\n]\n");
  onProgress({ ...progress });
  return new Blob(parts, { type: "application/json" });
}

/** Hands a Blob to the browser as a file download. */
export function saveBlob(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
  // Revoke on the next tick: some browsers read the URL after click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
