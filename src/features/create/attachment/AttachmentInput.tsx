// One attachment: a URL (or the text itself for attachment_type text), or an image uploaded by
// drag and drop or the file picker through POST /v1/files; previewed as the detail page shows it.
import { useRef, useState, type DragEvent } from "react";
import { isHttpUrl, UPLOAD_CONTENT_TYPES, type AttachmentType } from "../../../schema";
import { describeError, uploadFile } from "../../../client";
import { AttachmentPreview } from "../../tasks";
import { useImageSize } from "./useImageSize";
import css from "../create.module.css";

type UploadType = (typeof UPLOAD_CONTENT_TYPES)[number];
const isUploadType = (t: string): t is UploadType => (UPLOAD_CONTENT_TYPES as readonly string[]).includes(t);

export interface AttachmentInputProps {
  id: string;
  /** The accessible name: contains the wire name (`attachment`, `attachments[1]`). */
  label: string;
  describedBy?: string;
  type: AttachmentType;
  value: string;
  onChange(value: string | undefined): void;
}

export function AttachmentInput({ id, label, describedBy, type, value, onChange }: AttachmentInputProps) {
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [over, setOver] = useState(false);
  const picker = useRef<HTMLInputElement>(null);

  const upload = async (file: File) => {
    setProblem(null);
    if (!isUploadType(file.type)) {
      setProblem(`${file.name}: only images can be uploaded here (PNG, JPEG, GIF, WebP); give a URL for other files.`);
      return;
    }
    setBusy(true);
    try {
      const uploaded = await uploadFile(new Uint8Array(await file.arrayBuffer()), file.type);
      onChange(uploaded.url);
    } catch (e) {
      setProblem(`Upload of ${file.name} failed: ${describeError(e)}`);
    } finally {
      setBusy(false);
    }
  };
  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setOver(false);
    const file = e.dataTransfer.files[0];
    if (file) void upload(file);
  };

  if (type === "text") {
    return (
      <div className={css.attachment}>
        <textarea id={id} aria-label={label} aria-describedby={describedBy} className="textarea" rows={4} value={value} placeholder="The text to work on" onChange={(e) => onChange(e.target.value || undefined)} />
      </div>
    );
  }
  const url = isHttpUrl(value) ? value : null;
  return (
    <div className={css.attachment}>
      <div
        className={`${css.drop} ${over ? css.dropOver : ""}`}
        onDragOver={(e) => {
          e.preventDefault();
          setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={onDrop}
        data-testid="attachment-drop"
      >
        <input id={id} aria-label={label} aria-describedby={describedBy} className="input" type="url" placeholder="https://… (or drop an image here)" value={value} onChange={(e) => onChange(e.target.value || undefined)} />
        <button type="button" className="btn btn-sm" onClick={() => picker.current?.click()} disabled={busy}>
          {busy ? "Uploading…" : "Upload…"}
        </button>
        <input
          ref={picker}
          type="file"
          accept={UPLOAD_CONTENT_TYPES.join(",")}
          className="visually-hidden"
          tabIndex={-1}
          aria-label={`Upload a file as ${label}`}
          onChange={(e) => {
            const file = e.target.files?.[0];
            e.target.value = "";
            if (file) void upload(file);
          }}
        />
      </div>
      {problem && (
        <p role="alert" className={css.error}>
          {problem}
        </p>
      )}
      {url && (
        <div className={css.attachmentPreview}>
          <AttachmentPreview attachment={{ type, value: url }} />
          {type === "image" && <ImageSizeNote url={url} />}
        </div>
      )}
    </div>
  );
}

function ImageSizeNote({ url }: { url: string }) {
  const size = useImageSize(url);
  if (!size) return null;
  if (size.state === "loading") return <p className="faint">Reading the image size…</p>;
  if (size.state === "error") return <p className={css.warning}>The image could not be loaded from this URL; the server will put the task in error if it can't fetch it either.</p>;
  return (
    <p className="faint" data-testid="image-size">
      {size.width} × {size.height} px
    </p>
  );
}
