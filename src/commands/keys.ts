// Key bindings as written in the command registry, e.g. "Mod+Shift+Z", "Shift+F", "?", "[",
// "ArrowLeft", "Delete": how a key press is matched against one, and how one is written on a key
// cap. "Mod" is the platform's command modifier: ⌘ on a Mac, Ctrl elsewhere (either is accepted
// on every platform, so a Mac user's Ctrl+Z still undoes).

/** The parts of a key press a binding looks at. */
export type KeyLike = Pick<KeyboardEvent, "key"> & Partial<Pick<KeyboardEvent, "shiftKey" | "ctrlKey" | "metaKey" | "altKey">>;

export interface Binding {
  key: string;
  mod: boolean;
  shift: boolean;
  alt: boolean;
}

const MODIFIERS = new Set(["Mod", "Shift", "Alt"]);

/** "Mod+Shift+Z" → {key: "Z", mod, shift}. The key is the last part ("+" itself is a key). */
export function parseBinding(text: string): Binding {
  const parts = text === "+" ? ["+"] : text.endsWith("++") ? [...text.slice(0, -2).split("+"), "+"] : text.split("+");
  const key = parts[parts.length - 1];
  const mods = parts.slice(0, -1);
  for (const m of mods) if (!MODIFIERS.has(m)) throw new Error(`unknown modifier "${m}" in key binding "${text}"`);
  if (!key) throw new Error(`key binding "${text}" has no key`);
  return { key, mod: mods.includes("Mod"), shift: mods.includes("Shift"), alt: mods.includes("Alt") };
}

const isLetter = (k: string) => k.length === 1 && k.toLowerCase() !== k.toUpperCase();

/**
 * Whether a key press asks for a binding. Letters compare without case, and Shift must be as the
 * binding says (F fits, Shift+F is full screen). A single character that isn't a letter ("?",
 * "+", "[") is matched by the character alone: typing it may need Shift on one keyboard layout
 * and not on another. Named keys (Enter, ArrowLeft) must have the binding's Shift.
 */
export function matchesBinding(binding: Binding | string, e: KeyLike): boolean {
  const b = typeof binding === "string" ? parseBinding(binding) : binding;
  const mod = Boolean(e.ctrlKey || e.metaKey);
  if (mod !== b.mod || Boolean(e.altKey) !== b.alt) return false;
  if (isLetter(b.key)) return e.key.toLowerCase() === b.key.toLowerCase() && Boolean(e.shiftKey) === b.shift;
  if (b.key.length === 1) return e.key === b.key;
  return e.key === b.key && Boolean(e.shiftKey) === b.shift;
}

/** Two bindings that one key press could both match (for the registry's uniqueness test). */
export function canonicalBinding(text: string): string {
  const b = parseBinding(text);
  const key = isLetter(b.key) ? b.key.toUpperCase() : b.key;
  const shift = b.key.length === 1 && !isLetter(b.key) ? false : b.shift;
  return `${b.mod ? "Mod+" : ""}${b.alt ? "Alt+" : ""}${shift ? "Shift+" : ""}${key}`;
}

export function isMacPlatform(): boolean {
  if (typeof navigator === "undefined") return false;
  const platform = (navigator as Navigator & { userAgentData?: { platform?: string } }).userAgentData?.platform ?? navigator.platform ?? "";
  return /mac|iphone|ipad/i.test(platform);
}

const NAMED: Record<string, string> = {
  ArrowLeft: "←",
  ArrowRight: "→",
  ArrowUp: "↑",
  ArrowDown: "↓",
  Escape: "Esc",
  Delete: "Del",
  Backspace: "⌫",
  "-": "−",
  " ": "Space",
};

/** How a binding is written on a key cap: "Ctrl+Shift+Z" (or "⇧⌘Z" on a Mac), "Shift+F", "?", "←". */
export function formatBinding(text: string, mac = isMacPlatform()): string {
  const b = parseBinding(text);
  const key = NAMED[b.key] ?? (b.key.length === 1 ? b.key.toUpperCase() : b.key);
  if (mac) return `${b.alt ? "⌥" : ""}${b.shift ? "⇧" : ""}${b.mod ? "⌘" : ""}${key}`;
  return [b.mod && "Ctrl", b.alt && "Alt", b.shift && "Shift", key].filter(Boolean).join("+");
}

/** The value for `aria-keyshortcuts` (the ARIA spelling: "Control+Shift+Z", "Shift+F", "Escape"). */
export function ariaBinding(text: string, mac = isMacPlatform()): string {
  const b = parseBinding(text);
  return [b.mod && (mac ? "Meta" : "Control"), b.alt && "Alt", b.shift && "Shift", b.key === " " ? "Space" : b.key].filter(Boolean).join("+");
}
