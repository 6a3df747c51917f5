import type { TaskType } from "./registry";

// Titles and help text for every create field, from the v1 docs' parameter tables. The schemas
// check values; this table says what each field is for, so the create form (and anything else
// that explains a field) can show the docs' words beside the wire name. Kept apart from the
// validators so that adding a sentence here never changes what the server accepts.

export interface FieldHelp {
  title: string;
  help: string;
}

const COMMON: Record<string, FieldHelp> = {
  callback_url: {
    title: "Callback URL",
    help: "The full URL (including http:// or https://) POSTed with the response when the task is completed, or an e-mail address. Defaults to the account's default callback URL.",
  },
  instruction: {
    title: "Instruction",
    help: "A markdown-enabled string explaining how to do the task. Use markdown to show example images and give structure; a Google Docs embed iframe is allowed.",
  },
  urgency: { title: "Urgency", help: "How urgently the response is needed: express or standard." },
  metadata: {
    title: "Metadata",
    help: "A set of key/value pairs attached to the task, useful for storing your own structured information about it. Returned with the task and its callback.",
  },
  project: { title: "Project", help: "The name of the project to associate this task with; the project's instruction is appended to the task's." },
  project_param_version: {
    title: "Project param version",
    help: "Which version of the project's params the task inherits (the latest by default); -1 inherits nothing.",
  },
  unique_id: { title: "Unique id", help: "Your own identifier for the task: a second create with the same unique_id is refused, so retries never create duplicates." },
  attachment: { title: "Attachment", help: "A URL to the file to be worked on (plain text itself when attachment_type is text)." },
  attachment_type: { title: "Attachment type", help: "Describes what type of file the attachment is." },
  objects_to_annotate: {
    title: "Objects to annotate",
    help: "The kinds of objects to annotate. Each should be singular and self-descriptive (\"cat\", \"street sign\"); nested labels {choice, subchoices} let the worker pick a leaf.",
  },
  with_labels: { title: "With labels", help: "Whether each annotation in the response carries a label from objects_to_annotate." },
  min_width: { title: "Minimum width", help: "The minimum width in pixels of the shapes to be drawn." },
  min_height: { title: "Minimum height", help: "The minimum height in pixels of the shapes to be drawn." },
  annotation_attributes: {
    title: "Annotation attributes",
    help: "Extra questions asked for each annotation (category, number or angle), optionally shown only for some labels or answers of other attributes.",
  },
  layers: {
    title: "Layers",
    help: "Existing read-only boxes, lines, polygons and cuboids pre-drawn on the image, e.g. to show which object to work on.",
  },
  splines: { title: "Splines", help: "Draw lines as cardinal splines instead of segmented lines." },
  min_vertices: { title: "Minimum vertices", help: "The minimum number of vertices in a valid shape (inclusive)." },
  max_vertices: { title: "Maximum vertices", help: "The maximum number of vertices in a valid shape (inclusive); empty for no limit. Must be at least min_vertices." },
  camera_intrinsics: {
    title: "Camera intrinsics",
    help: "{fx, fy, cx, cy, scalefactor, skew}: with the rotation quaternion, gives perspective-corrected cuboids and 3D points. scalefactor corrects for a resized image (default 1); skew defaults to 0.",
  },
  camera_rotation_quaternion: {
    title: "Camera rotation quaternion",
    help: "{w, x, y, z}: the camera's rotation relative to the world. Used together with camera_intrinsics.",
  },
  min_annotations: { title: "Minimum annotations", help: "The minimum number of cuboids returned; use only when the image surely holds that many." },
  max_annotations: { title: "Maximum annotations", help: "The maximum number of cuboids that can be drawn; 0 means no limit." },
  labels: { title: "Labels", help: "The labels every pixel is classified with (at most 50)." },
  instance_labels: {
    title: "Instance labels",
    help: "Labels segmented per instance: each object of these gets its own mask (e.g. each car separately). At most 10.",
  },
  allow_unlabeled: { title: "Allow unlabeled", help: "Whether pixels may stay unlabeled; when false every pixel must be classified." },
  categories: { title: "Categories", help: "The categories the attachment is sorted between." },
  category_ids: { title: "Category ids", help: "Optional ids for categories: keys are your ids, values are category names from categories." },
  allow_multiple: { title: "Allow multiple", help: "Whether more than one category may be chosen." },
  attachments: { title: "Attachments", help: "The attachments to compare: URLs, or plain text when attachment_type is text." },
  fields: { title: "Fields", help: "Keys you want the answers returned under, and the description shown to the worker for each." },
  choices: { title: "Choices", help: "Choices offered to the worker. One of choices or fields must be given." },
  repeatable_fields: {
    title: "Repeatable fields",
    help: "Fields of items that repeat in the attachment (e.g. rows of an invoice): a description, or {description, choices}.",
  },
  verbatim: { title: "Verbatim", help: "Transcribe verbatim (fillers, false starts) rather than clean." },
  phrases: { title: "Phrases", help: "Words or names the transcriber should expect, so they are spelled right." },
  examples: { title: "Examples", help: "Example images with whether they are correct and why, shown to the worker." },
};

/** Where a type's docs say something different about the same field. */
const BY_TYPE: Partial<Record<TaskType, Record<string, Partial<FieldHelp>>>> = {
  transcription: {
    fields: { help: "Keys for the fields to be transcribed, with the description shown to the worker. Optional when repeatable_fields is given." },
  },
  datacollection: { fields: { help: "Keys for the data to collect from the website, with the description shown to the worker." } },
  lineannotation: { objects_to_annotate: { help: "The kinds of lines to draw (\"lane line\", \"crop line\"). At most 3." } },
  cuboidannotation: { min_width: { help: "The minimum width in pixels of the cuboids to be drawn." }, min_height: { help: "The minimum height in pixels of the cuboids to be drawn." } },
  categorization: { layers: { help: "Read-only shapes pre-drawn on the image (only when attachment_type is image), e.g. a box showing which object to categorize." } },
};

/** The docs' title and help for a field of a type's create request, or a title made from its name. */
export function fieldHelp(type: TaskType, name: string): FieldHelp {
  const base = COMMON[name] ?? { title: humanize(name), help: "" };
  return { ...base, ...(BY_TYPE[type]?.[name] ?? {}) };
}

function humanize(name: string): string {
  const words = name.replace(/_/g, " ");
  return words.charAt(0).toUpperCase() + words.slice(1);
}
