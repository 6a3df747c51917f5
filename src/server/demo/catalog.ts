import type { TaskType } from "../../schema";

// What the demo shows: projects, and task templates of every type on the sample photos, chosen
// so each console screen has something real — nested labels, attributes with conditions,
// layers, cameras for cuboids, instance labels for segmentation.

export interface DemoProject {
  name: string;
  type: TaskType;
  instruction: string;
}

export interface DemoTemplate {
  type: TaskType;
  project?: string;
  instruction: string;
  /** Sample image file names this template is used with, in turn (`attachment` is replaced). */
  images: readonly string[];
  params(image: (name: string) => string): Record<string, unknown>;
}

export const DEMO_PROJECTS: DemoProject[] = [
  { name: "street-objects", type: "annotation", instruction: "Boxes must be tight: no more than 2 px of background on any side." },
  { name: "animal-outlines", type: "polygonannotation", instruction: "Trace the outline, not the shadow." },
  { name: "scene-tags", type: "categorization", instruction: "Pick every category that clearly applies." },
  { name: "segmentation-pilot", type: "segmentannotation", instruction: "Label every pixel; people are instances." },
];

const vehicleTree = [{ choice: "vehicle", subchoices: ["car", "truck", { choice: "two-wheeler", subchoices: ["bicycle", "motorbike"] }] }, "person", "animal", "object"];

export const DEMO_TEMPLATES: DemoTemplate[] = [
  {
    type: "annotation",
    project: "street-objects",
    instruction: "Draw a box around each **object** you can name.",
    images: ["astronaut.png", "coffee.png", "camera.png", "chelsea.png", "horse.png"],
    params: (image) => ({
      attachment: image("astronaut.png"),
      objects_to_annotate: vehicleTree,
      with_labels: true,
      min_width: 8,
      min_height: 8,
      annotation_attributes: {
        occluded: { type: "category", description: "Is the object partly hidden?", choices: ["no", "partly", "mostly"] },
        heading: { type: "angle", description: "Which way does the vehicle face?", conditions: { label_condition: { label: ["car", "truck", "bicycle", "motorbike"] } } },
        visible_wheels: {
          type: "number",
          description: "How many wheels can you see?",
          min: 0,
          max: 18,
          conditions: { label_condition: { label: ["car", "truck"] }, attribute_conditions: { occluded: ["no", "partly"] } },
        },
      },
      layers: { boxes: [{ left: 20, top: 20, width: 120, height: 90, label: "object" }] },
    }),
  },
  {
    type: "pointannotation",
    instruction: "Put a point on each **eye**, the **nose** and each **ear**.",
    images: ["chelsea.png", "astronaut.png"],
    params: (image) => ({ attachment: image("chelsea.png"), objects_to_annotate: ["eye", "nose", "ear"], with_labels: true }),
  },
  {
    type: "lineannotation",
    instruction: "Trace the **horizon** and each **tripod leg**.",
    images: ["camera.png"],
    params: (image) => ({
      attachment: image("camera.png"),
      objects_to_annotate: ["horizon", "tripod leg"],
      with_labels: true,
      splines: true,
      min_vertices: 2,
      max_vertices: 8,
      // A first pass at the horizon, for reference.
      layers: { lines: [{ vertices: [{ x: 0, y: 244 }, { x: 512, y: 238 }], label: "horizon", spline: false }] },
    }),
  },
  {
    type: "polygonannotation",
    project: "animal-outlines",
    instruction: "Draw a tight polygon around every **animal**.",
    images: ["horse.png", "chelsea.png"],
    params: (image) => ({
      attachment: image("horse.png"),
      objects_to_annotate: [{ choice: "animal", subchoices: ["horse", "cat", "dog"] }, "person"],
      with_labels: true,
      min_vertices: 3,
      max_vertices: 60,
      annotation_attributes: { pose: { type: "category", description: "Pose", choices: ["standing", "sitting", "lying"], conditions: { label_condition: { label: ["horse", "cat", "dog"] } } } },
      layers: { polygons: [{ vertices: [{ x: 30, y: 30 }, { x: 90, y: 30 }, { x: 60, y: 80 }], label: "reference" }] },
    }),
  },
  {
    type: "cuboidannotation",
    instruction: "Draw a cuboid around each **box-shaped object**.",
    images: ["camera.png", "coffee.png"],
    params: (image) => ({
      attachment: image("camera.png"),
      objects_to_annotate: ["camera", "box", "cup"],
      with_labels: true,
      min_width: 20,
      min_height: 20,
      max_annotations: 3,
      camera_intrinsics: { fx: 500, fy: 500, cx: 256, cy: 256 },
      camera_rotation_quaternion: { w: 1, x: 0, y: 0, z: 0 },
      layers: { cuboids: [{ label: "hint", vertices: [{ x: 40, y: 40, description: "face-topleft" }, { x: 40, y: 120, description: "face-bottomleft" }, { x: 140, y: 40, description: "face-topright" }, { x: 140, y: 120, description: "face-bottomright" }] }] },
    }),
  },
  {
    type: "segmentannotation",
    project: "segmentation-pilot",
    instruction: "Label the **animal**, the **table** and the **tableware**; everything else is **background**. Every **person** is an instance of their own.",
    images: ["chelsea.png", "coffee.png", "horse.png"],
    params: (image) => ({ attachment: image("chelsea.png"), labels: ["background", "animal", "table", "tableware"], instance_labels: ["person"], allow_unlabeled: false }),
  },
  {
    type: "categorization",
    project: "scene-tags",
    instruction: "Which categories describe this photo?",
    images: ["rocket.jpg", "hubble_deep_field.jpg", "coffee.png", "astronaut.png"],
    params: (image) => ({
      attachment_type: "image",
      attachment: image("rocket.jpg"),
      categories: ["indoor", "outdoor", "space", "food", "people"],
      category_ids: { "1": "indoor", "2": "outdoor", "3": "space", "4": "food", "5": "people" },
      allow_multiple: true,
      // Layers work on image categorization too: the box says which part of the photo to judge.
      layers: { boxes: [{ left: 150, top: 80, width: 200, height: 220, label: "subject" }] },
    }),
  },
  {
    type: "categorization",
    instruction: "Is this review **positive** or **negative**?",
    images: [],
    params: () => ({ attachment_type: "text", attachment: "The coffee was excellent and the staff were lovely.", categories: ["positive", "negative", "neutral"] }),
  },
  {
    type: "comparison",
    instruction: "Which photo is **sharper**? Explain briefly.",
    images: ["astronaut.png", "camera.png"],
    params: (image) => ({
      attachment_type: "image",
      attachments: [image("astronaut.png"), image("camera.png")],
      choices: ["first", "second", "same"],
      fields: { reason: "Why do you think so?" },
    }),
  },
  {
    type: "transcription",
    instruction: "Transcribe the **mission details** visible in the picture.",
    images: ["rocket.jpg", "hubble_deep_field.jpg"],
    params: (image) => ({
      attachment_type: "image",
      attachment: image("rocket.jpg"),
      fields: { title: "A short title for the picture" },
      repeatable_fields: { object: { description: "Each visible object", choices: ["rocket", "tower", "cloud", "star", "galaxy"] }, note: "Anything else worth noting" },
    }),
  },
  {
    type: "datacollection",
    instruction: "Find the **opening hours** on the website.",
    images: [],
    params: (file) => ({ attachment_type: "website", attachment: file("bakery.html"), fields: { hours: "Opening hours", phone: "Phone number" } }),
  },
  {
    type: "audiotranscription",
    instruction: "Transcribe the recording verbatim; write [tone] for a tone and [silence] for a pause.",
    images: [],
    params: (file) => ({ attachment: file("tones.wav"), verbatim: true, phrases: ["[tone]", "[silence]"] }),
  },
];
