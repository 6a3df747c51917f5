// What is live on a task in the workbench, in precedence order, and what its `?` overlay lists:
// the page's commands (mode "work"), the panel's own keys ("work:<set>") and the canvas's, which
// is the editor ("edit", its tools and tool keys, the viewer's keys it keeps) on image task types,
// or the viewer ("view") on an image attachment of categorization, transcription or data
// collection. Precedence: the page and the panel win. The embedded viewer yields their keys
// (`yieldKeys`: "1" picks a category instead of zooming to 100%, `?` opens this overlay), and
// the editor's `?` opens this overlay too. src/commands/modes.test.ts checks every combination.
import { shortcutRows, yieldKeys, type Command, type ShortcutRow } from "../../commands";
import { VIEW_COMMANDS, VIEW_GESTURES, type CanvasCommand } from "../../canvas/commands";
import { EDIT_COMMANDS, TOOL_KEY_COMMANDS, toolCommands, VIEW_COMMANDS_IN_EDIT } from "../../canvas/edit/editCommands";
import { toolsFor } from "../../canvas/edit/tools";
import type { EditableTaskType } from "../../canvas/edit/types";
import { isVectorTaskType } from "../../geometry/validate";
import type { TaskType } from "../../schema";
import { WORK_COMMANDS } from "./commands";
import { panelCommands } from "./panels/commands";

type AnyCommand = Command<never>;

export function isEditableType(type: TaskType): type is EditableTaskType {
  return isVectorTaskType(type) || type === "segmentannotation";
}

const pageCommandsCache = new Map<TaskType, readonly AnyCommand[]>();

/** The keys the page takes before an embedded viewer: the workbench's and the panel's (one array per type, so props stay equal). */
export function pageCommandsOf(type: TaskType): readonly AnyCommand[] {
  let found = pageCommandsCache.get(type);
  if (!found) pageCommandsCache.set(type, (found = [...(WORK_COMMANDS as readonly AnyCommand[]), ...panelCommands(type)]));
  return found;
}

/** The viewer's commands as live in a panel of this type (the page's keys taken out). */
export function workViewCommands(type: TaskType): readonly CanvasCommand[] {
  return yieldKeys(VIEW_COMMANDS, pageCommandsOf(type)) as readonly CanvasCommand[];
}

/** The editor's commands live in the workbench (its `?` is the page's: `onShortcutHelp`). */
function workEditCommands(type: EditableTaskType): { tools: readonly AnyCommand[]; toolKeys: { group: string; commands: readonly AnyCommand[] }[]; edit: readonly AnyCommand[]; view: readonly AnyCommand[] } {
  const tools = toolsFor(type);
  return {
    tools: toolCommands(tools) as readonly AnyCommand[],
    toolKeys: tools.filter((t) => TOOL_KEY_COMMANDS[t.id]).map((t) => ({ group: `${t.label} tool`, commands: TOOL_KEY_COMMANDS[t.id] as readonly AnyCommand[] })),
    // Segmentation has no vector objects: selection commands don't apply.
    edit: EDIT_COMMANDS.filter((c) => c.id !== "help" && (type !== "segmentannotation" || c.group !== "Selection")) as readonly AnyCommand[],
    view: VIEW_COMMANDS_IN_EDIT as readonly AnyCommand[],
  };
}

/**
 * Every command whose key is live together on a task of this type (`image`: it has a single image
 * attachment the viewer shows): the editor's, the viewer's after submitting, and each tool's own
 * keys with the page's. No two commands of a list may share a key.
 */
export function workModeCommands(type: TaskType, image: boolean): (readonly AnyCommand[])[] {
  const page = pageCommandsOf(type);
  if (isEditableType(type)) {
    const e = workEditCommands(type);
    const base = [...page, ...e.edit, ...e.tools, ...e.view];
    // After submitting (or when the task is gone) the panel shows the viewer instead.
    const viewer = [...page, ...(workViewCommands(type) as readonly AnyCommand[])];
    // A tool's own keys take over the editor's while it draws (Backspace removes a vertex, not the
    // selection: `editModeCommands`), so they are checked against the page's keys only.
    return [base, viewer, ...e.toolKeys.map((t) => [...page, ...t.commands])];
  }
  return [image ? [...page, ...(workViewCommands(type) as readonly AnyCommand[])] : page];
}

/** The workbench's `?` overlay: the page's keys, the panel's, then the canvas's. */
export function workShortcutRows(type: TaskType, image: boolean): ShortcutRow[] {
  const rows = [...shortcutRows(WORK_COMMANDS), ...shortcutRows(panelCommands(type))];
  if (isEditableType(type)) {
    const e = workEditCommands(type);
    rows.push(...shortcutRows(e.tools), ...e.toolKeys.flatMap((t) => shortcutRows(t.commands, t.group)), ...shortcutRows(e.edit), ...shortcutRows(e.view));
    rows.push(...VIEW_GESTURES.slice(0, 2).map((g) => ({ ...g, group: "View" })));
  } else if (image) {
    // Wheel and drag; the object list's keys don't apply (these panels show no objects).
    rows.push(...shortcutRows(workViewCommands(type), "Image"), ...VIEW_GESTURES.slice(0, 2).map((g) => ({ ...g, group: "Image" })));
  }
  return rows;
}
