import type { z } from "zod";
import type { TaskType, taskTypeRegistry } from "../../schema";

// A valid create body per task type, typed by the schemas' input types so a schema change that
// breaks them fails the type-check, not just the tests.

type ParamsInput<T extends TaskType> = z.input<(typeof taskTypeRegistry)[T]["params"]>;
type Body<T extends TaskType> = ParamsInput<T> & { callback_url?: string; instruction?: string; [k: string]: unknown };

// Loopback only: tests never reach the network (port 9 refuses at once).
const image = "http://127.0.0.1:9/sample.jpg";
export const CALLBACK = "http://127.0.0.1:9/callback";

export const validBodies: { [T in TaskType]: Body<T> } = {
  annotation: {
    callback_url: CALLBACK,
    instruction: "Draw a box around each **car** and **pedestrian**.",
    attachment_type: "image",
    attachment: image,
    objects_to_annotate: ["car", "pedestrian"],
    with_labels: true,
    min_width: 30,
    min_height: 30,
  },
  pointannotation: {
    callback_url: CALLBACK,
    attachment: image,
    objects_to_annotate: ["headlight", "brakelight"],
    with_labels: true,
  },
  lineannotation: {
    callback_url: CALLBACK,
    attachment: image,
    objects_to_annotate: ["solid line", "dashed line"],
    splines: true,
    min_vertices: 2,
    max_vertices: 5,
  },
  cuboidannotation: {
    callback_url: CALLBACK,
    attachment: image,
    objects_to_annotate: ["car", "truck"],
    camera_intrinsics: { fx: 1300, fy: 1300, cx: 600, cy: 300, scalefactor: 2.75 },
    camera_rotation_quaternion: { w: 0.5, x: 0.5, y: 0.5, z: 0.5 },
  },
  polygonannotation: {
    callback_url: CALLBACK,
    attachment: image,
    objects_to_annotate: ["car", "truck"],
    with_labels: true,
    layers: { boxes: [{ left: 300, top: 229, width: 147, height: 97, label: "car" }] },
  },
  segmentannotation: {
    callback_url: CALLBACK,
    attachment: image,
    labels: ["background", "road", "vegetation", "lane marking"],
    instance_labels: ["vehicle", "pedestrian"],
    allow_unlabeled: false,
  },
  categorization: {
    callback_url: CALLBACK,
    instruction: "Is this company public or private?",
    attachment_type: "website",
    attachment: "http://127.0.0.1:9/company.html",
    categories: ["public", "private"],
    category_ids: { "123": "public", "124": "private" },
  },
  comparison: {
    callback_url: CALLBACK,
    instruction: "Do the objects in these images have the same pattern?",
    attachment_type: "image",
    attachments: ["http://127.0.0.1:9/a.jpg", "http://127.0.0.1:9/b.jpg"],
    choices: ["yes", "no"],
  },
  transcription: {
    callback_url: CALLBACK,
    instruction: "Transcribe the given fields.",
    attachment_type: "website",
    attachment: "http://127.0.0.1:9/news.html",
    fields: { title: "Title of Webpage", top_result: "Title of the top result" },
  },
  audiotranscription: {
    callback_url: CALLBACK,
    attachment_type: "audio",
    attachment: "http://127.0.0.1:9/call.mp3",
    verbatim: true,
    phrases: ["Scale", "annotation"],
  },
  datacollection: {
    callback_url: CALLBACK,
    attachment_type: "website",
    attachment: "http://127.0.0.1:9/about.html",
    fields: { ceo: "Name of the CEO", founded: "Year founded" },
  },
};

/** Bodies each type must refuse, with a fragment of the message that names the field and rule. */
export const invalidBodies: { [T in TaskType]: [Record<string, unknown>, string][] } = {
  annotation: [
    [{ ...validBodies.annotation, objects_to_annotate: ["a", "b", "c", "d", "e", "f", "g"] }, "objects_to_annotate: you may include at most 6"],
    [{ ...validBodies.annotation, attachment: "ftp://example.com/x.jpg" }, "attachment: must be an http or https URL"],
    [{ ...validBodies.annotation, min_width: -3 }, "min_width: must be at least 0"],
    [{ ...validBodies.annotation, attachment_type: "video" }, "attachment_type"],
    [{ ...validBodies.annotation, urgency: "asap" }, "urgency: must be one of express, standard"],
  ],
  pointannotation: [
    [{ ...validBodies.pointannotation, objects_to_annotate: [] }, "objects_to_annotate: must list at least one"],
    [{ ...validBodies.pointannotation, with_labels: "maybe" }, "with_labels: must be true or false"],
  ],
  lineannotation: [
    [{ ...validBodies.lineannotation, objects_to_annotate: ["a", "b", "c", "d"] }, "at most 3"],
    [{ ...validBodies.lineannotation, min_vertices: 4, max_vertices: 2 }, "max_vertices: must be at least min_vertices"],
  ],
  cuboidannotation: [
    [{ ...validBodies.cuboidannotation, camera_rotation_quaternion: undefined }, "camera_rotation_quaternion"],
    [{ ...validBodies.cuboidannotation, min_annotations: 3, max_annotations: 2 }, "max_annotations"],
  ],
  polygonannotation: [
    [{ ...validBodies.polygonannotation, layers: { boxes: [{ left: "x", top: 1, width: 1, height: 1 }] } }, "layers.boxes[0].left"],
    [{ ...validBodies.polygonannotation, layers: { circles: [] } }, "layers"],
  ],
  segmentannotation: [
    [{ ...validBodies.segmentannotation, labels: Array.from({ length: 51 }, (_, i) => `l${i}`) }, "at most 50 labels"],
    [{ ...validBodies.segmentannotation, instance_labels: Array.from({ length: 11 }, (_, i) => `i${i}`) }, "at most 10 instance labels"],
    [{ ...validBodies.segmentannotation, labels: undefined }, "labels: is required"],
  ],
  categorization: [
    [{ ...validBodies.categorization, attachment_type: "hologram" }, "attachment_type: must be one of"],
    [{ ...validBodies.categorization, category_ids: { "1": "nonprofit" } }, 'category_ids.1: "nonprofit" is not one of categories'],
    [{ ...validBodies.categorization, instruction: undefined }, "instruction: is required"],
  ],
  comparison: [
    [{ ...validBodies.comparison, choices: undefined }, "at least one of choices or fields"],
    [{ ...validBodies.comparison, attachments: ["not a url"] }, "attachments[0]"],
  ],
  transcription: [
    [{ ...validBodies.transcription, fields: undefined }, "at least one of fields or repeatable_fields"],
    [{ ...validBodies.transcription, attachment_type: "audio" }, "attachment_type"],
  ],
  audiotranscription: [[{ ...validBodies.audiotranscription, attachment: undefined }, "attachment: is required"]],
  datacollection: [[{ ...validBodies.datacollection, fields: {} }, "fields: must list at least one field"]],
};
