// How the generated fields are grouped on the page. Any field not named here (a param added to
// a schema later) lands in "Task parameters", so nothing the schema has is ever left out.
import type { FieldSpec } from "./form/walk";

export interface Section {
  id: string;
  title: string;
  fields: FieldSpec[];
}

const PLACE: Record<string, string> = {
  attachment_type: "attachment",
  attachment: "attachment",
  attachments: "attachment",
  instruction: "instruction",
  layers: "layers",
  project: "project",
  project_param_version: "project",
  callback_url: "delivery",
  urgency: "delivery",
  unique_id: "delivery",
  metadata: "delivery",
};

const ORDER: { id: string; title: string }[] = [
  { id: "attachment", title: "Attachment" },
  { id: "params", title: "Task parameters" },
  { id: "instruction", title: "Instruction" },
  { id: "layers", title: "Layers" },
  { id: "project", title: "Project" },
  { id: "delivery", title: "Delivery and tracking" },
];

export function sectionsOf(fields: readonly FieldSpec[]): Section[] {
  return ORDER.map(({ id, title }) => ({ id, title, fields: fields.filter((f) => (PLACE[f.name] ?? "params") === id) })).filter((s) => s.fields.length > 0);
}
