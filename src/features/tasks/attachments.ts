// Where a task's attachment is, whatever its type: most types carry `attachment` +
// `attachment_type`, comparison carries `attachments`, and image-only types default to image.
import { AttachmentType, type Task } from "../../schema";

export interface AttachmentRef {
  type: AttachmentType;
  /** A URL, or the text itself for attachment_type "text". */
  value: string;
}

export function attachmentsOf(task: Task): AttachmentRef[] {
  const params = task.params;
  const parsedType = AttachmentType.safeParse(params.attachment_type);
  const type: AttachmentType = parsedType.success ? parsedType.data : "image";
  const out: AttachmentRef[] = [];
  if (typeof params.attachment === "string") out.push({ type, value: params.attachment });
  if (Array.isArray(params.attachments)) {
    for (const value of params.attachments) if (typeof value === "string") out.push({ type, value });
  }
  return out;
}

/** The first image attachment's URL, for thumbnails. */
export function thumbnailOf(task: Task): string | null {
  const image = attachmentsOf(task).find((a) => a.type === "image");
  return image && /^https?:\/\/|^\//.test(image.value) ? image.value : null;
}
