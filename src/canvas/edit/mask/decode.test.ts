import { encode as encodePng } from "fast-png";
import { describe, expect, it } from "vitest";
import { createRaster, fillPolygon, stampSegment } from "../../../geometry";
import { SegmentannotationParams } from "../../../schema";
import { createEditorStore } from "../store";
import { addInstance, initialClasses } from "./classes";
import { consoleUrl, decodeSegmentationAnswer, indicesFromIndexedPng } from "./decode";
import { saveSegmentation } from "./encode";
import { ensureMaskSession } from "./session";

// Round trip: the editor's encoder writes the response's PNGs, the decoder reads them back into
// the same raster and classes — through each of the three images an answer may offer.

const params = SegmentannotationParams.parse({
  attachment: "https://example.com/street.png",
  labels: ["road", "sky", "building"],
  instance_labels: ["car"],
  allow_unlabeled: true,
});

function scene() {
  const raster = createRaster(97, 61); // odd sizes: rows of 1-bit masks are padded
  let classes = initialClasses(params);
  const a = addInstance(classes, "car")!;
  classes = a.classes;
  const b = addInstance(classes, "car")!;
  classes = b.classes;
  fillPolygon(raster, [0, 0, 97, 0, 97, 20, 0, 20], 2);
  fillPolygon(raster, [0, 40, 97, 40, 97, 61, 0, 61], 1);
  stampSegment(raster, 10, 50, 30, 50, 7, a.added.index);
  stampSegment(raster, 60, 30, 80, 45, 5, b.added.index);
  // Rows 20–39 outside the cars stay unlabeled (allowed here).
  return { raster, classes };
}

async function saved() {
  const { raster, classes } = scene();
  const files = new Map<string, Uint8Array>();
  const response = await saveSegmentation(raster, classes, params, async (png) => {
    const url = `http://localhost:4000/files/uploads/${files.size + 1}.png`;
    files.set(url, png);
    return url;
  });
  const fetchBytes = async (url: string) => {
    const f = files.get(url);
    if (!f) throw new Error(`${url} answered HTTP 404`);
    return f;
  };
  return { raster, classes, response, files, fetchBytes };
}

describe("decoding a segmentation answer", () => {
  it("encode → decode gives the same raster, from the indexed image", async () => {
    const { raster, response, fetchBytes } = await saved();
    const d = await decodeSegmentationAnswer(response, fetchBytes);
    expect(d.from).toBe("indexedImage");
    expect([d.width, d.height]).toEqual([97, 61]);
    expect(Buffer.from(d.indices).equals(Buffer.from(raster.data))).toBe(true);
    expect(d.labelMapping).toEqual(response.labelMapping);
  });

  it("falls back to the per-label masks, then to the colour image, with the same pixels", async () => {
    const { raster, response, files, fetchBytes } = await saved();
    files.delete(response.annotations.combined.indexedImage);
    const fromLabeled = await decodeSegmentationAnswer(response, fetchBytes);
    expect(fromLabeled.from).toBe("labeled");
    expect(Buffer.from(fromLabeled.indices).equals(Buffer.from(raster.data))).toBe(true);

    for (const v of Object.values(response.annotations.labeled)) for (const url of [v].flat()) files.delete(url);
    const fromColours = await decodeSegmentationAnswer(response, fetchBytes);
    expect(fromColours.from).toBe("image");
    expect(Buffer.from(fromColours.indices).equals(Buffer.from(raster.data))).toBe(true);
  });

  it("opens into an editor session with the answer's classes, and saves it back unchanged", async () => {
    const { raster, classes, response, fetchBytes } = await saved();
    const d = await decodeSegmentationAnswer(response, fetchBytes);
    const session = ensureMaskSession(createEditorStore(), params, { width: d.width, height: d.height }, d);
    expect(Buffer.from(session.raster.data).equals(Buffer.from(raster.data))).toBe(true);
    expect(session.state.classes.list.map(({ index, label, instance, color }) => ({ index, label, instance, color }))).toEqual(
      classes.list.map(({ index, label, instance, color }) => ({ index, label, instance, color })),
    );
    const again = await session.save(async (png) => `mem:${png.length}`);
    expect(again?.labelMapping).toEqual(response.labelMapping);
  });

  it("reads indices from greyscale and non-identity palette PNGs by the red channel", () => {
    const grey = encodePng({ width: 3, height: 1, data: new Uint8Array([0, 5, 9]), channels: 1, depth: 8 });
    expect(Array.from(indicesFromIndexedPng(grey).indices)).toEqual([0, 5, 9]);
    // A palette whose entry 1 is red 7: the pixel's index is 7, as a browser shows it.
    const pal = encodePng({ width: 2, height: 1, data: new Uint8Array([1, 0]), channels: 1, depth: 8, palette: [[0, 0, 0], [7, 200, 3]] });
    expect(Array.from(indicesFromIndexedPng(pal).indices)).toEqual([7, 0]);
    const rgba = encodePng({ width: 2, height: 1, data: new Uint8Array([4, 1, 1, 255, 2, 9, 9, 255]), channels: 4, depth: 8 });
    expect(Array.from(indicesFromIndexedPng(rgba).indices)).toEqual([4, 2]);
  });

  it("says why when nothing can be read, and refuses a response of another shape", async () => {
    const { response } = await saved();
    await expect(decodeSegmentationAnswer(response, async () => new Uint8Array([1, 2, 3]))).rejects.toThrow(/none of the answer's mask images could be read.*not a PNG/);
    await expect(decodeSegmentationAnswer({ annotations: [] }, async () => new Uint8Array())).rejects.toThrow(/not a segmentation response/);
  });

  it("fetches the server's loopback file links through the console's origin", () => {
    expect(consoleUrl("http://localhost:4000/files/uploads/a.png", "http://127.0.0.1:5307")).toBe("http://127.0.0.1:5307/files/uploads/a.png");
    expect(consoleUrl("/files/a.png", "http://127.0.0.1:5307")).toBe("http://127.0.0.1:5307/files/a.png");
    expect(consoleUrl("https://cdn.example.com/files/a.png", "http://127.0.0.1:5307")).toBe("https://cdn.example.com/files/a.png");
    expect(consoleUrl("http://localhost:4000/v1/tasks", "http://127.0.0.1:5307")).toBe("http://localhost:4000/v1/tasks");
  });
});
