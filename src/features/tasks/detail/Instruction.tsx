// Instructions are markdown. Raw HTML is parsed (rehype-raw) only so that it can be sanitized:
// everything unsafe is dropped, and the one HTML element we keep is the Google Docs <iframe>
// embed the API docs recommend ("File → Publish to web → Embed").
import { useId, useLayoutEffect, useRef, useState } from "react";
import ReactMarkdown, { type Components } from "react-markdown";
import rehypeRaw from "rehype-raw";
import rehypeSanitize, { defaultSchema } from "rehype-sanitize";
import remarkGfm from "remark-gfm";
import { formatNumber } from "../ui/format";
import styles from "./Instruction.module.css";

const sanitizeSchema = {
  ...defaultSchema,
  tagNames: [...(defaultSchema.tagNames ?? []), "iframe"],
  attributes: {
    ...defaultSchema.attributes,
    iframe: ["src", "width", "height", "title"],
  },
  protocols: { ...defaultSchema.protocols, src: ["https"] },
};

export function isGoogleDocsEmbed(src: unknown): src is string {
  if (typeof src !== "string") return false;
  try {
    const url = new URL(src);
    return url.protocol === "https:" && url.hostname === "docs.google.com";
  } catch {
    return false;
  }
}

const components: Components = {
  // Sanitizing allowed any https iframe; only docs.google.com survives rendering.
  iframe: ({ src, title }) =>
    isGoogleDocsEmbed(src) ? (
      <iframe
        className={styles.embed}
        src={src}
        title={title ?? "Instructions (Google Docs)"}
        sandbox="allow-scripts allow-same-origin allow-popups"
        referrerPolicy="no-referrer"
        loading="lazy"
      />
    ) : null,
  a: ({ href, children }) => (
    <a href={href} target="_blank" rel="noopener noreferrer">
      {children}
    </a>
  ),
};

/** Characters rendered while collapsed: enough to fill the collapsed box, cheap to parse. */
const PREVIEW_CHARS = 4000;
/** Beyond this, the expanded view is plain text: formatting megabytes of markdown freezes the tab. */
const MAX_FORMATTED_CHARS = 250_000;

/** The start of `markdown`, cut at a line break so the preview doesn't end mid-word. */
export function previewOf(markdown: string, limit = PREVIEW_CHARS): string {
  if (markdown.length <= limit) return markdown;
  const cut = markdown.lastIndexOf("\n", limit);
  return markdown.slice(0, cut > limit / 2 ? cut : limit);
}

function Markdown({ markdown }: { markdown: string }) {
  return (
    <ReactMarkdown remarkPlugins={[remarkGfm]} rehypePlugins={[rehypeRaw, [rehypeSanitize, sanitizeSchema]]} components={components}>
      {markdown}
    </ReactMarkdown>
  );
}

/**
 * An instruction, rendered from markdown. Long ones start collapsed (a short box that fades
 * out, with "Show all"); expanded, they scroll inside a box of at most most of the screen's
 * height, so no instruction makes a page thousands of screens tall.
 */
export function Instruction({ markdown }: { markdown: string }) {
  const [expanded, setExpanded] = useState(false);
  const [overflows, setOverflows] = useState(false);
  const box = useRef<HTMLDivElement>(null);
  const bodyId = useId();
  const preview = previewOf(markdown);
  const truncated = preview.length < markdown.length;

  // Collapsed: does the content (images included, once loaded) go past the box?
  useLayoutEffect(() => {
    const el = box.current;
    if (!el || expanded) return;
    const measure = () => setOverflows(el.scrollHeight > el.clientHeight + 1);
    measure();
    const observer = new ResizeObserver(measure);
    for (const child of el.children) observer.observe(child);
    observer.observe(el);
    return () => observer.disconnect();
  }, [expanded, preview]);

  if (!markdown.trim()) return <p className="faint">No instruction.</p>;
  const long = truncated || overflows;
  const plain = expanded && markdown.length > MAX_FORMATTED_CHARS;
  return (
    <div className={styles.wrap}>
      <div
        ref={box}
        id={bodyId}
        className={`${styles.markdown} ${expanded ? styles.expanded : styles.collapsed} ${!expanded && long ? styles.faded : ""}`}
        data-testid="instruction"
        // The expanded box scrolls on its own; keyboard users must be able to scroll it too.
        tabIndex={expanded ? 0 : undefined}
        aria-label={expanded ? "Instruction" : undefined}
        role={expanded ? "region" : undefined}
      >
        {plain ? <pre className={styles.plain}>{markdown}</pre> : <Markdown markdown={expanded ? markdown : preview} />}
      </div>
      {long || expanded ? (
        <button
          type="button"
          className={`btn btn-sm ${styles.toggle}`}
          aria-expanded={expanded}
          aria-controls={bodyId}
          onClick={() => setExpanded((e) => !e)}
        >
          {expanded ? "Show less" : `Show all (${formatNumber(markdown.length)} characters)`}
        </button>
      ) : null}
      {plain ? <p className={styles.note}>Shown as plain text: it is too long to format.</p> : null}
    </div>
  );
}
