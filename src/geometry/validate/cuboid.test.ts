import { describe, expect, it } from "vitest";
import type { CuboidEdgeDescription, CuboidVertexDescription } from "../../schema";
import { checkVectorResponse, Issues } from ".";

// Cuboid answers through the shared validator (the server's validateResponse and the editor's
// validation view both call checkVectorResponse): a valid cuboid passes in every form the docs
// allow, and each rule checkCuboids applies is broken once, alone, with the finding it reports.

const image = { width: 640, height: 480 };
const baseParams = { attachment: "https://example.test/street.jpg", objects_to_annotate: ["car", "truck"], with_labels: true };
const camera = {
  camera_intrinsics: { fx: 1300, fy: 1300, cx: 200, cy: 150 },
  camera_rotation_quaternion: { w: 0.5, x: 0.5, y: 0.5, z: 0.5 },
};

type Xy = readonly [number, number];
const vertex = ([x, y]: Xy, description: CuboidVertexDescription) => ({ x, y, type: "vertex", description });
const edge = ([x1, y1]: Xy, [x2, y2]: Xy, description: CuboidEdgeDescription) => ({ x1, y1, x2, y2, type: "edge", description });

/** The docs' layer example: a face 108x99 px, its side showing on the right (or, mirrored, on the left). */
function docsCuboid(side: "right" | "left" = "right") {
  const tl: Xy = [137, 219];
  const bl: Xy = [137, 318];
  const tr: Xy = [245, 219];
  const br: Xy = [245, 318];
  const st: Xy = side === "right" ? [316, 165] : [66, 165];
  const sb: Xy = side === "right" ? [316, 264] : [66, 264];
  const [top, bottom] = side === "right" ? [tr, br] : [tl, bl];
  return {
    label: "car",
    vertices: [vertex(tl, "face-topleft"), vertex(bl, "face-bottomleft"), vertex(tr, "face-topright"), vertex(br, "face-bottomright"), vertex(st, "side-topcorner"), vertex(sb, "side-bottomcorner")],
    edges: [
      edge(tl, tr, "face-top"),
      edge(tr, br, "face-right"),
      edge(br, bl, "face-bottom"),
      edge(bl, tl, "face-left"),
      edge(top, st, "side-top"),
      edge(bottom, sb, "side-bottom"),
      edge(st, sb, "side-vertical"),
    ],
  };
}

type Cuboid = ReturnType<typeof docsCuboid>;

function check(annotations: unknown[], params: Record<string, unknown> = {}): Issues {
  const issues = new Issues();
  checkVectorResponse("cuboidannotation", { ...baseParams, ...params }, { annotations }, image, issues);
  return issues;
}

/** The findings as the API words them, one line each. */
const findings = (annotations: unknown[], params: Record<string, unknown> = {}) => check(annotations, params).list;

/** A copy of the docs cuboid changed by `edit`. */
function changed(edit: (c: Cuboid) => void, side: "right" | "left" = "right"): Cuboid {
  const c = docsCuboid(side);
  edit(c);
  return c;
}

const edgeOf = (c: Cuboid, description: CuboidEdgeDescription) => {
  const e = c.edges.find((x) => x.description === description);
  if (!e) throw new Error(`no ${description} edge`);
  return e;
};

describe("a valid cuboid", () => {
  it("passes with its side on the right or on the left", () => {
    expect(findings([docsCuboid("right")], { min_width: 100, min_height: 90 })).toEqual([]);
    expect(findings([docsCuboid("left")], { min_width: 100, min_height: 90 })).toEqual([]);
  });

  it("passes with its edges drawn either way round and within half a pixel of its vertices", () => {
    const c = changed((c) => {
      const top = edgeOf(c, "face-top");
      [top.x1, top.y1, top.x2, top.y2] = [top.x2, top.y2, top.x1 + 0.4, top.y1 - 0.4];
      const side = edgeOf(c, "side-top");
      [side.x1, side.y1, side.x2, side.y2] = [side.x2, side.y2, side.x1, side.y1];
    });
    expect(findings([c])).toEqual([]);
  });

  it("passes as a face alone, and without edges (the docs' layers give none)", () => {
    const faceOnly = changed((c) => {
      c.vertices = c.vertices.filter((v) => v.description.startsWith("face"));
      c.edges = c.edges.filter((e) => e.description.startsWith("face"));
    });
    expect(findings([faceOnly])).toEqual([]);
    expect(findings([{ ...docsCuboid(), edges: [] }])).toEqual([]);
  });

  it("passes with points_2d and points_3d when the camera is given", () => {
    const corners = Array.from({ length: 8 }, (_, i) => ({ x: 100 + i, y: 200 + i }));
    const withPoints = { ...docsCuboid(), points_2d: corners, points_3d: corners.map((p) => ({ ...p, z: 10 })) };
    expect(findings([withPoints], camera)).toEqual([]);
  });

  it("passes when min_annotations and max_annotations hold", () => {
    expect(findings([docsCuboid(), docsCuboid("left")], { min_annotations: 2, max_annotations: 2 })).toEqual([]);
  });
});

describe("each rule a cuboid can break", () => {
  it("too few or too many cuboids", () => {
    expect(findings([docsCuboid()], { min_annotations: 2 })).toEqual(["response.annotations: has 1 cuboids, fewer than min_annotations 2"]);
    expect(findings([docsCuboid(), docsCuboid(), docsCuboid()], { max_annotations: 2 })).toEqual([
      "response.annotations: has 3 cuboids, more than max_annotations 2",
    ]);
  });

  it("a label outside objects_to_annotate, or none while with_labels", () => {
    expect(findings([{ ...docsCuboid(), label: "bus" }])).toEqual(['response.annotations[0].label: "bus" is not a leaf of objects_to_annotate']);
    expect(findings([{ ...docsCuboid(), label: undefined }])).toEqual(["response.annotations[0].label: is required (with_labels is true)"]);
  });

  it("an answered attribute the params don't define", () => {
    expect(findings([{ ...docsCuboid(), attributes: { parked: "yes" } }])).toEqual(["response.annotations[0].attributes.parked: is not one of annotation_attributes"]);
  });

  it("a vertex described twice", () => {
    const c = changed((c) => c.vertices.push(vertex([140, 220], "face-topleft")));
    expect(findings([c])).toEqual(['response.annotations[0].vertices[6]: "face-topleft" appears twice']);
  });

  it("a vertex outside the image", () => {
    const c = changed((c) => {
      c.vertices[4].x = 641; // side-topcorner, with the edges that end there
      edgeOf(c, "side-top").x2 = 641;
      edgeOf(c, "side-vertical").x1 = 641;
    });
    expect(findings([c])).toEqual(["response.annotations[0].vertices[4]: lies outside the 640x480 image"]);
  });

  it.each(["face-topleft", "face-bottomleft", "face-topright", "face-bottomright"] as const)("the face vertex %s missing", (missing) => {
    const c = changed((c) => {
      c.vertices = c.vertices.filter((v) => v.description !== missing);
      c.edges = [];
    });
    expect(findings([c])).toEqual([`response.annotations[0].vertices: the face vertex "${missing}" is missing`]);
  });

  it.each(["side-topcorner", "side-bottomcorner"] as const)("the side corner %s without the other one", (kept) => {
    const c = changed((c) => {
      c.vertices = c.vertices.filter((v) => v.description.startsWith("face") || v.description === kept);
      c.edges = c.edges.filter((e) => e.description.startsWith("face"));
    });
    expect(findings([c])).toEqual(["response.annotations[0].vertices: side-topcorner and side-bottomcorner come together"]);
  });

  it("a face narrower than min_width or lower than min_height", () => {
    expect(findings([docsCuboid()], { min_width: 109 })).toEqual(["response.annotations[0]: its face is 108 wide, less than min_width 109"]);
    expect(findings([docsCuboid()], { min_height: 100 })).toEqual(["response.annotations[0]: its face is 99 high, less than min_height 100"]);
  });

  it("an edge given twice", () => {
    const c = changed((c) => c.edges.push({ ...edgeOf(c, "face-left") }));
    expect(findings([c])).toEqual(['response.annotations[0].edges[7]: "face-left" appears twice']);
  });

  it("an edge that misses its vertices by more than half a pixel", () => {
    const c = changed((c) => {
      edgeOf(c, "face-bottom").x2 += 0.6;
    });
    expect(findings([c])).toEqual(['response.annotations[0].edges[2]: "face-bottom" does not join the vertices face-bottomright and face-bottomleft']);
  });

  it("an edge joining the wrong vertices", () => {
    const c = changed((c) => {
      const e = edgeOf(c, "face-right");
      [e.x2, e.y2] = [137, 318]; // to face-bottomleft: the face's diagonal
    });
    expect(findings([c])).toEqual(['response.annotations[0].edges[1]: "face-right" does not join the vertices face-topright and face-bottomright']);
  });

  it("a side edge where the cuboid has no side", () => {
    const c = changed((c) => {
      c.vertices = c.vertices.filter((v) => v.description.startsWith("face"));
    });
    // With no side corners there is no telling which face corner a side edge should leave from.
    expect(findings([c])).toEqual([
      'response.annotations[0].edges[4]: "side-top" does not join the vertices face-topright/face-topleft and side-topcorner',
      'response.annotations[0].edges[5]: "side-bottom" does not join the vertices face-bottomright/face-bottomleft and side-bottomcorner',
      'response.annotations[0].edges[6]: "side-vertical" does not join the vertices side-topcorner and side-bottomcorner',
    ]);
  });

  it("side edges leaving the face from the corners away from the side (across the face)", () => {
    const right = changed((c) => {
      const [top, bottom] = [edgeOf(c, "side-top"), edgeOf(c, "side-bottom")];
      [top.x1, top.y1] = [137, 219]; // face-topleft, while the side shows on the right
      [bottom.x1, bottom.y1] = [137, 318];
    });
    expect(findings([right])).toEqual([
      'response.annotations[0].edges[4]: "side-top" does not join the vertices face-topright and side-topcorner',
      'response.annotations[0].edges[5]: "side-bottom" does not join the vertices face-bottomright and side-bottomcorner',
    ]);
    const left = changed((c) => {
      [edgeOf(c, "side-top").x1, edgeOf(c, "side-top").y1] = [245, 219];
    }, "left");
    expect(findings([left])).toEqual(['response.annotations[0].edges[4]: "side-top" does not join the vertices face-topleft and side-topcorner']);
  });

  it("points_2d or points_3d without the camera parameters", () => {
    const corners = Array.from({ length: 8 }, (_, i) => ({ x: 100 + i, y: 200 + i }));
    expect(findings([{ ...docsCuboid(), points_2d: corners }])).toEqual([
      "response.annotations[0]: points_2d and points_3d come only with camera_intrinsics and camera_rotation_quaternion",
    ]);
    expect(findings([{ ...docsCuboid(), points_3d: corners.map((p) => ({ ...p, z: 1 })) }])).toEqual([
      "response.annotations[0]: points_2d and points_3d come only with camera_intrinsics and camera_rotation_quaternion",
    ]);
  });

  it("a wire-shape error: an unknown vertex description, or too few points_2d", () => {
    const issues = check([changed((c) => (c.vertices[5] = { ...c.vertices[5], description: "back-bottomright" as CuboidVertexDescription }))]);
    expect(issues.shapeEntries).toEqual([{ path: "response.annotations[0].vertices[5].description", message: expect.stringMatching(/^must be one of face-topleft, /) }]);
    const short = check([{ ...docsCuboid(), points_2d: [{ x: 1, y: 1 }] }], camera);
    expect(short.shapeEntries).toEqual([{ path: "response.annotations[0].points_2d", message: "points_2d holds all 8 corners" }]);
  });

  it("names each finding's path apart, so the editor can point at the object", () => {
    const c = changed((c) => (c.vertices[0].y = -5));
    expect(check([docsCuboid(), c]).entries).toContainEqual({ path: "response.annotations[1].vertices[0]", message: "lies outside the 640x480 image" });
  });
});
