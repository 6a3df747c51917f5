import { useEffect, useId, useRef, useState, type KeyboardEvent } from "react";
import { useApiKey } from "../../../client";
import type { TaskType } from "../../../schema";
import { copyText, type CopyOutcome } from "./copy";
import { CODE_LANGUAGES, KEY_PLACEHOLDER, SHELL_KEY_VARIABLE, type CodeLanguage } from "./generate";
import styles from "./code.module.css";

export interface CodeTabsProps {
  taskType: TaskType;
  /** The JSON body the Create button sends. */
  body: Record<string, unknown>;
  /** The API base including `/v1` (this console's `${origin}/v1`, or the real Scale API). */
  baseUrl: string;
}

const LANGUAGE_STORAGE = "scale-console.code-language";

function initialLanguage(): CodeLanguage["id"] {
  try {
    const saved = window.localStorage.getItem(LANGUAGE_STORAGE);
    if (CODE_LANGUAGES.some((l) => l.id === saved)) return saved as CodeLanguage["id"];
  } catch {
    // Storage unavailable: start with the first tab.
  }
  return "curl";
}

/** The create request as cURL, Python, JavaScript and Ruby, like the docs' tabs, each copyable. */
export function CodeTabs({ taskType, body, baseUrl }: CodeTabsProps) {
  const base = useId();
  const { key } = useApiKey();
  const [language, setLanguage] = useState<CodeLanguage["id"]>(initialLanguage);
  const [includeKey, setIncludeKey] = useState(false);
  const [copied, setCopied] = useState<CopyOutcome | "idle">("idle");
  const tabs = useRef(new Map<string, HTMLButtonElement>());
  const pre = useRef<HTMLPreElement>(null);

  const current = CODE_LANGUAGES.find((l) => l.id === language) ?? CODE_LANGUAGES[0];
  const apiKey = includeKey && key ? key : null;
  const code = current.generate({ taskType, body, baseUrl, apiKey });

  useEffect(() => {
    if (copied === "idle") return;
    const timer = window.setTimeout(() => setCopied("idle"), copied === "copied" ? 2000 : 6000);
    return () => window.clearTimeout(timer);
  }, [copied]);

  function choose(id: CodeLanguage["id"], focus = false) {
    setLanguage(id);
    setCopied("idle");
    try {
      window.localStorage.setItem(LANGUAGE_STORAGE, id);
    } catch {
      // Not remembered; nothing else depends on it.
    }
    if (focus) tabs.current.get(id)?.focus();
  }

  function onTabKey(e: KeyboardEvent<HTMLButtonElement>) {
    const at = CODE_LANGUAGES.findIndex((l) => l.id === language);
    const to =
      e.key === "ArrowRight" ? at + 1 : e.key === "ArrowLeft" ? at - 1 : e.key === "Home" ? 0 : e.key === "End" ? -1 : null;
    if (to === null) return;
    e.preventDefault();
    const n = CODE_LANGUAGES.length;
    choose(CODE_LANGUAGES[(to + n) % n].id, true);
  }

  const placeholder = language === "curl" ? `$${SHELL_KEY_VARIABLE}` : KEY_PLACEHOLDER;

  return (
    <div className={styles.code}>
      <div className={styles.bar}>
        <div role="tablist" aria-label="Code for this request" className={styles.tabs}>
          {CODE_LANGUAGES.map((l) => (
            <button
              key={l.id}
              ref={(el) => {
                if (el) tabs.current.set(l.id, el);
                else tabs.current.delete(l.id);
              }}
              type="button"
              role="tab"
              id={`${base}-tab-${l.id}`}
              aria-selected={l.id === language}
              aria-controls={`${base}-panel`}
              tabIndex={l.id === language ? 0 : -1}
              className={styles.tab}
              onClick={() => choose(l.id)}
              onKeyDown={onTabKey}
            >
              {l.label}
            </button>
          ))}
        </div>
        <button
          type="button"
          className="btn btn-sm"
          onClick={() => void copyText(code, pre.current).then(setCopied)}
          aria-describedby={`${base}-copied`}
        >
          {copied === "copied" ? "Copied" : `Copy ${current.label}`}
        </button>
      </div>
      <div className={styles.keyRow}>
        <label className={styles.keyToggle}>
          <input
            type="checkbox"
            checked={includeKey && key !== null}
            disabled={key === null}
            onChange={(e) => setIncludeKey(e.target.checked)}
          />
          Include my API key
        </label>
        <span className={styles.keyNote}>
          {key === null
            ? `You're signed in with a member session, so this console holds no API key: the code shows ${placeholder}. Use a key from the server's keys command.`
            : apiKey
              ? "The code holds your key: don't paste it anywhere public."
              : language === "curl"
                ? `Reads the key from $${SHELL_KEY_VARIABLE} (export ${SHELL_KEY_VARIABLE}=… first).`
                : `Replace ${KEY_PLACEHOLDER} with your key.`}
        </span>
      </div>
      <span id={`${base}-copied`} className={styles.status} role="status">
        {copied === "copied" ? `${current.label} copied to the clipboard` : copied === "selected" ? "The clipboard is not available here: the code is selected, press Ctrl+C (⌘C) to copy it." : ""}
      </span>
      <pre
        ref={pre}
        id={`${base}-panel`}
        role="tabpanel"
        aria-labelledby={`${base}-tab-${language}`}
        tabIndex={0}
        className={styles.pre}
      >
        <code>{code}</code>
      </pre>
    </div>
  );
}
