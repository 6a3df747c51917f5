import { PNG } from "pngjs";
import { describe, expect, it } from "vitest";
import { createRaster, fillPolygon, stampSegment, fillAllUnlabeled } from "../../../geometry";
import { SegmentannotationParams } from "../../../schema";
import { validateResponse } from "../../../server/tasks/validate-response";
import { addInstance, initialClasses, type MaskClasses } from "./classes";
import { encodeSegmentation, saveSegmentation } from "./encode";

// Encodes in node exactly as the browser does, "uploads" into a map, and lets the SERVER's
// response validator read the files back through its readMask hook: what the editor submits
// is what the API accepts.

const params = SegmentannotationParams.parse({
  attachment: "https://example.com/street.png",
  labels: ["road", "sky", "building"],
  instance_labels: ["car", "person"],
  allow_unlabeled: false,
});

function fakeServer() {
  const files = new Map<string, Buffer>();
  let n = 0;
  return {
    files,
    upload: async (png: Uint8Array) => {
      const url = `http://localhost:4000/files/uploads/${++n}.png`;
      files.set(url, Buffer.from(png));
      return url;
    },
    readMask: (url: string) => files.get(url) ?? null,
  };
}

function twoCars(): { raster: ReturnType<typeof createRaster>; classes: MaskClasses; car1: number; car2: number } {
  const raster = createRaster(120, 80);
  let classes = initialClasses(params);
  const a = addInstance(classes, "car")!;
  classes = a.classes;
  const b = addInstance(classes, "car")!;
  classes = b.classes;
  fillPolygon(raster, [0, 0, 120, 0, 120, 30, 0, 30], 2); // sky
  fillPolygon(raster, [0, 30, 120, 30, 120, 60, 0, 60], 3); // building
  fillPolygon(raster, [0, 60, 120, 60, 120, 80, 0, 80], 1); // road
  stampSegment(raster, 20, 65, 40, 65, 6, a.added.index);
  stampSegment(raster, 80, 65, 100, 65, 6, b.added.index);
  return { raster, classes, car1: a.added.index, car2: b.added.index };
}

describe("segmentation encoding", () => {
  it("passes the server's validator, pixels included", async () => {
    const { raster, classes } = twoCars();
    const server = fakeServer();
    const response = await saveSegmentation(raster, classes, params, server.upload);
    const result = validateResponse("segmentannotation", params, response, { canvas: { width: 120, height: 80 }, readMask: server.readMask });
    expect(result).toEqual({ ok: true, response: expect.anything() });
    expect(Array.isArray(response.labelMapping.car) && response.labelMapping.car.length).toBe(2);
    expect(response.labelMapping.person).toEqual([]);
    expect(response.annotations.labeled.person).toEqual([]);
    expect(response.annotations.unlabeled).toBeNull();
  });

  it("writes an indexed PNG whose red channel is the label index, and masks per label", () => {
    const { raster, classes, car2 } = twoCars();
    const encoded = encodeSegmentation(raster, classes, params);
    const indexed = encoded.files.find((f) => f.role.kind === "indexedImage")!;
    // Colour type 3 (palette) in the IHDR chunk.
    expect(indexed.png[25]).toBe(3);
    const decoded = PNG.sync.read(Buffer.from(indexed.png));
    for (const [x, y] of [[5, 5], [5, 40], [5, 75], [90, 65]]) {
      expect(decoded.data[4 * (y * 120 + x)]).toBe(raster.data[y * 120 + x]);
    }
    expect(decoded.data[4 * (65 * 120 + 90)]).toBe(car2);
    const car2Mask = encoded.files.find((f) => f.role.kind === "label" && f.role.label === "car" && f.role.instance === 1)!;
    const mask = PNG.sync.read(Buffer.from(car2Mask.png));
    expect(mask.data[4 * (65 * 120 + 90)]).toBe(255);
    expect(mask.data[4 * (65 * 120 + 30)]).toBe(0);
  });

  it("leaves out an instance that has no pixels left, keeping the others' indices", async () => {
    const { raster, classes, car1, car2 } = twoCars();
    raster.data.forEach((v, i) => v === car1 && (raster.data[i] = 1));
    const server = fakeServer();
    const response = await saveSegmentation(raster, classes, params, server.upload);
    expect(response.labelMapping.car).toEqual([expect.objectContaining({ index: car2 })]);
    expect(validateResponse("segmentannotation", params, response, { readMask: server.readMask }).ok).toBe(true);
  });

  it("refuses to save unlabeled pixels unless allow_unlabeled, and then sends their mask", async () => {
    const raster = createRaster(10, 10);
    const classes = initialClasses(params);
    stampSegment(raster, 5, 5, 5, 5, 3, 1);
    await expect(saveSegmentation(raster, classes, params, fakeServer().upload)).rejects.toThrow(/pixels are unlabeled/);

    const lenient = { ...params, allow_unlabeled: true };
    const server = fakeServer();
    const response = await saveSegmentation(raster, classes, lenient, server.upload);
    expect(response.annotations.unlabeled).toMatch(/^http/);
    expect(validateResponse("segmentannotation", lenient, response, { readMask: server.readMask }).ok).toBe(true);

    fillAllUnlabeled(raster, 2);
    expect(encodeSegmentation(raster, classes, params).unlabeled).toBe(0);
  });

  it("the validator catches a mask with an index no label has", async () => {
    const { raster, classes } = twoCars();
    const server = fakeServer();
    const response = await saveSegmentation(raster, classes, params, server.upload);
    // Remove the building from the mapping: its pixels now carry an unknown index.
    const broken = { ...response, labelMapping: { ...response.labelMapping, building: { color: "#123456", index: 200 } } };
    const result = validateResponse("segmentannotation", params, broken, { readMask: server.readMask });
    expect(result.ok).toBe(false);
    expect(() => encodeSegmentation(raster, { ...classes, list: classes.list.filter((c) => c.label !== "building") }, params)).toThrow(/index 3/);
  });
});
