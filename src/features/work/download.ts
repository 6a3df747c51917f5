import { bytesToBase64 } from "./base64";
import { readLocalMask } from "./localMasks";

/**
 * "Download my work": the answer as a JSON file, so nothing typed is lost when the task is gone.
 * A segmentation's painting that never reached the server (kept in this browser) comes along as
 * its PNGs (data URLs), since the answer's own mask links hold only what was uploaded.
 */
export function downloadWork(taskId: string, type: string, response: unknown): void {
  void (async () => {
    const local = type === "segmentannotation" ? await readLocalMask(taskId) : null;
    const unuploaded = local
      ? {
          painted_at: new Date(local.changedAt).toISOString(),
          labelMapping: local.encoded.labelMapping,
          files: local.encoded.files.map((f) => ({ ...f.role, png: `data:image/png;base64,${bytesToBase64(f.png)}` })),
        }
      : undefined;
    const body = JSON.stringify({ task_id: taskId, type, downloaded_at: new Date().toISOString(), response: response ?? null, unuploaded_masks: unuploaded }, null, 2);
    const url = URL.createObjectURL(new Blob([body], { type: "application/json" }));
    const a = document.createElement("a");
    a.href = url;
    a.download = `work-${taskId}.json`;
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  })();
}
