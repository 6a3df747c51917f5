// A preview for every attachment_type of the docs: image, text, video, audio, website, pdf.
import type { AttachmentRef } from "../attachments";
import styles from "./detail.module.css";

export function AttachmentPreview({ attachment }: { attachment: AttachmentRef }) {
  const { type, value } = attachment;
  switch (type) {
    case "text":
      return <blockquote className={styles.textAttachment}>{value}</blockquote>;
    case "image":
      return (
        <a href={value} target="_blank" rel="noopener noreferrer" className={styles.imageLink}>
          <img className={styles.image} src={value} alt="Task attachment" />
        </a>
      );
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
