// A task's attachment as a small picture. An image that fails to load (a 404, a host that is
// down) shows a labelled placeholder instead of the browser's broken-image icon.
import { useState } from "react";
import styles from "./Thumbnail.module.css";

/** `large`: a card-sized picture that has room to say "image unavailable" in words. */
export function Thumbnail({ src, large = false }: { src: string | null; large?: boolean }) {
  const [failedSrc, setFailedSrc] = useState<string | null>(null);
  const size = large ? styles.large : "";
  if (!src) return <span className={`${styles.thumb} ${styles.none} ${size}`} aria-hidden="true" />;
  if (failedSrc === src) {
    return (
      <span
        className={`${styles.thumb} ${styles.unavailable} ${size}`}
        role="img"
        aria-label="Image unavailable"
        title={`Image unavailable: ${src}`}
        data-testid="thumb-unavailable"
      >
        <svg width="14" height="14" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
          <path d="M2 3h12v10H2zM2 3l12 10" fill="none" stroke="currentColor" strokeWidth="1.4" />
        </svg>
        {large ? <span className={styles.text}>image unavailable</span> : null}
      </span>
    );
  }
  return (
    <img
      className={`${styles.thumb} ${size}`}
      src={src}
      alt=""
      loading="lazy"
      decoding="async"
      onError={() => setFailedSrc(src)}
    />
  );
}
