/** "Download my work": the answer as a JSON file, so nothing typed is lost when the task is gone. */
export function downloadWork(taskId: string, type: string, response: unknown): void {
  const body = JSON.stringify({ task_id: taskId, type, downloaded_at: new Date().toISOString(), response: response ?? null }, null, 2);
  const url = URL.createObjectURL(new Blob([body], { type: "application/json" }));
  const a = document.createElement("a");
  a.href = url;
  a.download = `work-${taskId}.json`;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
