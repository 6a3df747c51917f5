// A preview for every attachment_type of the docs: image, text, video, audio, website, pdf.
import { useState } from "react";
import type { AttachmentRef } from "../attachments";
import styles from "./detail.module.css";

export function AttachmentPreview({ attachment }: { attachment: AttachmentRef }) {
  const { type, value } = attachment;
  switch (type) {
    case "text":
      return <blockquote className={styles.textAttachment}>{value}</blockquote>;
    case "image":
      return <ImageAttachment url={value} />;
    case "video":
      return <video className={styles.media} src={value} controls preload="metadata" />;
    case "audio":
      return <audio className={styles.audio} src={value} controls preload="metadata" />;
    case "pdf":
      return (
        <object className={styles.frame} data={value} type="application/pdf" aria-label="PDF attachment">
          <OpenLink url={value} text="This browser can't show the PDF inline. Open the PDF" />
        </object>
      );
    case "website":
      return (
        <div>
          {/* No scripts, no forms, no top navigation: the site is shown, not run. Many sites
              refuse to be framed at all, hence the link. */}
          <iframe className={styles.frame} src={value} sandbox="" title="Website attachment" referrerPolicy="no-referrer" loading="lazy" />
          <OpenLink url={value} text="If the site refuses to be embedded, open it in a new tab" />
        </div>
      );
  }
}

/** The image, or (when it can't be loaded: a 404, a host that is down) a placeholder that says so. */
function ImageAttachment({ url }: { url: string }) {
  const [failed, setFailed] = useState(false);
  if (failed) {
    return (
      <div className={styles.imageUnavailable} role="img" aria-label="Image unavailable" data-testid="image-unavailable">
        <strong>Image unavailable</strong>
        <span>The attachment could not be loaded from its URL.</span>
      </div>
    );
  }
  return (
    <a href={url} target="_blank" rel="noopener noreferrer" className={styles.imageLink}>
      <img className={styles.image} src={url} alt="Task attachment" onError={() => setFailed(true)} />
    </a>
  );
}

function OpenLink({ url, text }: { url: string; text: string }) {
  return (
    <p className={styles.openLink}>
      {text}:{" "}
      <a href={url} target="_blank" rel="noopener noreferrer" className="mono">
        {url}
      </a>
    </p>
  );
}

export function AttachmentList({ attachments }: { attachments: readonly AttachmentRef[] }) {
  if (attachments.length === 0) return <p className="faint">This task has no attachment.</p>;
  return (
    <div className={attachments.length > 1 ? styles.attachmentGrid : undefined}>
      {attachments.map((a, i) => (
        <figure key={`${i}-${a.value}`} className={styles.figure}>
          <AttachmentPreview attachment={a} />
          {a.type !== "text" ? (
            <figcaption className={`${styles.caption} mono`} title={a.value}>
              {a.type} · {a.value}
            </figcaption>
          ) : null}
        </figure>
      ))}
    </div>
  );
}
