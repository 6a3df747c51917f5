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

/** Attachment URLs the server could not download (the docs' error response), if any. */
function failedAttachments(task: Task): Set<string> {
  const failed = new Set<string>();
  const listed = task.status === "error" ? task.response?.attachments : undefined;
  if (Array.isArray(listed)) {
    for (const a of listed) if (a && typeof a === "object" && "url" in a && typeof a.url === "string") failed.add(a.url);
  }
  return failed;
}

/** The first image attachment's URL, for thumbnails; none when the server could not fetch it. */
export function thumbnailOf(task: Task): string | null {
  const failed = failedAttachments(task);
  const image = attachmentsOf(task).find((a) => a.type === "image" && !failed.has(a.value));
  return image && /^https?:\/\/|^\//.test(image.value) ? image.value : null;
}
