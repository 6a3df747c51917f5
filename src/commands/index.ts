// The console's one command registry (see registry.ts for modes and how to add one), its key
// matching, and the `?` overlay every screen uses.
export {
  allKeysOf,
  ariaKeysOf,
  commandForKey,
  defineCommands,
  findCommand,
  keyCapOf,
  shortcutRows,
  titleOf,
  yieldKeys,
  type Command,
  type CommandMode,
  type CommandSpec,
  type ShortcutRow,
} from "./registry";
export { canonicalBinding, formatBinding, isMacPlatform, matchesBinding, parseBinding, type KeyLike } from "./keys";
export { ShortcutOverlay } from "./ShortcutOverlay";
