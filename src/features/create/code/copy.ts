// Copying needs a secure context for navigator.clipboard (https or localhost); a console served
// over plain http on a LAN address has none, so fall back to the old selection + execCommand.

export type CopyOutcome = "copied" | "selected";

/** Copies `text`; when no clipboard API works, selects `fallback`'s text so Ctrl+C copies it. */
export async function copyText(text: string, fallback: HTMLElement | null): Promise<CopyOutcome> {
  try {
    if (navigator.clipboard && window.isSecureContext) {
      await navigator.clipboard.writeText(text);
      return "copied";
    }
  } catch {
    // Permission refused: try the fallback below.
  }
  const area = document.createElement("textarea");
  area.value = text;
  area.setAttribute("readonly", "");
  area.style.position = "fixed";
  area.style.opacity = "0";
  document.body.appendChild(area);
  area.select();
  let ok = false;
  try {
    ok = document.execCommand("copy");
  } catch {
    ok = false;
  }
  area.remove();
  if (ok) return "copied";
  if (fallback) {
    const range = document.createRange();
    range.selectNodeContents(fallback);
    const selection = window.getSelection();
    selection?.removeAllRanges();
    selection?.addRange(range);
  }
  return "selected";
}
