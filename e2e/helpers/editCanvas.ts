// Speaks to the edit canvas on the try page in a user's words, in image pixels: the helper maps
// them to the screen through the view transform the canvas publishes on its root element.
import { expect, type Locator, type Page } from "@playwright/test";

const TEST_KEY = process.env.E2E_TEST_KEY ?? "";

export interface Pt {
  x: number;
  y: number;
}

export class EditCanvas {
  readonly root: Locator;
  readonly stage: Locator;

  constructor(readonly page: Page) {
    this.root = page.getByTestId("editable-canvas");
    this.stage = page.getByTestId("annotation-canvas");
  }

  async open(type: string, patch?: (params: Record<string, unknown>) => void): Promise<void> {
    await this.page.goto(`/try/${type}#key=${TEST_KEY}`);
    await expect(this.stage).toBeVisible();
    if (patch) {
      const box = this.page.getByTestId("params-json");
      const params = JSON.parse(await box.inputValue()) as Record<string, unknown>;
      patch(params);
      await box.fill(JSON.stringify(params, null, 2));
      await this.page.getByTestId("apply-params").click();
    }
    await expect(this.page.getByText("Loading image…")).toHaveCount(0);
    await expect.poll(async () => (await this.view()).scale).toBeGreaterThan(0);
  }

  async view(): Promise<{ scale: number; x: number; y: number }> {
    const v = (await this.root.getAttribute("data-view")) ?? "0,0,0";
    const [scale, x, y] = v.split(",").map(Number);
    return { scale, x, y };
  }

  /** Where an image pixel is on the page. */
  async screen(p: Pt): Promise<Pt> {
    const v = await this.view();
    const b = (await this.stage.boundingBox())!;
    return { x: b.x + p.x * v.scale + v.x, y: b.y + p.y * v.scale + v.y };
  }

  async actualSize(): Promise<void> {
    await this.root.getByRole("button", { name: "100%" }).click();
    await expect.poll(async () => (await this.view()).scale).toBeCloseTo(1, 5);
  }

  /** Zooms out with the wheel at the stage's centre to about `scale`. */
  async zoomTo(scale: number): Promise<void> {
    const b = (await this.stage.boundingBox())!;
    await this.page.mouse.move(b.x + b.width / 2, b.y + b.height / 2);
    const now = (await this.view()).scale;
    // One wheel step zooms by exp(-deltaY × 0.0015), capped at 300 px per event.
    let delta = Math.log(now / scale) / 0.0015;
    while (Math.abs(delta) > 0.5) {
      const step = Math.max(-300, Math.min(300, delta));
      await this.page.mouse.wheel(0, step);
      delta -= step;
    }
    await expect.poll(async () => (await this.view()).scale).toBeCloseTo(scale, 2);
    // Let the wheel gesture settle (the static layer redraws sharp).
    await this.page.waitForTimeout(250);
  }

  async tool(name: string): Promise<void> {
    await this.root.getByRole("radio", { name: new RegExp(`^${name}`, "i") }).click();
  }

  /** Types the brush's (or eraser's) size into the panel, as a user would, and leaves the field. */
  async brushSize(px: number): Promise<void> {
    const input = this.page.getByLabel("Brush size in pixels");
    await input.fill(String(px));
    await input.press("Tab");
  }

  async moveTo(p: Pt, steps = 1): Promise<void> {
    const s = await this.screen(p);
    await this.page.mouse.move(s.x, s.y, { steps });
  }

  async click(p: Pt, modifiers: ("Alt" | "Shift")[] = []): Promise<void> {
    for (const m of modifiers) await this.page.keyboard.down(m);
    await this.moveTo(p);
    await this.page.mouse.down();
    await this.page.mouse.up();
    for (const m of modifiers) await this.page.keyboard.up(m);
  }

  async drag(from: Pt, to: Pt): Promise<void> {
    await this.moveTo(from);
    await this.page.mouse.down();
    await this.moveTo({ x: (from.x + to.x) / 2, y: (from.y + to.y) / 2 }, 4);
    await this.moveTo(to, 4);
    await this.page.mouse.up();
  }

  drawBox(from: Pt, to: Pt): Promise<void> {
    return this.drag(from, to);
  }

  async drawPolyline(points: Pt[], finish: "enter" | "first-vertex" | "double-click" = "enter"): Promise<void> {
    // A double click places the last vertex and finishes.
    const clicked = finish === "double-click" ? points.slice(0, -1) : points;
    for (const p of clicked) await this.click(p);
    if (finish === "enter") await this.page.keyboard.press("Enter");
    else if (finish === "first-vertex") await this.click(points[0]);
    else {
      const s = await this.screen(points[points.length - 1]);
      await this.page.mouse.dblclick(s.x, s.y);
    }
  }

  async drawCuboid(from: Pt, to: Pt, depth: Pt): Promise<void> {
    await this.drag(from, to);
    await this.moveTo(depth, 3);
    await this.click(depth);
  }

  /** Answers the label picker by typing part of a (possibly nested) leaf's name. */
  async pickLabel(search: string): Promise<void> {
    const dialog = this.page.getByTestId("label-request");
    await expect(dialog).toBeVisible();
    await dialog.getByRole("combobox").or(dialog.getByRole("textbox")).first().fill(search);
    await this.page.keyboard.press("Enter");
    await expect(dialog).toBeHidden();
  }

  /** The response the editor emits, as shown live on the try page. */
  async wire(): Promise<{ annotations: Record<string, unknown>[] }> {
    return JSON.parse((await this.page.getByTestId("wire-json").textContent()) || "{}");
  }

  async message(): Promise<string> {
    return (await this.page.getByTestId("edit-message").textContent()) ?? "";
  }
}

export class EditKeyboard {
  constructor(readonly page: Page) {}
  undo = () => this.page.keyboard.press("Control+z");
  redo = () => this.page.keyboard.press("Control+Shift+z");
  redoY = () => this.page.keyboard.press("Control+y");
  press = (key: string) => this.page.keyboard.press(key);
}
