import { describe, expect, it } from "vitest";
import { kindRegistry } from "../kinds";
import { imageUrlOfTask, sceneFromTask } from "./fromTask";

const layers = {
  boxes: [{ label: "car", height: 97, width: 147, top: 229, left: 300 }],
  polygons: [{ vertices: [{ y: 145, x: 356 }, { y: 103, x: 502 }, { y: 264, x: 482 }], label: "building" }],
  lines: [{ vertices: [{ y: 323, x: 414 }, { y: 164, x: 616 }, { y: 334, x: 776 }], label: "crosswalk", spline: true }],
  cuboids: [
    {
      vertices: [
        { description: "face-topleft", y: 219.0, x: 137.0 },
        { description: "face-bottomleft", y: 318.0, x: 137.0 },
        { description: "face-topright", y: 219.0, x: 245.0 },
        { description: "face-bottomright", y: 318.0, x: 245.0 },
        { description: "side-topcorner", y: 165.0, x: 316.0 },
        { description: "side-bottomcorner", y: 264.0, x: 316.0 },
      ],
      label: "car",
    },
  ],
};

describe("sceneFromTask", () => {
  it("reads box responses and all four layer kinds", () => {
    const scene = sceneFromTask({
      type: "annotation",
      params: { attachment: "http://x/a.jpg", attachment_type: "image", layers },
      response: {
        annotations: [
          { left: 2, top: 4, width: 3, height: 5, label: "pedestrian" },
          { left: 7, top: 5, width: 14, height: 5, label: "car", attributes: { occlusion: "25%" } },
          { left: "bad" },
        ],
      },
    });
    const byId = new Map(scene.objects.map((o) => [o.id, o]));
    expect(scene.objects.filter((o) => o.source === "response").length).toBe(2);
    expect(byId.get("response:box:1")).toMatchObject({ label: "car", attributes: { occlusion: "25%" } });
    expect(byId.get("layer:box:0")?.bounds).toEqual({ minX: 300, minY: 229, maxX: 447, maxY: 326 });
    const line = byId.get("layer:line:0");
    expect(line?.kind === "line" && line.spline && line.path.length > line.points.length).toBe(true);
    const cuboid = byId.get("layer:cuboid:0");
    expect(cuboid?.kind === "cuboid" && cuboid.edges.length).toBe(6);
    expect(byId.get("layer:polygon:0")?.label).toBe("building");
    expect(scene.mask).toBeNull();
  });

  it("draws lineannotation responses as splines when the task asks for splines", () => {
    const scene = sceneFromTask({
      type: "lineannotation",
      params: { attachment: "http://x/a.jpg", splines: true },
      response: { annotations: [{ vertices: [{ x: 0, y: 0 }, { x: 10, y: 10 }, { x: 20, y: 0 }] }] },
    });
    expect(scene.objects[0]).toMatchObject({ kind: "line", spline: true, label: "" });
  });

  it("uses the docs' edges and the 8 corners of a response cuboid", () => {
    const corners = Array.from({ length: 8 }, (_, i) => ({ x: i, y: i }));
    const scene = sceneFromTask({
      type: "cuboidannotation",
      params: {},
      response: { annotations: [{ label: "car", vertices: layers.cuboids[0].vertices, edges: [], points_2d: corners }] },
    });
    const c = scene.objects[0];
    expect(c.kind === "cuboid" && c.corners?.length).toBe(16);
    expect(c.kind === "cuboid" && c.edges.length).toBe(12);
  });

  it("projects a cuboid's points_3d through the camera when it has no points_2d, if they agree with its vertices", () => {
    // A 2 × 1 × 1 box 10 units in front of a camera with f = 100, principal point (300, 200).
    const camera_intrinsics = { fx: 100, fy: 100, cx: 300, cy: 200 };
    const p3 = [
      [-1, -0.5, 10], [1, -0.5, 10], [1, -0.5, 11], [-1, -0.5, 11],
      [-1, 0.5, 10], [1, 0.5, 10], [1, 0.5, 11], [-1, 0.5, 11],
    ].map(([x, y, z]) => ({ x, y, z }));
    const vertices = [
      { x: 290, y: 195, description: "face-topleft", type: "vertex" },
      { x: 310, y: 195, description: "face-topright", type: "vertex" },
      { x: 290, y: 205, description: "face-bottomleft", type: "vertex" },
      { x: 310, y: 205, description: "face-bottomright", type: "vertex" },
    ];
    const task = (points_3d: typeof p3) => ({
      type: "cuboidannotation" as const,
      params: { attachment: "http://x/a.jpg", camera_intrinsics, camera_rotation_quaternion: { w: 1, x: 0, y: 0, z: 0 } },
      response: { annotations: [{ label: "box", vertices, points_3d }] },
    });
    const cuboidOf = (t: ReturnType<typeof task>) => {
      const [o] = sceneFromTask(t).objects;
      if (o?.kind !== "cuboid") throw new Error("no cuboid");
      return o;
    };
    const projected = cuboidOf(task(p3));
    expect(projected.cornersFrom).toBe("points_3d");
    expect(projected.edges.length).toBe(12);
    expect(kindRegistry.cuboid.summary(projected)).toContain("projected from points_3d");

    // 3D points that don't land on the drawn face are described, not drawn.
    const described = cuboidOf(task(p3.map((p) => ({ ...p, x: p.x + 5 }))));
    expect(described.cornersFrom).toBeNull();
    expect(described.points3d?.length).toBe(8);
    expect(kindRegistry.cuboid.summary(described)).toMatch(/3D points only \(depth 10–11\)/);
  });

  it("draws the layers of a categorization task with an image", () => {
    const scene = sceneFromTask({
      type: "categorization",
      params: { attachment: "http://x/a.jpg", attachment_type: "image", categories: ["a"], layers },
      response: { category: "a" },
    });
    expect(scene.objects.length).toBe(4);
    expect(scene.objects.every((o) => o.source === "layer")).toBe(true);
  });

  it("reads a segmentation response's masks", () => {
    const scene = sceneFromTask({
      type: "segmentannotation",
      params: { attachment: "http://x/a.jpg" },
      response: {
        annotations: {
          unlabeled: null,
          labeled: { road: "http://x/road.png", car: ["http://x/car0.png", "http://x/car1.png"] },
          combined: { image: "http://x/c.png", indexedImage: "http://x/i.png" },
        },
        labelMapping: {
          road: { color: "#80ff00", index: 2 },
          car: [
            { color: "#8000ff", index: 5 },
            { color: "#ff0080", index: 4 },
          ],
        },
        instances: {},
      },
    });
    expect(scene.mask).toMatchObject({ indexedImage: "http://x/i.png", combinedImage: "http://x/c.png" });
    expect(scene.mask?.labeled).toEqual([
      { label: "road", instance: null, url: "http://x/road.png" },
      { label: "car", instance: 0, url: "http://x/car0.png" },
      { label: "car", instance: 1, url: "http://x/car1.png" },
    ]);
  });

  it("orders labels for colours: the task's list first, then first appearance", () => {
    const scene = sceneFromTask({
      type: "annotation",
      params: {
        attachment: "http://x/a.jpg",
        objects_to_annotate: ["motorbike", { choice: "vehicle", subchoices: ["car", "bus"] }],
        layers: { boxes: [{ label: "sign", left: 0, top: 0, width: 5, height: 5 }] },
      },
      response: {
        annotations: [
          { label: "car", left: 1, top: 1, width: 5, height: 5 },
          { label: "tree", left: 1, top: 1, width: 5, height: 5 },
        ],
      },
    });
    expect(scene.labels).toEqual(["motorbike", "car", "bus", "sign", "tree"]);
  });

  it("finds the image attachment", () => {
    expect(imageUrlOfTask({ type: "annotation", params: { attachment: "http://x/a.jpg" } })).toBe("http://x/a.jpg");
    expect(imageUrlOfTask({ type: "categorization", params: { attachment: "hi", attachment_type: "text" } })).toBeNull();
  });
});
