// Instructions are markdown. Raw HTML is parsed (rehype-raw) only so that it can be sanitized:
// everything unsafe is dropped, and the one HTML element we keep is the Google Docs <iframe>
// embed the API docs recommend ("File → Publish to web → Embed").
import ReactMarkdown, { type Components } from "react-markdown";
import rehypeRaw from "rehype-raw";
import rehypeSanitize, { defaultSchema } from "rehype-sanitize";
import remarkGfm from "remark-gfm";
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

export function Instruction({ markdown }: { markdown: string }) {
  if (!markdown.trim()) return <p className="faint">No instruction.</p>;
  return (
    <div className={styles.markdown} data-testid="instruction">
      <ReactMarkdown
        remarkPlugins={[remarkGfm]}
        rehypePlugins={[rehypeRaw, [rehypeSanitize, sanitizeSchema]]}
        components={components}
      >
        {markdown}
      </ReactMarkdown>
    </div>
  );
}
