import type { TaskType } from "../../schema";
import type { Rng } from "../testmode/rng";

// What a person answered on the live demo tasks: drawn on the sample photos where the objects
// really are, labels that match the instruction, text that reads like a person wrote it. A task
// the demo reviewer rejects gets the flawed variant of its answer, and the rejection says what
// is wrong with exactly that answer. (Test-mode demo tasks keep the synthetic worker's answers.)

export interface DemoAnswer {
  response: Record<string, unknown>;
  /** The reviewer's reason when the flawed variant was given; absent when there is none. */
  rejection?: string;
}

type Answer = (rng: Rng, flawed: boolean) => DemoAnswer;

interface Pt {
  x: number;
  y: number;
}

/** A few pixels of hand jitter, so tasks on one photo don't carry identical answers. */
const jitter = (rng: Rng, v: number, max: number) => Math.max(0, Math.min(max, Math.round((v + (rng.next() - 0.5) * 4) * 10) / 10));
const jitterPt = (rng: Rng, p: Pt, w: number, h: number): Pt => ({ x: jitter(rng, p.x, w), y: jitter(rng, p.y, h) });

interface Box {
  left: number;
  top: number;
  width: number;
  height: number;
  label: string;
  attributes: Record<string, string | number>;
}

/** The flawed variant misses the object at `drop`, or has its first box `loosen` px too big. */
function boxes(w: number, h: number, list: Box[], flaw: { drop?: number; loosen?: number; rejection: string }): Answer {
  return (rng, flawed) => {
    const kept = flawed && flaw.drop !== undefined ? list.filter((_, i) => i !== flaw.drop) : list;
    const annotations = kept.map((b, i) => {
      const grow = flawed && flaw.loosen && i === 0 ? flaw.loosen : 0;
      const left = Math.max(0, Math.round(jitter(rng, b.left, w - b.width)) - grow);
      const top = Math.max(0, Math.round(jitter(rng, b.top, h - b.height)) - grow);
      return { ...b, left, top, width: Math.min(b.width + 2 * grow, w - left), height: Math.min(b.height + 2 * grow, h - top) };
    });
    return { response: { annotations }, ...(flawed ? { rejection: flaw.rejection } : {}) };
  };
}

function face(w: number, h: number, eyes: [Pt, Pt], nose: Pt, ears: [Pt, Pt]): Answer {
  return (rng, flawed) => {
    const points = [
      ...eyes.map((p) => ({ ...jitterPt(rng, p, w, h), label: "eye" })),
      { ...jitterPt(rng, nose, w, h), label: "nose" },
      ...(flawed ? ears.slice(0, 1) : ears).map((p) => ({ ...jitterPt(rng, p, w, h), label: "ear" })),
    ];
    return { response: { annotations: points }, ...(flawed ? { rejection: "Only one ear is marked; both are visible." } : {}) };
  };
}

/** Traced along the silhouette's edge (the photo is black on white), simplified to 6 px. */
const HORSE_OUTLINE: Pt[] = [
  { x: 350, y: 9 }, { x: 350, y: 19 }, { x: 358, y: 9 }, { x: 354, y: 24 }, { x: 388, y: 88 }, { x: 370, y: 102 },
  { x: 352, y: 80 }, { x: 324, y: 75 }, { x: 272, y: 264 }, { x: 274, y: 292 }, { x: 290, y: 311 }, { x: 274, y: 312 },
  { x: 266, y: 297 }, { x: 262, y: 248 }, { x: 256, y: 289 }, { x: 268, y: 307 }, { x: 252, y: 309 }, { x: 245, y: 294 },
  { x: 248, y: 188 }, { x: 181, y: 184 }, { x: 133, y: 167 }, { x: 108, y: 236 }, { x: 108, y: 258 }, { x: 130, y: 304 },
  { x: 118, y: 303 }, { x: 104, y: 284 }, { x: 92, y: 231 }, { x: 87, y: 206 }, { x: 58, y: 254 }, { x: 57, y: 285 },
  { x: 73, y: 309 }, { x: 57, y: 309 }, { x: 44, y: 291 }, { x: 50, y: 220 }, { x: 68, y: 190 }, { x: 55, y: 134 },
  { x: 61, y: 100 }, { x: 51, y: 122 }, { x: 41, y: 238 }, { x: 32, y: 251 }, { x: 27, y: 238 }, { x: 24, y: 244 },
  { x: 18, y: 143 }, { x: 36, y: 96 }, { x: 101, y: 82 }, { x: 181, y: 93 }, { x: 229, y: 89 }, { x: 249, y: 80 },
  { x: 296, y: 30 },
];
export const CAT_OUTLINE: Pt[] = [
  { x: 0, y: 299 }, { x: 0, y: 40 }, { x: 35, y: 0 }, { x: 110, y: 10 }, { x: 330, y: 10 }, { x: 398, y: 0 },
  { x: 392, y: 70 }, { x: 365, y: 170 }, { x: 330, y: 260 }, { x: 300, y: 299 },
];

function outline(w: number, h: number, label: string, pose: string, vertices: Pt[], rejection: string): Answer {
  return (rng, flawed) => {
    // The flawed outline skips every other vertex of one stretch: a visibly coarse trace.
    const used = flawed ? vertices.filter((_, i) => i < 3 || i % 2 === 0) : vertices;
    return {
      response: { annotations: [{ label, attributes: { pose }, vertices: used.map((p) => jitterPt(rng, p, w, h)) }] },
      ...(flawed ? { rejection } : {}),
    };
  };
}

const cameraLines: Answer = (rng, flawed) => {
  const line = (label: string, vertices: Pt[]) => ({ label, spline: false, vertices: vertices.map((p) => jitterPt(rng, p, 512, 512)) });
  const horizon = flawed ? [{ x: 0, y: 238 }, { x: 240, y: 236 }, { x: 420, y: 233 }] : [{ x: 0, y: 238 }, { x: 240, y: 236 }, { x: 511, y: 232 }];
  return {
    response: {
      annotations: [
        line("horizon", horizon),
        line("tripod leg", [{ x: 291, y: 322 }, { x: 236, y: 497 }]),
        line("tripod leg", [{ x: 294, y: 322 }, { x: 292, y: 482 }]),
        line("tripod leg", [{ x: 300, y: 322 }, { x: 404, y: 508 }]),
      ],
    },
    ...(flawed ? { rejection: "The horizon stops short of the right edge." } : {}),
  };
};

type VertexName = "face-topleft" | "face-bottomleft" | "face-topright" | "face-bottomright" | "side-topcorner" | "side-bottomcorner";
type EdgeName = "face-top" | "face-right" | "face-bottom" | "face-left" | "side-top" | "side-bottom" | "side-vertical";

/**
 * A cuboid as the docs draw it: the front face, and the side receding to the right or left by
 * `depth`, `shrink` px shorter at its far end. The flawed variant puts the side on the wrong side.
 */
function cuboidAround(label: string, face: { l: number; t: number; r: number; b: number }, side: { right: boolean; depth: number; shrink: number }): Answer {
  return (rng, flawed) => {
    const j = (v: number) => Math.round(v + (rng.next() - 0.5) * 4);
    const [l, t, r, b] = [j(face.l), j(face.t), j(face.r), j(face.b)];
    const right = flawed ? !side.right : side.right;
    const near = right ? r : l;
    const far = right ? near + side.depth : near - side.depth;
    const v = (x: number, y: number, description: VertexName) => ({ x, y, type: "vertex", description });
    const e = (a: [number, number], c: [number, number], description: EdgeName) => ({ x1: a[0], y1: a[1], x2: c[0], y2: c[1], type: "edge", description });
    const st: [number, number] = [far, t + side.shrink];
    const sb: [number, number] = [far, b - side.shrink];
    return {
      response: {
        annotations: [
          {
            label,
            vertices: [v(l, t, "face-topleft"), v(l, b, "face-bottomleft"), v(r, t, "face-topright"), v(r, b, "face-bottomright"), v(...st, "side-topcorner"), v(...sb, "side-bottomcorner")],
            edges: [
              e([l, t], [r, t], "face-top"),
              e([r, t], [r, b], "face-right"),
              e([r, b], [l, b], "face-bottom"),
              e([l, b], [l, t], "face-left"),
              e([near, t], st, "side-top"),
              e([near, b], sb, "side-bottom"),
              e(st, sb, "side-vertical"),
            ],
          },
        ],
      },
      ...(flawed ? { rejection: "The side face is drawn on the wrong side of the object." } : {}),
    };
  };
}

const SCENE_IDS: Record<string, string> = { indoor: "1", outdoor: "2", space: "3", food: "4", people: "5" };
function scene(right: string[], flaw: { categories: string[]; rejection: string }): Answer {
  return (_rng, flawed) => {
    const category = flawed ? flaw.categories : right;
    return { response: { category, category_id: category.map((c) => SCENE_IDS[c]) }, ...(flawed ? { rejection: flaw.rejection } : {}) };
  };
}

const REASONS = [
  "The first: the stitching and the lettering on the patches are crisp, the second is grainy around the tripod.",
  "First one. Fine detail in the suit and the hair; the second photo is soft and noisy in the grass.",
  "The astronaut portrait is sharper, the camera shot looks slightly out of focus on the man's coat.",
];

/** Hand answers per `type:image` (`type:text` for tasks without a photo). */
const ANSWERS: Record<string, Answer> = {
  "annotation:astronaut.png": boxes(512, 512, [
    { left: 22, top: 14, width: 345, height: 498, label: "person", attributes: { occluded: "partly" } },
    { left: 278, top: 343, width: 234, height: 169, label: "object", attributes: { occluded: "no" } },
    { left: 355, top: 0, width: 115, height: 285, label: "object", attributes: { occluded: "no" } },
  ], { drop: 2, rejection: "Missed the shuttle model on the right." }),
  "annotation:coffee.png": boxes(600, 400, [
    { left: 172, top: 18, width: 238, height: 290, label: "object", attributes: { occluded: "no" } },
    { left: 325, top: 66, width: 100, height: 262, label: "object", attributes: { occluded: "partly" } },
    { left: 76, top: 70, width: 404, height: 320, label: "object", attributes: { occluded: "partly" } },
  ], { drop: 1, rejection: "The spoon is not boxed." }),
  "annotation:chelsea.png": boxes(451, 300, [{ left: 0, top: 0, width: 405, height: 300, label: "animal", attributes: { occluded: "partly" } }], {
    loosen: 12,
    rejection: "The box is loose on the right by more than 5 px.",
  }),
  "annotation:horse.png": boxes(400, 328, [{ left: 16, top: 8, width: 374, height: 306, label: "animal", attributes: { occluded: "no" } }], {
    loosen: 10,
    rejection: "The box is loose around the horse by more than 5 px.",
  }),
  "annotation:camera.png": boxes(512, 512, [
    { left: 0, top: 65, width: 335, height: 447, label: "person", attributes: { occluded: "partly" } },
    { left: 250, top: 138, width: 78, height: 52, label: "object", attributes: { occluded: "no" } },
    { left: 228, top: 185, width: 180, height: 322, label: "object", attributes: { occluded: "partly" } },
  ], { drop: 2, rejection: "The stand under the camera is an object too; it is not boxed." }),
  "pointannotation:chelsea.png": face(451, 300, [{ x: 170, y: 112 }, { x: 318, y: 137 }], { x: 263, y: 238 }, [{ x: 62, y: 18 }, { x: 372, y: 22 }]),
  "pointannotation:astronaut.png": face(512, 512, [{ x: 207, y: 119 }, { x: 244, y: 119 }], { x: 226, y: 134 }, [{ x: 183, y: 128 }, { x: 270, y: 128 }]),
  "lineannotation:camera.png": cameraLines,
  "cuboidannotation:camera.png": cuboidAround("camera", { l: 262, t: 140, r: 302, b: 186 }, { right: true, depth: 24, shrink: 6 }),
  "cuboidannotation:coffee.png": cuboidAround("cup", { l: 178, t: 22, r: 392, b: 290 }, { right: true, depth: 18, shrink: 14 }),
  "polygonannotation:horse.png": outline(400, 328, "horse", "standing", HORSE_OUTLINE, "The outline is too coarse: the legs and the tail are cut off."),
  "polygonannotation:chelsea.png": outline(451, 300, "cat", "sitting", CAT_OUTLINE, "Too few vertices around the head."),
  "categorization:rocket.jpg": scene(["outdoor", "space"], { categories: ["outdoor", "people"], rejection: "'people' doesn't apply: nobody is in the photo." }),
  "categorization:hubble_deep_field.jpg": scene(["space"], { categories: ["outdoor"], rejection: "This is a deep-space image: 'space', not 'outdoor'." }),
  "categorization:coffee.png": scene(["indoor", "food"], { categories: ["food"], rejection: "'indoor' is missing: it is a café table." }),
  "categorization:astronaut.png": scene(["indoor", "people", "space"], { categories: ["people"], rejection: "'indoor' and 'space' apply too." }),
  "categorization:text": (_rng, flawed) => ({
    response: { category: flawed ? "neutral" : "positive" },
    ...(flawed ? { rejection: "\"Excellent\" and \"lovely\": the review is positive, not neutral." } : {}),
  }),
  "comparison:text": (rng, flawed) => ({
    response: flawed ? { choice: "first", fields: { reason: "First." } } : { choice: "first", fields: { reason: rng.pick(REASONS) } },
    ...(flawed ? { rejection: "The reason doesn't say what makes the first photo sharper." } : {}),
  }),
  "transcription:rocket.jpg": (_rng, flawed) => ({
    response: {
      fields: { title: flawed ? "" : "Rocket on the launch pad at dusk" },
      repeatable_fields: [
        { object: "rocket", note: "White booster standing on the pad, ready for launch" },
        { object: "tower", note: "Lightning towers around the pad" },
        { object: "cloud", note: "Low clouds along the horizon" },
      ],
    },
    ...(flawed ? { rejection: "The title is empty." } : {}),
  }),
  "transcription:hubble_deep_field.jpg": (_rng, flawed) => ({
    response: {
      fields: { title: "Hubble Deep Field" },
      repeatable_fields: flawed
        ? [{ object: "star", note: "Bright star with diffraction spikes" }, { object: "star", note: "Bright star with diffraction spikes" }]
        : [{ object: "galaxy", note: "Hundreds of small galaxies of every shape and colour" }, { object: "star", note: "One bright foreground star with diffraction spikes" }],
    },
    ...(flawed ? { rejection: "The same star is listed twice and the galaxies are missing." } : {}),
  }),
  "datacollection:text": (_rng, flawed) => ({
    response: { fields: { hours: flawed ? "Mon–Fri 7:00–18:00" : "Mon–Fri 7:00–18:00, Sat 8:00–14:00, closed on Sunday", phone: "+1 555 0100" } },
    ...(flawed ? { rejection: "The Saturday hours are missing." } : {}),
  }),
  "audiotranscription:text": (_rng, flawed) => ({
    response: flawed
      ? { transcript: "four tones", duration: 2.45 }
      : { transcript: "[tone] [silence] [tone] [silence] [tone] [silence] [tone] (no speech: four short musical tones)", duration: 2.45 },
    ...(flawed ? { rejection: "Verbatim was asked for: mark each tone and the silences between them." } : {}),
  }),
};

/** Rejections for answers that have no hand-made flawed variant (the synthetic ones). */
const REJECTIONS: Partial<Record<TaskType, string[]>> = {
  segmentannotation: ["The legs are left as background.", "The chin and chest are left as background.", "The bottom of the saucer is labelled as table."],
};

export const APPROVALS = ["Looks good.", "", "Clean work, thanks."];

export function demoAnswer(type: TaskType, image: string | null, rng: Rng, flawed: boolean): DemoAnswer | null {
  const answer = ANSWERS[`${type}:${image ?? "text"}`];
  return answer ? answer(rng, flawed) : null;
}

/** Every comment the demo reviewer can write, per type (for the demo's own test). */
export function everyDemoComment(rng: Rng): { type: TaskType; comment: string }[] {
  const out: { type: TaskType; comment: string }[] = [];
  for (const [key, answer] of Object.entries(ANSWERS)) {
    const rejection = answer(rng, true).rejection;
    if (rejection) out.push({ type: key.split(":")[0] as TaskType, comment: rejection });
  }
  for (const [type, list] of Object.entries(REJECTIONS)) for (const comment of list) out.push({ type: type as TaskType, comment });
  return out;
}

export function genericRejection(type: TaskType, rng: Rng): string {
  return rng.pick(REJECTIONS[type] ?? ["The answer doesn't follow the instruction."]);
}
