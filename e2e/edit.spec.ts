// The edit canvas driven with the real mouse and keyboard on the try page: one object of each
// vector kind at 100% and at about 37%, checked in the emitted wire JSON (within 1 image pixel of
// where the pointer went); vertex edit, insert and delete; undo to empty and redo to the same
// JSON; a box below the minimum refused; labels by number key and by the nested picker.
import { expect, test } from "@playwright/test";
import { EditCanvas, EditKeyboard, type Pt } from "./helpers/editCanvas";

const ZOOMS = [
  { name: "100%", set: (c: EditCanvas) => c.actualSize() },
  { name: "37%", set: (c: EditCanvas) => c.zoomTo(0.37) },
];

/** Near the image centre (1000×872), so the shapes are on screen at 100% as well. */
const C: Pt = { x: 500, y: 436 };
const at = (dx: number, dy: number): Pt => ({ x: C.x + dx, y: C.y + dy });

function near(actual: unknown, expected: number) {
  expect(Math.abs(Number(actual) - expected), `${actual} vs ${expected}`).toBeLessThanOrEqual(1);
}
function nearPoint(v: unknown, p: Pt) {
  const o = v as { x: number; y: number };
  near(o.x, p.x);
  near(o.y, p.y);
}

for (const zoom of ZOOMS) {
  test.describe(`drawing at ${zoom.name}`, () => {
    test("a box, labelled by number key", async ({ page }) => {
      const canvas = new EditCanvas(page);
      await canvas.open("annotation");
      await zoom.set(canvas);
      await canvas.stage.click({ position: { x: 5, y: 5 } });
      await page.keyboard.press("Escape");
      // 1 is the first leaf, car (nested under Vehicle).
      await page.keyboard.press("1");
      await expect(page.getByTestId("current-label")).toContainText("car");
      await canvas.drawBox(at(-120, -80), at(60, 40));
      await expect.poll(async () => (await canvas.wire()).annotations.length).toBe(1);
      const [box] = (await canvas.wire()).annotations;
      near(box.left, C.x - 120);
      near(box.top, C.y - 80);
      near(box.width, 180);
      near(box.height, 120);
      expect(box.label).toBe("car");
    });

    test("a point", async ({ page }) => {
      const canvas = new EditCanvas(page);
      await canvas.open("pointannotation");
      await zoom.set(canvas);
      await canvas.click(at(33, -21));
      await canvas.pickLabel("gal");
      await expect.poll(async () => (await canvas.wire()).annotations.length).toBe(1);
      const [p] = (await canvas.wire()).annotations;
      nearPoint(p, at(33, -21));
      expect(p.label).toBe("galaxy");
    });

    test("a line, and a spline", async ({ page }) => {
      const canvas = new EditCanvas(page);
      const pts = [at(-150, 0), at(-50, -60), at(40, 30), at(140, -10)];
      for (const splines of [false, true]) {
        await canvas.open("lineannotation", (p) => (p.splines = splines));
        await zoom.set(canvas);
        await canvas.drawPolyline(pts, splines ? "double-click" : "enter");
        await canvas.pickLabel("lane");
        await expect.poll(async () => (await canvas.wire()).annotations.length).toBe(1);
        const [line] = (await canvas.wire()).annotations;
        const vertices = line.vertices as Pt[];
        // The vertices stay the control points, spline or not.
        expect(vertices).toHaveLength(4);
        vertices.forEach((v, i) => nearPoint(v, pts[i]));
      }
    });

    test("a polygon, closed on its first vertex", async ({ page }) => {
      const canvas = new EditCanvas(page);
      await canvas.open("polygonannotation");
      await zoom.set(canvas);
      const pts = [at(-100, -100), at(100, -90), at(120, 80), at(-90, 100)];
      await canvas.drawPolyline(pts, "first-vertex");
      await canvas.pickLabel("person");
      await expect.poll(async () => (await canvas.wire()).annotations.length).toBe(1);
      const [poly] = (await canvas.wire()).annotations;
      expect(poly.vertices).toHaveLength(4);
      (poly.vertices as Pt[]).forEach((v, i) => nearPoint(v, pts[i]));
    });

    test("a cuboid: face, then depth", async ({ page }) => {
      const canvas = new EditCanvas(page);
      await canvas.open("cuboidannotation");
      await zoom.set(canvas);
      await canvas.drawCuboid(at(-100, -60), at(40, 60), at(120, 20));
      await canvas.pickLabel("truck");
      await expect.poll(async () => (await canvas.wire()).annotations.length).toBe(1);
      const [cuboid] = (await canvas.wire()).annotations;
      const v = new Map((cuboid.vertices as (Pt & { description: string })[]).map((x) => [x.description, x]));
      nearPoint(v.get("face-topleft"), at(-100, -60));
      nearPoint(v.get("face-bottomright"), at(40, 60));
      near(v.get("side-topcorner")!.x, C.x + 120);
      near(v.get("side-bottomcorner")!.x, C.x + 120);
      expect((cuboid.edges as unknown[]).length).toBe(7);
      await expect(page.getByTestId("wire-valid")).toHaveText("valid");
    });
  });
}

test("edit a polygon's vertex, insert one, delete one; undo to empty and redo to the same JSON", async ({ page }) => {
  const canvas = new EditCanvas(page);
  const keyboard = new EditKeyboard(page);
  await canvas.open("polygonannotation");
  await canvas.actualSize();
  const pts = [at(-100, -100), at(100, -100), at(100, 100), at(-100, 100)];
  await canvas.drawPolyline(pts, "enter");
  await canvas.pickLabel("car");
  await expect.poll(async () => (await canvas.wire()).annotations.length).toBe(1);

  await canvas.tool("select");
  await canvas.click(at(0, 0));
  // Move vertex 2.
  await canvas.drag(at(100, 100), at(130, 140));
  await expect.poll(async () => ((await canvas.wire()).annotations[0].vertices as Pt[])[2]).toEqual(at(130, 140));
  // Insert one at the middle of the top edge.
  await canvas.drag(at(0, -100), at(0, -150));
  await expect.poll(async () => ((await canvas.wire()).annotations[0].vertices as Pt[]).length).toBe(5);
  nearPoint(((await canvas.wire()).annotations[0].vertices as Pt[])[1], at(0, -150));
  // Delete it again: it is the selected vertex.
  await keyboard.press("Delete");
  await expect.poll(async () => ((await canvas.wire()).annotations[0].vertices as Pt[]).length).toBe(4);
  // Alt-click deletes a vertex too, but never below min_vertices (3).
  await canvas.click(at(-100, 100), ["Alt"]);
  await expect.poll(async () => ((await canvas.wire()).annotations[0].vertices as Pt[]).length).toBe(3);
  await canvas.click(at(-100, -100), ["Alt"]);
  await expect(page.getByTestId("edit-message")).toContainText("at least 3 vertices");
  expect(((await canvas.wire()).annotations[0].vertices as Pt[]).length).toBe(3);

  const final = await canvas.wire();
  // create, move vertex, insert, delete, delete: five entries back to empty.
  for (let i = 0; i < 5; i++) await keyboard.undo();
  await expect.poll(async () => (await canvas.wire()).annotations.length).toBe(0);
  await expect(page.getByTestId("cmd-undo")).toBeDisabled();
  for (let i = 0; i < 4; i++) await keyboard.redo();
  await keyboard.redoY();
  await expect.poll(() => canvas.wire()).toEqual(final);
});

test("a box below the minimum is drawn as an error and refused", async ({ page }) => {
  const canvas = new EditCanvas(page);
  await canvas.open("annotation");
  await canvas.actualSize();
  await canvas.drawBox(at(0, 0), at(12, 9));
  await expect(page.getByTestId("edit-message")).toContainText("below the minimum 20×20");
  await expect(page.getByTestId("label-request")).toBeHidden();
  expect((await canvas.wire()).annotations).toEqual([]);
});

test("clicking inside a box with the box tool starts a new box; number keys relabel the selection", async ({ page }) => {
  const canvas = new EditCanvas(page);
  await canvas.open("annotation");
  await canvas.actualSize();
  await canvas.stage.click({ position: { x: 5, y: 5 } });
  await page.keyboard.press("Escape");
  await page.keyboard.press("2");
  await canvas.drawBox(at(-150, -150), at(150, 150));
  await canvas.drawBox(at(-50, -50), at(50, 50));
  await expect.poll(async () => (await canvas.wire()).annotations.length).toBe(2);
  expect((await canvas.wire()).annotations.map((a) => a.label)).toEqual(["truck", "truck"]);
  // The new box is selected after it is drawn; 5 relabels it (person) in one step.
  await page.keyboard.press("5");
  await expect.poll(async () => (await canvas.wire()).annotations.map((a) => a.label)).toEqual(["truck", "person"]);
  await new EditKeyboard(page).undo();
  await expect.poll(async () => (await canvas.wire()).annotations.map((a) => a.label)).toEqual(["truck", "truck"]);
});
