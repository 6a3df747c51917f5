// Pending live tasks for the workbench specs (work*.spec.ts): made through the API with the live
// key (test-mode tasks complete themselves, so only live ones wait for a person), opened in the
// workbench, and their saved drafts read back.
import { expect, type APIRequestContext, type Page } from "@playwright/test";
import { EditCanvas } from "./editCanvas";

export const LIVE_KEY = process.env.E2E_LIVE_KEY ?? "";
export const LIVE_AUTH = { Authorization: `Basic ${Buffer.from(`${LIVE_KEY}:`).toString("base64")}` };

/**
 * Nobody listens there (port 9 refuses at once): the callback's delivery fails and is retried,
 * which is not the subject of a spec that passes it.
 */
export const NO_CALLBACK = "http://127.0.0.1:9/callback";

/**
 * Creates a live task of `type` and checks it is pending; returns its id. `params` go on the wire
 * as they are, over a default instruction and NO_CALLBACK (pass `callback_url` to receive it).
 */
export async function createPendingTask(request: APIRequestContext, type: string, params: Record<string, unknown>): Promise<string> {
  const res = await request.post(`/v1/task/${type}`, {
    headers: LIVE_AUTH,
    data: { instruction: `Complete this **${type}** task.`, callback_url: NO_CALLBACK, ...params },
  });
  expect(res.status(), await res.text()).toBe(200);
  const task = (await res.json()) as { task_id: string; status: string };
  expect(task.status).toBe("pending");
  return task.task_id;
}

/** The task's workbench page, signed in with the live key, once its answer panel is up. */
export async function openWorkTask(page: Page, taskId: string): Promise<void> {
  await page.goto(`/work/${taskId}#key=${LIVE_KEY}`);
  await expect(page.getByTestId(/^work-panel-/)).toBeVisible();
}

/** The workbench's canvas, laid out and at 100% so image pixels are screen pixels. */
export async function readyCanvas(page: Page): Promise<EditCanvas> {
  const canvas = new EditCanvas(page);
  await expect(canvas.stage).toBeVisible();
  await expect.poll(async () => (await canvas.view()).scale).toBeGreaterThan(0);
  await canvas.actualSize();
  return canvas;
}

/** The draft the server holds for a task (null: none saved yet), its response typed by the caller. */
export async function draftOf<R>(request: APIRequestContext, taskId: string): Promise<{ version: number; response: R } | null> {
  const res = await request.get(`/console-api/work/${taskId}/draft`, { headers: LIVE_AUTH });
  expect(res.status()).toBe(200);
  return ((await res.json()) as { draft: { version: number; response: R } | null }).draft;
}
